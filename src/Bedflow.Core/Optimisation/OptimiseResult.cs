using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// What a budget-constrained search found: one frontier point per budget level, the marginal
/// value of each lever at the start, and the allocation of least total system cost. Differences
/// ("avoided") are against the starting allocation (every lever at its least amount), paired on
/// common random numbers. Immutable.
/// </summary>
public sealed record OptimiseResult
{
    /// <summary>The levers, in the order of every allocation's amounts.</summary>
    public required IReadOnlyList<Lever> Levers { get; init; }

    /// <summary>What was minimised.</summary>
    public required OptimiseGoal Goal { get; init; }

    /// <summary>The starting allocation: every lever at its least amount.</summary>
    public required Allocation Start { get; init; }

    /// <summary>The starting allocation's delayed days a year, on the same replications as every frontier point's figures.</summary>
    public required Estimate StartDelayedDays { get; init; }

    /// <summary>One point per budget level, in rising order of budget.</summary>
    public required IReadOnlyList<FrontierPoint> Frontier { get; init; }

    /// <summary>Each lever's marginal value at the start: one more step's delayed days avoided per £1,000 a year.</summary>
    public required IReadOnlyList<MarginalValue> Marginal { get; init; }

    /// <summary>The allocation of least total system cost within the largest budget; null when a delayed day has no price.</summary>
    public FrontierPoint? EconomicallyEssential { get; init; }

    /// <summary>The indifference zone used (in the goal's units a year).</summary>
    public required double Indifference { get; init; }

    /// <summary>The probability of correct selection aimed at.</summary>
    public required double Confidence { get; init; }

    /// <summary>First-stage replications of every candidate.</summary>
    public required int FirstStage { get; init; }

    /// <summary>Allocations simulated.</summary>
    public required int Candidates { get; init; }

    /// <summary>Replications simulated in all (extensions included; those taken from a state file not counted).</summary>
    public required long ReplicationsSimulated { get; init; }

    /// <summary>Of <see cref="ReplicationsSimulated"/>, those simulated for the reported figures (fresh replications; simulated again when a search resumes).</summary>
    public long ReplicationsForFigures { get; init; }

    /// <summary>Replications taken from a state file instead of simulated (a resumed search).</summary>
    public long ReplicationsReused { get; init; }
}

/// <summary>
/// The best allocation found within one budget, after ranking and selection: what it spends and
/// avoids, its total system cost, its harms against the start, the allocations not told apart
/// from it and the runner-up it was told apart from, and each lever's marginal value there. Immutable.
/// </summary>
/// <param name="Budget">The budget a year.</param>
/// <param name="Allocation">The amounts, one per lever.</param>
/// <param name="Spend">Its spend a year on the levers.</param>
/// <param name="DelayedDays">Delayed days a year.</param>
/// <param name="DelayedDaysAvoided">Delayed days a year avoided against the start (paired).</param>
/// <param name="TotalCost">Total system cost a year; null when a delayed day has no price.</param>
/// <param name="IndistinguishableFrom">Allocations within the budget still not told apart from it at the replication limit.</param>
/// <param name="RunnerUp">The last allocation told apart from it (worse); null when it was the only one.</param>
/// <param name="Replications">Replications the selection used.</param>
/// <param name="Marginal">Each lever's marginal value at this allocation.</param>
/// <param name="HarmsVersusStart">Each harm measure's paired difference against the start.</param>
public sealed record FrontierPoint(Money Budget, Allocation Allocation, Money Spend, Estimate DelayedDays, Estimate DelayedDaysAvoided, Estimate? TotalCost,
    IReadOnlyList<Allocation> IndistinguishableFrom, Allocation? RunnerUp, int Replications, IReadOnlyList<MarginalValue> Marginal,
    IReadOnlyDictionary<HarmMeasure, Estimate> HarmsVersusStart)
{
    /// <summary>Delayed days a year in acute beds avoided against the start (paired): the acute bed-days given back to the hospital; null when not known.</summary>
    public Estimate? AcuteBedDaysFreed { get; init; }

    /// <summary>How many replications its figures are on (every point's the same: the most any selection used); 0 when not known.</summary>
    public int FiguresReplications { get; init; }

    /// <summary>The first of the replications its figures are on: fresh ones, after every replication any choice was made on.</summary>
    public int FiguresFirstReplication { get; init; }

    /// <summary>Whether this is a smaller budget's choice, kept because this budget's own did no better on the figures' replications.</summary>
    public bool KeptFromSmallerBudget { get; init; }

    /// <summary>Harms significantly worse than the start beyond their tolerance on the figures' (fresh) replications, though not on the first stage's: the board should weigh them.</summary>
    public IReadOnlyList<HarmMeasure> HarmsWorseOnFigures { get; init; } = [];

    /// <summary>Its spend a year by who pays (the levers' <c>paid_by</c>); empty when not known.</summary>
    public IReadOnlyDictionary<Vocabulary.Commissioner, Money> SpendByFunder { get; init; } = new Dictionary<Vocabulary.Commissioner, Money>();
}

/// <summary>
/// A lever's marginal value at an allocation: the delayed days a year avoided by one more step,
/// per £1,000 a year of its cost (paired on common random numbers; the step's cost is exact, so
/// the interval is the paired difference's, scaled). Null when the lever is at its greatest amount. Immutable.
/// </summary>
/// <param name="Lever">The lever's name.</param>
/// <param name="DelayedDaysAvoidedPer1000Pounds">Delayed days a year avoided per £1,000 a year; null at the lever's bound.</param>
public sealed record MarginalValue(string Lever, Estimate? DelayedDaysAvoidedPer1000Pounds)
{
    /// <summary>Acute bed-days a year freed (delayed days in acute beds avoided) per £1,000 a year; null at the lever's bound or when not known.</summary>
    public Estimate? AcuteBedDaysFreedPer1000Pounds { get; init; }

    /// <summary>The step it is measured over: from this amount of the lever to the next.</summary>
    public int? From { get; init; }
}
