using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// Who is responsible for each reason's delayed days, when the published figures give the reasons
/// and the organisations only as two separate totals (NHS England publishes no reason ×
/// organisation table by council). Each reason's days are split among the organisations the SitRep
/// allows for it (domain.md §2) so that the organisations' totals are the published ones: C and I
/// are NHS only; "both" goes to the reasons that allow it, the same share of each; what is left of
/// every reason not held to NHS alone is split between NHS and social care in one proportion. The
/// published totals are met exactly whenever they can be (Both no more than the days of reasons
/// allowing it, NHS no less than C and I); otherwise as nearly as the table allows, and
/// <see cref="Unmet"/> says by how much. Immutable.
/// </summary>
public sealed record ReasonResponsibility
{
    /// <summary>Delayed days by reason and organisation (only pairs the SitRep allows; none below 0).</summary>
    public required IReadOnlyDictionary<DelayReason, IReadOnlyDictionary<Responsibility, double>> Days { get; init; }

    /// <summary>The largest gap between an organisation's allocated and published days, in days (0 when met exactly).</summary>
    public required double Unmet { get; init; }

    /// <summary>
    /// Splits <paramref name="byReason"/> (days by reason) so the organisations' totals are
    /// <paramref name="byOrganisation"/>'s shares of the reasons' total (the two published files
    /// need not add up to the same total; the shares are what is kept).
    /// </summary>
    public static ReasonResponsibility Of(IReadOnlyDictionary<DelayReason, double> byReason, IReadOnlyDictionary<Responsibility, double> byOrganisation)
    {
        ArgumentNullException.ThrowIfNull(byReason);
        ArgumentNullException.ThrowIfNull(byOrganisation);
        double total = byReason.Values.Sum(), orgTotal = byOrganisation.Values.Sum();
        double Target(Responsibility o) => orgTotal > 0 ? total * byOrganisation.GetValueOrDefault(o) / orgTotal : 0;
        double nhsOnly = byReason.Where(kv => Allowed(kv.Key).Count == 1).Sum(kv => kv.Value);
        double bothAllowed = byReason.Where(kv => Allowed(kv.Key).Contains(Responsibility.Both)).Sum(kv => kv.Value);
        double both = bothAllowed > 0 ? Math.Clamp(Target(Responsibility.Both) / bothAllowed, 0, 1) : 0;
        double rest = byReason.Where(kv => Allowed(kv.Key).Count > 1).Sum(kv => kv.Value * (Allowed(kv.Key).Contains(Responsibility.Both) ? 1 - both : 1));
        double nhs = rest > 0 ? Math.Clamp((Target(Responsibility.Nhs) - nhsOnly) / rest, 0, 1) : 0;
        var days = new Dictionary<DelayReason, IReadOnlyDictionary<Responsibility, double>>();
        foreach (var (reason, d) in byReason)
        {
            var allowed = Allowed(reason);
            if (allowed.Count == 1)
            {
                days[reason] = new Dictionary<Responsibility, double> { [Responsibility.Nhs] = d };
                continue;
            }
            double b = allowed.Contains(Responsibility.Both) ? both : 0;
            var split = new Dictionary<Responsibility, double> { [Responsibility.Nhs] = d * (1 - b) * nhs, [Responsibility.SocialCare] = d * (1 - b) * (1 - nhs) };
            if (allowed.Contains(Responsibility.Both))
            {
                split[Responsibility.Both] = d * b;
            }
            days[reason] = split;
        }
        double unmet = SitRep.Responsibilities.Max(o => Math.Abs(days.Values.Sum(s => s.GetValueOrDefault(o)) - Target(o)));
        return new ReasonResponsibility { Days = days, Unmet = unmet };
    }

    /// <summary>The organisations the SitRep allows to be responsible for a reason (domain.md §2).</summary>
    public static IReadOnlyList<Responsibility> Allowed(DelayReason reason) =>
        [.. SitRep.Responsibilities.Where(o => SitRep.Allows(reason, o))];
}
