namespace Bedflow.Core.Simulation;

/// <summary>
/// Counts at each midnight of the horizon: day d (0-based) is the state at the midnight that
/// ends day d (time d + 1), before any event at that exact instant.
/// </summary>
public sealed class DailyCensus
{
    internal DailyCensus(int services, int days, int warmupDays)
    {
        Days = days;
        WarmupDays = warmupDays;
        WarmupOccupied = new int[services][];
        Occupied = new int[services][];
        Blocked = new int[services][];
        Queued = new int[services][];
        for (int i = 0; i < services; i++)
        {
            Occupied[i] = new int[days];
            Blocked[i] = new int[days];
            Queued[i] = new int[days];
            WarmupOccupied[i] = new int[warmupDays];
        }
    }

    /// <summary>Number of days.</summary>
    public int Days { get; }

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
}
