using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// How well simulated months reproduce a council's published months, against the targets a
/// calibrated model must meet over the fitting window (docs/calibration.md, "Fitting to the
/// published months"): annual delayed days within 5%; each reason's share within 3 percentage
/// points; each organisation's share within 5 points; the shape of the year — each quarter's
/// share of the window within 2.5 points, with the seasonal peak in the same quarter. Immutable.
/// </summary>
/// <remarks>
/// Each target's error is standardised by half its tolerance — the tolerance read as two standard
/// deviations of what the model may be expected to miss by — and the <see cref="Implausibility"/>
/// is the largest standardised error, as in history matching (Craig et al. 1997; Vernon et al.
/// 2010): a candidate is <see cref="Plausible"/> while it is at most 3 (every error within 1.5
/// tolerances), and <see cref="MeetsTargets"/> when every error is within its tolerance and the
/// peak is in the right quarter. The <see cref="Discrepancy"/> (the sum of squared standardised
/// errors) is what the search minimises.
/// </remarks>
public sealed record PublishedFit
{
    /// <summary>The tolerance on annual delayed days, relative.</summary>
    public const double AnnualTolerance = 0.05;

    /// <summary>The tolerance on each reason's share, in proportion (3 percentage points).</summary>
    public const double ReasonShareTolerance = 0.03;

    /// <summary>The tolerance on each organisation's share (5 points).</summary>
    public const double OrganisationShareTolerance = 0.05;

    /// <summary>
    /// The tolerance on each quarter's share of the window's delayed days (2.5 points). Quarters, not
    /// months: a month of a small county's delayed days is too noisy a thing to hold a model to.
    /// </summary>
    public const double QuarterShareTolerance = 0.025;

    /// <summary>The implausibility above which a candidate is ruled out.</summary>
    public const double PlausibleCutoff = 3;

    /// <summary>The months compared (those published and simulated).</summary>
    public required IReadOnlyList<DateOnly> Months { get; init; }

    /// <summary>Delayed days over the months, published.</summary>
    public required double Published { get; init; }

    /// <summary>Delayed days over the months, simulated.</summary>
    public required double Simulated { get; init; }

    /// <summary>(Simulated − published) ÷ published.</summary>
    public double AnnualError => Published > 0 ? (Simulated - Published) / Published : double.NaN;

    /// <summary>Simulated less published share of each reason (proportions).</summary>
    public required IReadOnlyDictionary<DelayReason, double> ReasonShareErrors { get; init; }

    /// <summary>Simulated less published share of each organisation.</summary>
    public required IReadOnlyDictionary<Responsibility, double> OrganisationShareErrors { get; init; }

    /// <summary>Simulated less published share of the window's delayed days in each quarter (three months at a time from the first).</summary>
    public required IReadOnlyList<double> QuarterShareErrors { get; init; }

    /// <summary>The quarter (1–4 of the window, by its months in order) with the most published delayed days.</summary>
    public required int PublishedPeakQuarter { get; init; }

    /// <summary>The quarter with the most simulated delayed days.</summary>
    public required int SimulatedPeakQuarter { get; init; }

    /// <summary>The largest standardised error.</summary>
    public double Implausibility => Standardised().Max(Math.Abs);

    /// <summary>The sum of squared standardised errors: what the search minimises.</summary>
    public double Discrepancy => Standardised().Sum(e => e * e);

    /// <summary>Whether the candidate is not ruled out (implausibility at most <see cref="PlausibleCutoff"/>).</summary>
    public bool Plausible => Implausibility <= PlausibleCutoff;

    /// <summary>Whether every target is met: each error within its tolerance, the peak in the published quarter.</summary>
    public bool MeetsTargets => Implausibility <= 2 && PublishedPeakQuarter == SimulatedPeakQuarter;

