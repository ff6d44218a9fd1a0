namespace Bedflow.Core.Model;

/// <summary>Who a service takes first when a place frees and both blocked patients and queued arrivals wait.</summary>
public enum WaitingPriority
{
    /// <summary>Patients blocked in another service's bed go first (default): it frees that bed too.</summary>
    BlockedFirst,
    /// <summary>New arrivals in the queue go first.</summary>
    QueuedFirst,
    /// <summary>Whoever started waiting first; ties go to the blocked patient.</summary>
    FirstComeFirstServed,
}
