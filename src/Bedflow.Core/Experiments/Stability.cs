using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Experiments;

/// <summary>
/// Whether a variant's queues settle or keep growing through the reported period. A network
/// whose demand exceeds what it can treat has no long-run figures: its queue grows for as long
/// as it runs, and every mean depends on how long that was. Immutable.
/// </summary>
/// <remarks>
/// The test (docs/results-reference.md, "Stability"): in each replication, the least-squares
/// slope of each service's midnight queue over the reported days; a service's queue grows when
/// the 95% interval of the slope over replications lies above zero (with one replication: its
/// slope is positive) <em>and</em> the fitted growth over the period is material — at least
/// <see cref="MinimumGrowth"/> patients and at least one day's admissions to the service — so
/// that the rise of a stable service's queue into winter is not mistaken for overload. A
/// deadlock that lasts to the end of a replication is unstable too. A queue that <em>falls</em>
/// as steeply (its slope's interval below zero, the fall as material) has not settled — a queue
/// built up before the period is still draining through it — and is flagged the same way, with
/// a negative growth.
/// <para>
/// Before any run, the flow balance (<see cref="OfferedLoad"/>) can already say that a service
/// cannot keep up: the patients who wait whatever need at least all of its capacity over the
/// reported period, or patients enter it and can never leave. Such a variant is unstable too,
/// whatever its queues did in the run — a settled queue then means the shortfall waits upstream
/// or is turned away at the front door, not that the service copes — and it is unstable even when
/// the scenario allows the overload (<see cref="ServiceDefinition.AllowOverload"/> lets it run,
/// not be recommended). A busiest month over capacity is not: queues build that month and clear.
/// </para>
/// </remarks>
public sealed class Stability
{
    /// <summary>The least growth over the period, in patients, that counts as overload.</summary>
    public const double MinimumGrowth = 10;

    private Stability(IReadOnlyList<QueueGrowth> growing, int deadlocked, IReadOnlyList<LoadFinding> overCapacity)
    {
        Growing = growing;
        DeadlockedReplications = deadlocked;
        OverCapacity = overCapacity;
    }

    /// <summary>Services whose queue grows (or, not settled, falls) through the period, in model order.</summary>
    public IReadOnlyList<QueueGrowth> Growing { get; }

    /// <summary>Replications in which a deadlock lasted to the end of the run.</summary>
    public int DeadlockedReplications { get; }

    /// <summary>
    /// Services the flow balance offers more than they can carry over the whole reported period
    /// (<see cref="LoadLevel.Over"/> or <see cref="LoadLevel.Unbounded"/> on <see cref="LoadBasis.Report"/>),
    /// allowed or not, in model order.
    /// </summary>
    public IReadOnlyList<LoadFinding> OverCapacity { get; }

    /// <summary>Whether the variant is unstable: a queue grows, a deadlock lasts, or the flow balance overloads a service.</summary>
    public bool IsUnstable => Growing.Count > 0 || DeadlockedReplications > 0 || OverCapacity.Count > 0;

    /// <summary>Judges a run (which must have kept the daily census).</summary>
    public static Stability Of(Network network, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(run);
        var growing = new List<QueueGrowth>();
        int n = run.Replications.Count;
        if (run.Replications[0].Census is { Days: >= 2 } first)
        {
            int days = first.Days;
            var slopes = new double[n];
            for (int j = 0; j < network.Services.Count; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    slopes[i] = Slope(run.Replications[i].Census!.Queued[j]);
                }
                var growth = Estimate.Of(slopes.AsSpan()).DividedBy(1.0 / (days - 1));
                double admittedPerDay = run.Services[j][ServiceMetric.Admissions].Mean / run.Options.HorizonDays;
                if (Grows(growth, admittedPerDay))
                {
                    growing.Add(new QueueGrowth(network.Services[j].Name, growth));
                }
            }
        }
        return new Stability(growing, run.DeadlockedReplications, OverCapacityOf(network, run.Options.HorizonDays));
    }

    /// <summary>
    /// The test on one service: its queue's growth over the period (over replications, with its
    /// interval) is material and clear of 0 either way. Rising without end is overload; falling as
    /// steeply is a run that has not settled (a queue built up before the period still draining
    /// through it): either way the period's means depend on when it starts and ends, not on the option.
    /// </summary>
    internal static bool Grows(Estimate growth, double admittedPerDay)
    {
        bool rising = growth.Lower is { } lo ? lo > 0 : growth.Mean > 0;
        bool falling = growth.Upper is { } hi ? hi < 0 : growth.Mean < 0;
        return (rising || falling) && Math.Abs(growth.Mean) >= Math.Max(MinimumGrowth, admittedPerDay);
    }

    /// <summary>Each service's queue growth over the period in each replication (the slope of its midnight queue × the days less one); empty without a daily census of two days or more.</summary>
    internal static double[][] GrowthByReplication(Network network, RunResult run)
    {
        if (run.Replications[0].Census is not { Days: >= 2 } first)
        {
            return [];
        }
        return [.. Enumerable.Range(0, network.Services.Count).Select(j => run.Replications.Select(r => Slope(r.Census!.Queued[j]) * (first.Days - 1)).ToArray())];
    }

    /// <summary>The services <paramref name="network"/>'s flow balance overloads over <paramref name="horizonDays"/> reported days.</summary>
    public static IReadOnlyList<LoadFinding> OverCapacityOf(Network network, double horizonDays)
    {
        ArgumentNullException.ThrowIfNull(network);
        return [.. network.OfferedLoad(horizonDays).Findings(network)
            .Where(f => f.Basis == LoadBasis.Report && f.Level is LoadLevel.Over or LoadLevel.Unbounded)];
    }

    /// <summary>The least-squares slope of a series against its day numbers 0, 1, ….</summary>
    internal static double Slope(int[] series)
    {
        int n = series.Length;
        double meanX = (n - 1) / 2.0, meanY = 0;
        foreach (int y in series)
        {
            meanY += y;
        }
        meanY /= n;
        double sxy = 0, sxx = 0;
        for (int d = 0; d < n; d++)
        {
            double dx = d - meanX;
            sxy += dx * (series[d] - meanY);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}

/// <summary>A service whose queue grows through the reported period.</summary>
/// <param name="Service">The service.</param>
/// <param name="Growth">The fitted growth of its midnight queue from the first day to the last, in patients (slope × days), over replications; negative when it falls (not settled).</param>
public sealed record QueueGrowth(string Service, Estimate Growth);
