using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Experiments;

/// <summary>
/// Runs a network for a number of replications (the engine's <see cref="Replications"/>, in
/// parallel, the same numbers whatever the number of threads) and summarises them: each
/// service's measures and daily series with 95% intervals, warm-up diagnostics and, when asked
/// (<see cref="RunOptions.CountDelays"/>), the delays as the NHS counts them, counted as each
/// replication runs.
/// </summary>
public static class Simulator
{
    /// <summary>
    /// Runs the network. Throws <see cref="InvalidModelException"/> if the network or options are
    /// invalid, or if a replication is stopped because time does not move on (more than a million
    /// events at one simulated instant).
    /// </summary>
    public static RunResult Run(Network network, RunOptions options) => Run(network, options, null);

    /// <summary>
    /// Runs the network, calling <paramref name="replicationDone"/> (from any thread) as each
    /// replication finishes — for progress bars; it never changes the numbers.
    /// </summary>
    public static RunResult Run(Network network, RunOptions options, Action? replicationDone)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        // Delays are counted as each replication runs, by its own sink: no episode log is needed for them.
        var sinks = options.CountDelays ? new DelaySink[options.Replications] : null;
        var replications = Replications.Run(network, options, sinks is null ? null : r => sinks[r - options.FirstReplication] = SimulatedDelays.Sink(network, options, r), replicationDone);
        var results = replications as ReplicationResult[] ?? [.. replications];
        var delays = sinks is null ? null : DelaySummary.Of([.. sinks.Select(s => s.Figures())]);
        return new RunResult(options, results, Aggregate(network, results), network.Warnings(options.WarmupDays), WarmupDiagnostics(network, options, results), delays);
    }

    /// <summary>
    /// Runs replication r of <paramref name="networks"/>[r] — one network per replication, the same
    /// services in the same order, each with its own drawn parameters (second-order Monte Carlo) —
    /// and summarises them as <see cref="Run(Network, RunOptions, Action?)"/> does, with the first
    /// network's structure for names and warnings.
    /// </summary>
    public static RunResult Run(IReadOnlyList<Network> networks, RunOptions options, Action? replicationDone)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(options);
        var network = networks[0];
        var sinks = options.CountDelays ? new DelaySink[options.Replications] : null;
        var replications = Replications.Run(networks, options, sinks is null ? null : r => sinks[r - options.FirstReplication] = SimulatedDelays.Sink(networks[r - options.FirstReplication], options, r), replicationDone);
        var results = replications as ReplicationResult[] ?? [.. replications];
        var delays = sinks is null ? null : DelaySummary.Of([.. sinks.Select(s => s.Figures())]);
        return new RunResult(options, results, Aggregate(network, results), network.Warnings(options.WarmupDays), WarmupDiagnostics(network, options, results), delays);
    }

    /// <summary>Runs a single replication on the calling thread, without summaries (benchmarks, diagnostics).</summary>
    public static ReplicationResult RunOne(Network network, RunOptions options, int replication = 0) =>
        Replications.RunOne(network, options, replication);

    private static ServiceResult[] Aggregate(Network network, ReplicationResult[] results)
    {
        var metrics = Enum.GetValues<ServiceMetric>();
        var services = new ServiceResult[network.Services.Count];
        for (int j = 0; j < services.Length; j++)
        {
            var estimates = new Estimate[metrics.Length];
            // The most the service could hold: its time-average capacity (the largest of any
            // replication, escalation beds being opened by events). NaN if it is ever unlimited.
            double capacity = results.Max(r => r.Get(j, ServiceMetric.MeanCapacity));
            bool placesAreUnits = network.Services[j].Demand is null;
            foreach (var m in metrics)
            {
                estimates[(int)m] = Estimate.Of(results.Select(r => r.Get(j, m))).Within(0, UpperLimit(m, capacity, placesAreUnits));
            }
            services[j] = new ServiceResult(network.Services[j].Name, estimates, Daily(results, j));
        }
        return services;
    }

    /// <summary>The most a service measure can be: 1 for shares, the capacity for what fills it; null for no limit but 0 below.</summary>
    private static double? UpperLimit(ServiceMetric metric, double capacity, bool placesAreUnits)
    {
        double? cap = double.IsFinite(capacity) ? capacity : null;
        return metric switch
        {
            ServiceMetric.Utilisation or ServiceMetric.ProbabilityTurnedAway or ServiceMetric.ProbabilityBlockedWhenReady
                or ServiceMetric.EscalationOpenShare => 1,
            ServiceMetric.MeanUnitsInUse => cap,
            ServiceMetric.MeanOccupancy or ServiceMetric.MeanBlocked or ServiceMetric.MeanInCare when placesAreUnits => cap,
            _ => null,
        };
    }

    private static WarmupDiagnostic[] WarmupDiagnostics(Network network, RunOptions options, ReplicationResult[] results)
    {
        if (results[0].Census is not { } first)
        {
            return [];
        }
        var diagnostics = new WarmupDiagnostic[network.Services.Count];
        var series = new double[first.WarmupDays + first.Days];
        for (int j = 0; j < diagnostics.Length; j++)
        {
            // The mean over replications of each midnight's occupancy, warm-up then horizon.
            for (int w = 0; w < first.WarmupDays; w++)
            {
                series[w] = MeanOver(results, static (c, j, w) => c.WarmupOccupied[j][w], j, w);
            }
            for (int d = 0; d < first.Days; d++)
            {
                series[first.WarmupDays + d] = MeanOver(results, static (c, j, d) => c.Occupied[j][d], j, d);
            }
            diagnostics[j] = new WarmupDiagnostic(network.Services[j].Name, Mser.Truncation(series), options.WarmupDays);
        }
        return diagnostics;
    }

    // The mean of one census count over replications, summed in replication order (as Enumerable.Average does).
    private static double MeanOver(ReplicationResult[] results, Func<DailyCensus, int, int, int> count, int service, int day)
    {
        double sum = 0;
        foreach (var r in results)
        {
            sum += count(r.Census!, service, day);
        }
        return sum / results.Length;
    }

    private static DailySeries? Daily(ReplicationResult[] results, int j)
    {
        if (results[0].Census is not { } first)
        {
            return null;
        }
        int days = first.Days;
        var values = new double[results.Length];
        (double[] Mean, double[]? Half) Series(Func<DailyCensus, int[][]> pick)
        {
            var mean = new double[days];
            double[]? half = results.Length > 1 ? new double[days] : null;
            for (int d = 0; d < days; d++)
            {
                for (int r = 0; r < results.Length; r++)
                {
                    values[r] = pick(results[r].Census!)[j][d];
                }
                // Mean and half-width without an object a day (a ten-year series has 3,650 days).
                var (m, h) = Estimate.MeanAndHalfWidth(values);
                mean[d] = m;
                if (half is not null)
                {
                    half[d] = h ?? 0;
                }
            }
            return (mean, half);
        }
        var occ = Series(static c => c.Occupied);
        var blk = Series(static c => c.Blocked);
        var que = Series(static c => c.Queued);
        return new DailySeries(occ.Mean, blk.Mean, que.Mean, occ.Half, blk.Half, que.Half);
    }
}
