namespace Bedflow.Core.Experiments;

/// <summary>
/// What an option may do to patients beyond delayed transfers: the activity it treats and the
/// harm at the front door and in places the SitRep does not count. Each is a figure a year or
/// on a typical day over the reported period (docs/results-reference.md, "Harms").
/// </summary>
public enum HarmMeasure
{
    /// <summary>Emergency patients admitted a year (care started at their first service; redirected streams included).</summary>
    EmergencyAdmissions,

    /// <summary>Planned (elective) patients admitted a year.</summary>
    ElectiveAdmissions,

    /// <summary>Planned patients cancelled or turned away a year (no place, no room in the queue, no diversion).</summary>
    ElectivesTurnedAway,

    /// <summary>Patients waiting for an acute bed at midnight, on a typical night.</summary>
    WaitingForAcuteBed,

    /// <summary>The 95th percentile over days of the most patients waiting for an acute bed at any moment of the day.</summary>
    WaitingForAcuteBedPeak,

    /// <summary>Patient-hours waited for an acute bed a year.</summary>
    HoursWaitedForAcuteBed,

    /// <summary>Patients a year who waited more than 4 hours for an acute bed.</summary>
    WaitsOver4Hours,

    /// <summary>Patients a year who waited more than 12 hours for an acute bed.</summary>
    WaitsOver12Hours,

    /// <summary>Acute occupancy: time-average places held ÷ capacity.</summary>
    AcuteOccupancy,

    /// <summary>Days a year on which acute occupancy at midnight was above 92%.</summary>
    DaysAbove92Percent,

    /// <summary>Days a year on which acute occupancy at midnight was above 95%.</summary>
    DaysAbove95Percent,

    /// <summary>
    /// Patients ready to move on but still holding a place the SitRep does not count (e.g. in
    /// reablement waiting for home care), on a typical day: delay moved, not removed.
    /// </summary>
    WaitingUncounted,
}

/// <summary>Which way a harm measure gets worse.</summary>
public enum Worse
{
    /// <summary>More is worse (waits, cancellations, occupancy).</summary>
    Higher,

    /// <summary>Less is worse (patients treated).</summary>
    Lower,
}
