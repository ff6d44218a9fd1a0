using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Decisions;

/// <summary>The option's queues grow, it deadlocks, or its flow balance offers a service more than it can carry: its long-run figures have no meaning, and it cannot be recommended. Immutable.</summary>
/// <param name="Growing">The services whose queues grow, with the growth.</param>
/// <param name="DeadlockedReplications">Replications that ended in a deadlock.</param>
/// <param name="OverCapacity">Services the flow balance offers more than they can carry over the period (<see cref="Stability.OverCapacity"/>).</param>
public sealed record Overloads(IReadOnlyList<QueueGrowth> Growing, int DeadlockedReplications, IReadOnlyList<LoadFinding> OverCapacity) : VerdictReason
{
    /// <summary>The services responsible, each once, in the order found: over capacity by the flow balance, then queues that grow or do not settle.</summary>
    public IReadOnlyList<string> Services => [.. OverCapacity.Select(f => f.Load.Service).Concat(Growing.Select(g => g.Service)).Distinct()];
}

/// <summary>A harm significantly worse than the baseline beyond its tolerance: the option is not acceptable. Immutable.</summary>
/// <param name="Measure">The harm.</param>
/// <param name="Difference">Variant − baseline, paired, with its 95% interval.</param>
/// <param name="Tolerance">How much worse it may be, in the measure's units.</param>
public sealed record HarmWorse(HarmMeasure Measure, Estimate Difference, double Tolerance) : VerdictReason;

/// <summary>A harm significantly worse than the baseline that the scenario's <c>decision.allow</c> accepts. Immutable.</summary>
/// <param name="Measure">The harm.</param>
/// <param name="Difference">Variant − baseline, paired.</param>
public sealed record HarmAllowed(HarmMeasure Measure, Estimate Difference) : VerdictReason;

/// <summary>Delayed days rise significantly (objective <see cref="Objective.Cost"/>: not acceptable). Immutable.</summary>
/// <param name="DelayedDaysAvoided">Baseline − variant, paired (negative: more delays).</param>
public sealed record DelaysRise(Estimate DelayedDaysAvoided) : VerdictReason;

/// <summary>The option does not clearly avoid delayed days (its paired interval does not lie above zero). Immutable.</summary>
/// <param name="DelayedDaysAvoided">Baseline − variant, paired.</param>
public sealed record DelaysNotClearlyAvoided(Estimate DelayedDaysAvoided) : VerdictReason;

/// <summary>An organisation's modelled spend exceeds its budget in a year (with <c>decision.within_budget</c>: not acceptable). Immutable.</summary>
/// <param name="Organisation">Whose budget.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Spend">Modelled spend that year.</param>
/// <param name="Budget">The budget, in pounds.</param>
public sealed record OverBudget(Vocabulary.Commissioner Organisation, Units.FinancialYear Year, Estimate Spend, decimal Budget) : VerdictReason;

/// <summary>Another option (or the baseline) is at least as good on delayed days, cost and every harm, and better on one. Immutable.</summary>
/// <param name="By">The option that dominates it.</param>
public sealed record DominatedBy(string By) : VerdictReason;

/// <summary>One replication: no interval, so the option cannot be shown acceptable. Immutable.</summary>
public sealed record NoInterval : VerdictReason;