    private IEnumerable<double> Standardised()
    {
        yield return AnnualError / (AnnualTolerance / 2);
        foreach (var e in ReasonShareErrors.Values)
        {
            yield return e / (ReasonShareTolerance / 2);
        }
        foreach (var e in OrganisationShareErrors.Values)
        {
            yield return e / (OrganisationShareTolerance / 2);
        }
        foreach (var e in QuarterShareErrors)
        {
            yield return e / (QuarterShareTolerance / 2);
        }
    }

    /// <summary>
    /// The fit of <paramref name="simulated"/> to <paramref name="published"/> over the months both
    /// have. Organisation shares are taken over the organisation table's own total (published
    /// figures by reason and by organisation are separate tables that need not agree to the day).
    /// </summary>
    /// <exception cref="ArgumentException">No month is in both, or the published months have no delayed days.</exception>
    public static PublishedFit Of(IReadOnlyList<MonthlyDelays> simulated, IReadOnlyList<MonthlyDelays> published)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(published);
        var sim = simulated.ToDictionary(m => m.Month);
        var pairs = published.Where(p => sim.ContainsKey(p.Month)).OrderBy(p => p.Month).Select(p => (Published: p, Simulated: sim[p.Month])).ToList();
        if (pairs.Count == 0)
        {
            throw new ArgumentException("no month is both published and simulated: the scenario's period and the months asked for do not overlap.", nameof(published));
        }
        double pub = pairs.Sum(p => p.Published.Total), simTotal = pairs.Sum(p => p.Simulated.Total);
        if (pub <= 0)
        {
            throw new ArgumentException("the published months have no delayed days: nothing to fit to.", nameof(published));
        }
        double Share(double part, double whole) => whole > 0 ? part / whole : 0;
        var reasons = SitRep.Reasons.Where(r => pairs.Any(p => p.Published.ByReason.ContainsKey(r))).ToList();
        var orgs = SitRep.Responsibilities.Where(o => pairs.Any(p => p.Published.ByOrganisation.ContainsKey(o))).ToList();
        double pubOrg = pairs.Sum(p => orgs.Sum(o => p.Published.ByOrganisation.GetValueOrDefault(o)));
        double simOrg = pairs.Sum(p => orgs.Sum(o => p.Simulated.ByOrganisation.GetValueOrDefault(o)));
        return new PublishedFit
        {
            Months = [.. pairs.Select(p => p.Published.Month)],
            Published = pub,
            Simulated = simTotal,
            ReasonShareErrors = reasons.ToDictionary(r => r, r =>
                Share(pairs.Sum(p => p.Simulated.ByReason.GetValueOrDefault(r)), simTotal) - Share(pairs.Sum(p => p.Published.ByReason.GetValueOrDefault(r)), pub)),
            OrganisationShareErrors = orgs.ToDictionary(o => o, o =>
                Share(pairs.Sum(p => p.Simulated.ByOrganisation.GetValueOrDefault(o)), simOrg) - Share(pairs.Sum(p => p.Published.ByOrganisation.GetValueOrDefault(o)), pubOrg)),
            QuarterShareErrors = [.. Quarters(pairs.Select(p => p.Simulated.Total).ToList()).Zip(Quarters(pairs.Select(p => p.Published.Total).ToList()), (s, q) => Share(s, simTotal) - Share(q, pub))],
            PublishedPeakQuarter = PeakQuarter(pairs.Select(p => p.Published.Total).ToList()),
            SimulatedPeakQuarter = PeakQuarter(pairs.Select(p => p.Simulated.Total).ToList()),
        };
    }

    // Quarters of the window as its months fall, three at a time (a shorter last one counts as it is).
    private static List<double> Quarters(List<double> months) =>
        [.. Enumerable.Range(0, (months.Count + 2) / 3).Select(q => months.Skip(q * 3).Take(3).Sum())];

    private static int PeakQuarter(List<double> months)
    {
        var quarters = Quarters(months);
        return quarters.IndexOf(quarters.Max()) + 1;
    }
}
