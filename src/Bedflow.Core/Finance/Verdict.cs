using Bedflow.Core.Statistics;

namespace Bedflow.Core.Finance;

/// <summary>
/// The best option, as data: which variant, by which rule (<see cref="Kind"/>), and the numbers it
/// rests on — or why there is none, and how many replications would tell the closest apart. The
/// faces word it (Bedflow.Reports' <c>VerdictWording</c>, docs/results.md); Core holds no
/// sentences. Immutable; made by <see cref="Of"/> or by the factories of each kind.
/// </summary>
/// <remarks>
/// Findings beyond the kind are <see cref="Reasons"/>, a list of typed records with their
/// numbers, so that an appraisal can add its own (harms, stability) without a new property each.
/// </remarks>
public sealed class Verdict
{
    private Verdict(VerdictKind kind, int replications)
    {
        Kind = kind;
        Replications = Preconditions.Positive(replications, nameof(replications));
    }

    /// <summary>The rule the verdict follows, or why it names no best option.</summary>
    public VerdictKind Kind { get; }

    /// <summary>The replications of the run the verdict judges.</summary>
    public int Replications { get; }

    /// <summary>
    /// The variant the verdict is about: the chosen one (<see cref="VerdictKind.Recommended"/>,
    /// <see cref="VerdictKind.RankedByDelayedDaysAvoided"/>) or the closest to being told apart
    /// (<see cref="VerdictKind.CannotTellApart"/>); null otherwise.
    /// </summary>
    public string? Variant { get; private init; }

    /// <summary>The best option's name: <see cref="Variant"/> when the verdict chose one, else null.</summary>
    public string? Best => Kind is VerdictKind.Recommended or VerdictKind.RankedByDelayedDaysAvoided or VerdictKind.LeastCost ? Variant : null;

    /// <summary>What the verdict optimised (null for verdicts from <see cref="Of"/>, which know only the comparisons).</summary>
    public Objective? Objective { get; private init; }

    /// <summary>Fieller's 95% interval of the recommended option's cost per delayed day avoided; null unless <see cref="VerdictKind.Recommended"/> by an appraisal.</summary>
    public Ratio? CostPerDelayedDayAvoidedInterval { get; private init; }

    /// <summary>The chosen option's extra cost a year (variant − baseline, paired); null when not priced or not chosen.</summary>
    public Estimate? ExtraCostPerYear { get; private init; }

    /// <summary>Delayed days a year <see cref="Variant"/> avoids (baseline − variant, paired), or null without a variant.</summary>
    public Estimate? DelayedDaysAvoided { get; private init; }

    /// <summary>
    /// Extra cost a year per delayed day avoided a year, in pounds, of the recommended option
    /// (negative: it saves money too); null unless <see cref="VerdictKind.Recommended"/>.
    /// </summary>
    public double? CostPerDelayedDayAvoided { get; private init; }

    /// <summary>
    /// About how many replications would make the closest option's interval exclude zero; null
    /// unless <see cref="VerdictKind.CannotTellApart"/>.
    /// </summary>
    public int? ReplicationsNeeded { get; private init; }

    /// <summary>Findings about <see cref="Variant"/> beside the kind, in the order they are to be said (today: <see cref="FrontDoorWaitsRise"/>).</summary>
    public IReadOnlyList<VerdictReason> Reasons { get; private init; } = [];

    /// <summary>The lowest cost per delayed day avoided among options that clearly avoid delays.</summary>
    public static Verdict Recommended(string variant, Estimate delayedDaysAvoided, double costPerDelayedDayAvoided, IReadOnlyList<VerdictReason> reasons, int replications)
    {
        ArgumentException.ThrowIfNullOrEmpty(variant);
        ArgumentNullException.ThrowIfNull(delayedDaysAvoided);
        ArgumentNullException.ThrowIfNull(reasons);
        return new Verdict(VerdictKind.Recommended, replications)
        {
            Variant = variant,
            DelayedDaysAvoided = delayedDaysAvoided,
            CostPerDelayedDayAvoided = Preconditions.Finite(costPerDelayedDayAvoided, nameof(costPerDelayedDayAvoided)),
            Reasons = [.. reasons],
        };
    }

    /// <summary>
    /// The best acceptable option by <paramref name="objective"/>, with the interval of its
    /// objective (<paramref name="costPerDay"/> for <see cref="Objective.CostPerDelayedDayAvoided"/>,
    /// <paramref name="delayedDaysAvoided"/> or <paramref name="extraCost"/> otherwise) and the
    /// findings about it (e.g. that it cannot be told apart from the runner-up).
    /// </summary>
    public static Verdict BestBy(Objective objective, string variant, Estimate delayedDaysAvoided, Ratio? costPerDay, Estimate? extraCost,
        IReadOnlyList<VerdictReason> reasons, int replications)
    {
        ArgumentException.ThrowIfNullOrEmpty(variant);
        ArgumentNullException.ThrowIfNull(delayedDaysAvoided);
        ArgumentNullException.ThrowIfNull(reasons);
        Preconditions.Check(objective != Finance.Objective.CostPerDelayedDayAvoided || costPerDay is not null, nameof(costPerDay), "the cost per delayed day avoided is the objective: it must be given.");
        Preconditions.Check(objective != Finance.Objective.Cost || extraCost is not null, nameof(extraCost), "the extra cost is the objective: it must be given.");
        var kind = objective switch
        {
            Finance.Objective.CostPerDelayedDayAvoided => VerdictKind.Recommended,
            Finance.Objective.DelayedDaysAvoided => VerdictKind.RankedByDelayedDaysAvoided,
            _ => VerdictKind.LeastCost,
        };
        return new Verdict(kind, replications)
        {
            Objective = objective,
            Variant = variant,
            DelayedDaysAvoided = delayedDaysAvoided,
            CostPerDelayedDayAvoided = costPerDay?.Value,
            CostPerDelayedDayAvoidedInterval = costPerDay,
            ExtraCostPerYear = extraCost,
            Reasons = [.. reasons],
        };
    }

