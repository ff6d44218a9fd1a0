using Bedflow.Core.Finance;

namespace Bedflow.Core.Experiments;

/// <summary>
/// How options are appraised (the scenario's <c>decision:</c> section; docs/scenario-reference.md):
/// the objective, how much worse than the baseline each harm may be before an option is not
/// acceptable, which harms the board allows to worsen, and whether options must stay within
/// budget. Immutable; <see cref="Default"/> when the scenario says nothing.
/// </summary>
public sealed record DecisionRules
{
    /// <summary>The rules when the scenario has no <c>decision:</c> section.</summary>
    public static DecisionRules Default { get; } = new();

    /// <summary>The objective; null = by pricing (<see cref="Objective.CostPerDelayedDayAvoided"/> if priced, else <see cref="Objective.DelayedDaysAvoided"/>).</summary>
    public Objective? Objective { get; init; }

    /// <summary>Tolerances that replace the defaults (<see cref="DefaultTolerance"/>), in the measure's own units.</summary>
    public IReadOnlyDictionary<HarmMeasure, double> Tolerances { get; init; } = new Dictionary<HarmMeasure, double>();

    /// <summary>Harms the board accepts may worsen: they are reported but do not make an option unacceptable.</summary>
    public IReadOnlySet<HarmMeasure> Allowed { get; init; } = new HashSet<HarmMeasure>();

    /// <summary>Whether an option whose modelled spend exceeds an organisation's budget in any year is not acceptable.</summary>
    public bool WithinBudget { get; init; }

    /// <summary>The objective in force for a run that is (or is not) priced.</summary>
    public Objective ObjectiveFor(bool priced) => Objective ?? (priced ? Finance.Objective.CostPerDelayedDayAvoided : Finance.Objective.DelayedDaysAvoided);

    /// <summary>
    /// How much worse than the baseline <paramref name="measure"/> may be (paired 95% interval's
    /// nearer end beyond it in the bad direction = significantly worse): the stated tolerance,
    /// else the default, the larger of an absolute floor and 1% of the baseline's level.
    /// </summary>
    public double ToleranceFor(HarmMeasure measure, double baselineLevel) =>
        Tolerances.TryGetValue(measure, out double stated) ? stated : DefaultTolerance(measure, baselineLevel);

    /// <summary>The default tolerance of a measure (docs/results-reference.md, "Appraisal").</summary>
    public static double DefaultTolerance(HarmMeasure measure, double baselineLevel)
    {
        double floor = measure switch
        {
            HarmMeasure.EmergencyAdmissions or HarmMeasure.ElectiveAdmissions or HarmMeasure.ElectivesTurnedAway => 12, // one a month
            HarmMeasure.WaitingForAcuteBed => 0.5,
            HarmMeasure.WaitingForAcuteBedPeak or HarmMeasure.WaitingUncounted => 1,
            HarmMeasure.HoursWaitedForAcuteBed => 24,
            HarmMeasure.WaitsOver4Hours or HarmMeasure.WaitsOver12Hours => 12,
            HarmMeasure.AcuteOccupancy => 0.01, // one percentage point
            HarmMeasure.DaysAbove92Percent or HarmMeasure.DaysAbove95Percent => 7,
            _ => 0,
        };
        double relative = measure == HarmMeasure.AcuteOccupancy || !double.IsFinite(baselineLevel) ? 0 : 0.01 * Math.Abs(baselineLevel);
        return Math.Max(floor, relative);
    }
}
