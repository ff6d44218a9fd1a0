using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Experiments;

/// <summary>
/// One lever of an optimisation (the scenario's <c>optimise.levers</c>): either capacity added to a
/// service of the baseline — beds, places, staff, carer hours a week — in steps, between bounds,
/// at a cost a year for each unit (an amount is added to every point of the service's capacity
/// schedule, so a change of capacity on a date keeps its size); or a switch (<see cref="Switch"/>)
/// that turns an intervention on (amount 1) or off (0) at its cost a year. Immutable.
/// </summary>
/// <param name="Name">Its name in the file (the key under <c>levers</c>).</param>
/// <param name="Service">The service whose capacity it changes; empty for a switch.</param>
/// <param name="Step">The step the amount moves by (at least 1).</param>
/// <param name="Min">The least amount (added to the capacity; may be below 0 to let the search cut), a whole number of steps below <paramref name="Max"/>.</param>
/// <param name="Max">The greatest amount.</param>
/// <param name="UnitCost">The cost a year of one unit (a bed, a place, a carer hour a week; for a switch, the intervention), above £0.</param>
/// <param name="PaidBy">Who funds it (the organisation whose budget it counts against, or the pooled fund).</param>
public sealed record Lever(string Name, string Service, int Step, int Min, int Max, Money UnitCost, Commissioner PaidBy)
{
    /// <summary>For a switch, the intervention it turns on or off; null for a capacity lever.</summary>
    public LeverSwitch? Switch { get; init; }

    /// <summary>Whether it is a switch (amount 0 = off, 1 = on).</summary>
    public bool IsSwitch => Switch is not null;

    /// <summary>The cost a year of <paramref name="amount"/> units.</summary>
    public Money Cost(int amount) => UnitCost * amount;

    /// <summary>The cost a year of one step.</summary>
    public Money StepCost => UnitCost * Step;

    /// <summary>A switch lever: <paramref name="intervention"/> off at 0 and on at 1, at <paramref name="cost"/> a year.</summary>
    public static Lever ForSwitch(string name, LeverSwitch intervention, Money cost, Commissioner paidBy)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return new Lever(name, string.Empty, 1, 0, 1, cost, paidBy) { Switch = intervention };
    }
}

/// <summary>
/// What a switch lever turns on: an intervention's added capacity, service by service, while it is
/// in force. When the baseline already has it (<paramref name="InBaseline"/>: it is in the file's
/// <c>interventions:</c>), off takes it away and on leaves it; otherwise on adds it. Immutable.
/// </summary>
/// <param name="Intervention">The intervention's name.</param>
/// <param name="InBaseline">Whether the baseline network already holds it.</param>
/// <param name="Windows">The capacity it adds: service, from day (inclusive), to day (exclusive), places.</param>
public sealed record LeverSwitch(string Intervention, bool InBaseline, IReadOnlyList<CapacityWindow> Windows);

/// <summary>Places added to a service from one day (inclusive) to another (exclusive), days from the start date.</summary>
/// <param name="Service">The service.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The day it ends (exclusive).</param>
/// <param name="Places">Places added (below 0 takes away).</param>
public sealed record CapacityWindow(string Service, double From, double To, int Places);