    /// <summary>Options avoid delays but none is acceptable; <paramref name="reasons"/> says why, option by option.</summary>
    public static Verdict NoAcceptableOption(Objective objective, IReadOnlyList<VerdictReason> reasons, int replications)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return new Verdict(VerdictKind.NoAcceptableOption, replications) { Objective = objective, Reasons = [.. reasons] };
    }

    /// <summary>One replication: no intervals, no recommendation.</summary>
    public static Verdict NoIntervals(Objective objective) => new(VerdictKind.NoIntervals, 1) { Objective = objective };

    /// <summary>No option is clear (by an appraisal); <paramref name="closest"/> would need about <paramref name="replicationsNeeded"/> replications.</summary>
    public static Verdict CannotTellApart(Objective objective, string closest, Estimate delayedDaysAvoided, int replicationsNeeded, int replications) =>
        new(VerdictKind.CannotTellApart, replications)
        {
            Objective = objective,
            Variant = closest,
            DelayedDaysAvoided = delayedDaysAvoided,
            ReplicationsNeeded = Preconditions.Positive(replicationsNeeded, nameof(replicationsNeeded)),
        };

    /// <summary>Without prices: the option that clearly avoids the most delayed days.</summary>
    public static Verdict RankedByDelayedDaysAvoided(string variant, Estimate delayedDaysAvoided, int replications)
    {
        ArgumentException.ThrowIfNullOrEmpty(variant);
        ArgumentNullException.ThrowIfNull(delayedDaysAvoided);
        return new Verdict(VerdictKind.RankedByDelayedDaysAvoided, replications) { Variant = variant, DelayedDaysAvoided = delayedDaysAvoided };
    }

    /// <summary>Only the baseline: nothing to compare.</summary>
    public static Verdict NoVariants(int replications) => new(VerdictKind.NoVariants, replications);

    /// <summary>No option avoids delayed days.</summary>
    public static Verdict NoOptionAvoidsDelays(int replications) => new(VerdictKind.NoOptionAvoidsDelays, replications);

    /// <summary>No option is clear; <paramref name="closest"/> would need about <paramref name="replicationsNeeded"/> replications.</summary>
    public static Verdict CannotTellApart(string closest, Estimate delayedDaysAvoided, int replicationsNeeded, int replications)
    {
        ArgumentException.ThrowIfNullOrEmpty(closest);
        ArgumentNullException.ThrowIfNull(delayedDaysAvoided);
        return new Verdict(VerdictKind.CannotTellApart, replications)
        {
            Variant = closest,
            DelayedDaysAvoided = delayedDaysAvoided,
            ReplicationsNeeded = Preconditions.Positive(replicationsNeeded, nameof(replicationsNeeded)),
        };
    }

    /// <summary>Judges the comparisons of a run with <paramref name="replications"/> replications.</summary>
    public static Verdict Of(IReadOnlyList<Comparison> comparisons, int replications)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var clear = comparisons.Where(c => c.AvoidsDelaysClearly && !double.IsNaN(c.CostPerDelayedDayAvoided)).ToList();
        var uncosted = comparisons.Where(c => c.AvoidsDelaysClearly && double.IsNaN(c.CostPerDelayedDayAvoided)).ToList();
        if (clear.Count == 0 && uncosted.Count > 0)
        {
            var most = uncosted.MaxBy(c => c.DelayedDaysAvoided.Mean)!;
            return RankedByDelayedDaysAvoided(most.Variant, most.DelayedDaysAvoided, replications);
        }
        if (clear.Count > 0)
        {
            var best = clear.MinBy(c => c.CostPerDelayedDayAvoided)!;
            // Fewer delays bought by a fuller hospital is not the same good: a finding of its own.
            VerdictReason[] reasons = best.AdmissionsWaiting.Lower is > FrontDoorWaitsRise.Threshold ? [new FrontDoorWaitsRise(best.AdmissionsWaiting)] : [];
            return Recommended(best.Variant, best.DelayedDaysAvoided, best.CostPerDelayedDayAvoided, reasons, replications);
        }
        if (comparisons.Count == 0)
        {
            return NoVariants(replications);
        }
        // The closest: the largest mean avoided relative to its interval's half-width.
        var closest = comparisons.Where(c => c.DelayedDaysAvoided is { Mean: > 0, HalfWidth: > 0 })
            .MaxBy(c => c.DelayedDaysAvoided.Mean / c.DelayedDaysAvoided.HalfWidth!.Value);
        if (closest is null)
        {
            return NoOptionAvoidsDelays(replications);
        }
        // Half-widths shrink as 1/√n, so n × (half-width ÷ mean)² replications would bring the lower end to zero: 10% and one more to clear it.
        double ratio = closest.DelayedDaysAvoided.HalfWidth!.Value / closest.DelayedDaysAvoided.Mean;
        int needed = (int)Math.Ceiling(replications * ratio * ratio * 1.1) + 1;
        return CannotTellApart(closest.Variant, closest.DelayedDaysAvoided, needed, replications);
    }
}
