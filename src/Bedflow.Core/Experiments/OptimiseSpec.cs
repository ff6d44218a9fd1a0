using Bedflow.Core.Units;

namespace Bedflow.Core.Experiments;

/// <summary>
/// What the scenario's <c>optimise:</c> section asks (docs/scenario-reference.md, docs/optimise.md):
/// the levers, the budget levels of the frontier (the extra spend a year on the levers), what to
/// minimise, the price of a delayed day, and how hard the search and the final selection work.
/// Immutable.
/// </summary>
public sealed record OptimiseSpec
{
    /// <summary>The levers, in file order (ties are broken in this order).</summary>
    public required IReadOnlyList<Lever> Levers { get; init; }

    /// <summary>The budget levels a year, rising; one frontier point each.</summary>
    public required IReadOnlyList<Money> Budgets { get; init; }

    /// <summary>
    /// The most each funder may spend a year on the levers it pays for (<see cref="Lever.PaidBy"/>),
    /// at every budget level, beside the total; a funder not named has no limit of its own.
    /// </summary>
    public IReadOnlyDictionary<Vocabulary.Commissioner, Money> FunderBudgets { get; init; } = new Dictionary<Vocabulary.Commissioner, Money>();

    /// <summary>What is minimised within each budget.</summary>
    public OptimiseGoal Goal { get; init; } = OptimiseGoal.DelayedDays;

    /// <summary>The price of a delayed day, for total system cost and the economically essential level; null = not priced.</summary>
    public Money? DelayedDayPrice { get; init; }

    /// <summary>Replications of every candidate first (the first stage of the selection); at least 2. Null = the scenario's.</summary>
    public int? Replications { get; init; }

    /// <summary>The most replications the selection may give a candidate; null = four times the first stage.</summary>
    public int? MaxReplications { get; init; }

    /// <summary>
    /// The indifference zone, in the goal's units a year (delayed days, or pounds): allocations
    /// closer than this are alike to the board. Null = 2% of the starting allocation's mean (at least 1).
    /// </summary>
    public double? Indifference { get; init; }

    /// <summary>The probability of correct selection the final ranking aims at (0.5 to 1, below 1).</summary>
    public double Confidence { get; init; } = 0.95;
}
