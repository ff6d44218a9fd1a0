using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Experiments;

/// <summary>
/// One lever of an optimisation (the scenario's <c>optimise.levers</c>): capacity added to a
/// service of the baseline — beds, places, staff, carer hours a week — in steps, between bounds,
/// at a cost a year for each unit. An amount is added to every point of the service's capacity
/// schedule (so a change of capacity on a date keeps its size). Immutable.
/// </summary>
/// <param name="Name">Its name in the file (the key under <c>levers</c>).</param>
/// <param name="Service">The service whose capacity it changes.</param>
/// <param name="Step">The step the amount moves by (at least 1).</param>
/// <param name="Min">The least amount (added to the capacity; may be below 0 to let the search cut), a whole number of steps below <paramref name="Max"/>.</param>
/// <param name="Max">The greatest amount.</param>
/// <param name="UnitCost">The cost a year of one unit (a bed, a place, a carer hour a week), above £0.</param>
/// <param name="PaidBy">Who funds it.</param>
public sealed record Lever(string Name, string Service, int Step, int Min, int Max, Money UnitCost, Commissioner PaidBy)
{
    /// <summary>The cost a year of <paramref name="amount"/> units.</summary>
    public Money Cost(int amount) => UnitCost * amount;

    /// <summary>The cost a year of one step.</summary>
    public Money StepCost => UnitCost * Step;
}
