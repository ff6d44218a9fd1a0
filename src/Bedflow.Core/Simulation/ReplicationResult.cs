namespace Bedflow.Core.Simulation;

/// <summary>What one replication measured. Immutable once returned.</summary>
public sealed class ReplicationResult
{
    internal ReplicationResult(int replication, double[][] serviceMetrics, SystemCounts counts, IReadOnlyList<DeadlockEvent> deadlocks,
        DailyCensus? census, IReadOnlyList<Episode>? episodes, IReadOnlyList<WaitSegment>? waits)
    {
        Replication = replication;
        ServiceMetrics = serviceMetrics;
        Counts = counts;
        Deadlocks = deadlocks;
        Census = census;
        Episodes = episodes;
        Waits = waits;
    }

    /// <summary>The replication number (0-based).</summary>
    public int Replication { get; }

    /// <summary>[service][(int)metric].</summary>
    public IReadOnlyList<double[]> ServiceMetrics { get; }

    /// <summary>Counts over the whole network.</summary>
    public SystemCounts Counts { get; }

    /// <summary>Deadlocks detected.</summary>
    public IReadOnlyList<DeadlockEvent> Deadlocks { get; }

    /// <summary>Midnight counts per service and day, if requested.</summary>
    public DailyCensus? Census { get; }

    /// <summary>The patient-episode log, if requested.</summary>
    public IReadOnlyList<Episode>? Episodes { get; }

    /// <summary>What patients ready in a bed waited for, over time (recorded with the episode log).</summary>
    public IReadOnlyList<WaitSegment>? Waits { get; }

    /// <summary>What happened to each arrival stream's patients in the reporting window, in stream order.</summary>
    public IReadOnlyList<StreamCounts> Streams { get; internal init; } = [];

    /// <summary>One measure of one service.</summary>
    public double Get(int service, ServiceMetric metric) => ServiceMetrics[service][(int)metric];
}

/// <summary>
/// One arrival stream's patients in the reporting window: how many arrived, how many were
/// admitted to their first service (a diversion service included), how many were turned away
/// and how many were diverted. Admissions are counted when care starts, so a patient who
/// arrived before the window and waited into it counts as admitted but not as arrived.
/// </summary>
/// <param name="Arrived">Patients who arrived (whatever happened next).</param>
/// <param name="Admitted">Patients whose first care started.</param>
/// <param name="TurnedAway">Planned patients turned away (neither a place, a queue nor a diversion).</param>
/// <param name="Diverted">Planned patients sent to the stream's diversion service.</param>
public readonly record struct StreamCounts(long Arrived, long Admitted, long TurnedAway, long Diverted);

/// <summary>
/// Whole-network counts for one replication. Patient counts cover the whole run (warm-up
/// included), so that conservation can be checked: <c>Arrived = Exited + InSystemAtEnd</c>,
/// where arrivals turned away are not counted as arrived.
/// </summary>
public sealed record SystemCounts
{
    /// <summary>Patients who entered the network (a place or a queue), the starting patients included.</summary>
    public long Arrived { get; init; }
    /// <summary>Patients placed in services or queues by a starting state (included in <see cref="Arrived"/>).</summary>
    public long StartedIn { get; init; }
    /// <summary>Planned arrivals turned away.</summary>
    public long TurnedAway { get; init; }
    /// <summary>Patients who left the network through an exit.</summary>
    public long Exited { get; init; }
    /// <summary>Patients holding a place or waiting in a queue at the end.</summary>
    public long InSystemAtEnd { get; init; }
    /// <summary>Patient state changes (arrival, start, ready, leaving a place) over the whole run.</summary>
    public long Events { get; init; }
    /// <summary>Candidate arrivals rejected by thinning (not events).</summary>
    public long ThinningRejections { get; init; }
    /// <summary>Pushes plus pops on the event heap.</summary>
    public long HeapOperations { get; init; }
    /// <summary>Mean heap size seen at each pop.</summary>
    public double MeanHeapSize { get; init; }
}
