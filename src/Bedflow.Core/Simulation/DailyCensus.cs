namespace Bedflow.Core.Simulation;

/// <summary>
/// Counts at each midnight of the horizon: day d (0-based) is the state at the midnight that
/// ends day d (time d + 1), before any event at that exact instant. A run from a snapshot of
/// the beds (<see cref="RunOptions.From"/>) keeps only the days from the snapshot's day on: entry
/// i is then day <see cref="FirstDay"/> + i.
/// </summary>
public sealed class DailyCensus
{
    internal DailyCensus(int services, int days, int warmupDays, int firstDay = 0)
    {
        Days = days;
        FirstDay = firstDay;
        WarmupDays = warmupDays;
        WarmupOccupied = new int[services][];
        Occupied = new int[services][];
        Blocked = new int[services][];
        Queued = new int[services][];
        MaxQueued = new int[services][];
        Units = new double[services][];
        CapacityPlaces = new int[services][];
        Admitted = new int[services][];
        for (int i = 0; i < services; i++)
        {
            Units[i] = new double[days];
            CapacityPlaces[i] = new int[days];
            Admitted[i] = new int[days];
            Occupied[i] = new int[days];
            Blocked[i] = new int[days];
            Queued[i] = new int[days];
            MaxQueued[i] = new int[days];
            WarmupOccupied[i] = new int[warmupDays];
        }
    }

    /// <summary>Number of days kept.</summary>
    public int Days { get; }

    /// <summary>The day (from the start date, 0-based) of the first entry: 0, or a snapshot's day for a run from one.</summary>
    public int FirstDay { get; }

    /// <summary>Number of warm-up days recorded before day 0.</summary>
    public int WarmupDays { get; }

    /// <summary>[service][w] places held at the midnight ending warm-up day w (w = 0 is the first warm-up day); for the warm-up diagnostic.</summary>
    public int[][] WarmupOccupied { get; }

    /// <summary>[service][day] places held (blocked included).</summary>
    public int[][] Occupied { get; }

    /// <summary>[service][day] places held by blocked patients.</summary>
    public int[][] Blocked { get; }

    /// <summary>[service][day] new arrivals in the queue.</summary>
    public int[][] Queued { get; }

    /// <summary>[service][day] the most new arrivals in the queue at any moment of day d (its first level, the midnight starting it, included).</summary>
    public int[][] MaxQueued { get; }

    /// <summary>[service][day] units of capacity in use (equal to <see cref="Occupied"/> without a demand), for costing by units such as carer hours.</summary>
    public double[][] Units { get; }

    /// <summary>
    /// [service][day] capacity in force as the engine keeps it: places, escalation beds included, or
    /// <see cref="CompiledNetwork.Unlimited"/> for no limit. Inside Core only; outside, read <see cref="CapacityOn"/>.
    /// </summary>
    internal int[][] CapacityPlaces { get; }

    /// <summary>
    /// The capacity in force at the midnight ending <paramref name="day"/> in <paramref name="service"/>
    /// (by index in the network): funded places, escalation beds included, or <see cref="Units.Capacity.Unlimited"/>.
    /// Allocates nothing.
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">The service or day is outside the census.</exception>
    public Units.Capacity CapacityOn(int service, int day) => CompiledNetwork.CapacityOf(CapacityPlaces[service][day]);

    /// <summary>[service][day] patients whose care started during day d (from d to d + 1).</summary>
    public int[][] Admitted { get; }
}
