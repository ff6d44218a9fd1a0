namespace Bedflow.Core.Simulation;

/// <summary>
/// The per-service measures of one replication over the reporting horizon. Time averages are
/// per day over the horizon; "blocked" means ready to move on but still holding the place.
/// A ratio whose denominator is zero in a replication (e.g. mean time blocked when nobody was
/// blocked) is NaN there and left out of the mean over replications.
/// </summary>
public enum ServiceMetric
{
    /// <summary>Time-average places held, including blocked patients.</summary>
    MeanOccupancy,
    /// <summary>Time-average units in use by patients in care (excluding blocked) ÷ time-average capacity. NaN for unlimited capacity.</summary>
    Utilisation,
    /// <summary>Time-average places held by blocked patients: ready to move on (or using a resource such as an assessor) but still in the place.</summary>
    MeanBlocked,
    /// <summary>Time-average patients in care (not blocked).</summary>
    MeanInCare,
    /// <summary>Time-average units of capacity in use (= places for services without a demand; e.g. carer hours for home care).</summary>
    MeanUnitsInUse,
    /// <summary>Time-average new arrivals waiting in the queue.</summary>
    MeanQueue,
    /// <summary>Time-average capacity. NaN for unlimited capacity.</summary>
    MeanCapacity,
    /// <summary>Mean wait in the queue (days) of patients admitted from outside or the queue, zeros included.</summary>
    MeanWaitInQueue,
    /// <summary>Mean time blocked (days) per patient leaving, zeros included.</summary>
    MeanBlockedTimePerDeparture,
    /// <summary>Mean time blocked (days) per patient who was blocked at all.</summary>
    MeanBlockedTimePerBlockedPatient,
    /// <summary>Mean time from start of care to leaving the place (days), blocked time included.</summary>
    MeanTimeInPlace,
    /// <summary>Patients leaving per day.</summary>
    Throughput,
    /// <summary>Patients admitted (care started) over the horizon.</summary>
    Admissions,
    /// <summary>Patients leaving over the horizon.</summary>
    Departures,
    /// <summary>Planned arrivals turned away (not diverted) over the horizon.</summary>
    Rejections,
    /// <summary>Planned arrivals sent to their diversion service over the horizon.</summary>
    Diversions,
    /// <summary>Share of arrivals from outside that were turned away or diverted (loss probability).</summary>
    ProbabilityTurnedAway,
    /// <summary>Share of patients ready to move on whose next service had no place (blocking probability).</summary>
    ProbabilityBlockedWhenReady,
    /// <summary>Share of the horizon with escalation beds open. NaN without escalation.</summary>
    EscalationOpenShare,
    /// <summary>Time-average units in use beyond the normal capacity (escalation beds occupied). NaN without escalation.</summary>
    MeanEscalationInUse,
    /// <summary>Times escalation opened over the horizon. NaN without escalation.</summary>
    EscalationOpenings,
    /// <summary>
    /// Patients who waited in the queue longer than 4 hours: those admitted during the horizon after
    /// such a wait, and those still queueing at its end who had already waited that long.
    /// </summary>
    QueueWaitsOver4Hours,
    /// <summary>As <see cref="QueueWaitsOver4Hours"/>, for waits longer than 12 hours.</summary>
    QueueWaitsOver12Hours,
}
