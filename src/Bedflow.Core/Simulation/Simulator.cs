using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Simulation;

/// <summary>
/// Runs a network for a number of replications in parallel. Each replication draws from its own
/// random streams keyed by (seed, replication, …) and results are combined in replication
/// order, so the same seed gives the same numbers whatever the number of threads.
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
        var optionProblems = options.Validate();
        if (optionProblems.Count > 0)
        {
            throw new InvalidModelException([.. optionProblems.Select(p => new ModelProblem("run", p))]);
        }
        var compiled = new CompiledNetwork(network);
        var results = new ReplicationResult[options.Replications];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        var engineOptions = options.CountDelays && !options.RecordEpisodes ? options with { RecordEpisodes = true } : options;
        try
        {
            Parallel.For(0, options.Replications, parallel, r =>
            {
                var result = new Replication(compiled, engineOptions, r).Run();
                // Counted replication by replication, so only one episode log per thread is alive at a time.
                results[r] = options.CountDelays ? result.WithDelays(SimulatedDelays.Figures(network, result, options), options.RecordEpisodes) : result;
                replicationDone?.Invoke();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidModelException>().FirstOrDefault() is { } stalled)
        {
            // A replication stopped by a guard of the model (time that does not move on): said as the model's problem.
            throw new InvalidModelException(stalled.Problems);
        }
        var delays = options.CountDelays ? DelaySummary.Of([.. results.Select(r => r.Delays!)]) : null;
        return new RunResult(options, results, Aggregate(network, results), network.Warnings(options), WarmupDiagnostics(network, options, results), delays);
    }

    /// <summary>Runs a single replication on the calling thread (benchmarks, diagnostics).</summary>
    public static ReplicationResult RunOne(Network network, RunOptions options, int replication = 0) =>
        new Replication(new CompiledNetwork(network), options, replication).Run();

    private static ServiceResult[] Aggregate(Network network, ReplicationResult[] results)
    {
        var metrics = Enum.GetValues<ServiceMetric>();
        var services = new ServiceResult[network.Services.Count];
        for (int j = 0; j < services.Length; j++)
        {
            var estimates = new Estimate[metrics.Length];
            foreach (var m in metrics)
            {
                estimates[(int)m] = Estimate.Of(results.Select(r => r.Get(j, m)));
            }
            services[j] = new ServiceResult(network.Services[j].Name, estimates, Daily(results, j));
        }
        return services;
    }

    private static WarmupDiagnostic[] WarmupDiagnostics(Network network, RunOptions options, ReplicationResult[] results)
    {
        if (results[0].Census is not { } first)
        {
            return [];
        }
        var diagnostics = new WarmupDiagnostic[network.Services.Count];
        for (int j = 0; j < diagnostics.Length; j++)
        {
            int service = j;
            var series = Enumerable.Range(0, first.WarmupDays).Select(w => results.Average(r => (double)r.Census!.WarmupOccupied[service][w]))
                .Concat(Enumerable.Range(0, first.Days).Select(d => results.Average(r => (double)r.Census!.Occupied[service][d])))
                .ToArray();
            diagnostics[j] = new WarmupDiagnostic(network.Services[j].Name, Mser.Truncation(series), options.WarmupDays);
        }
        return diagnostics;
    }

    private static DailySeries? Daily(ReplicationResult[] results, int j)
    {
        if (results[0].Census is not { } first)
        {
            return null;
        }
        int days = first.Days;
        (double[] Mean, double[]? Half) Series(Func<DailyCensus, int[][]> pick)
        {
            var mean = new double[days];
            double[]? half = results.Length > 1 ? new double[days] : null;
            for (int d = 0; d < days; d++)
            {
                var e = Estimate.Of(results.Select(r => (double)pick(r.Census!)[j][d]));
                mean[d] = e.Mean;
                if (half is not null)
                {
                    half[d] = e.HalfWidth ?? 0;
                }
            }
            return (mean, half);
        }
        var occ = Series(c => c.Occupied);
        var blk = Series(c => c.Blocked);
        var que = Series(c => c.Queued);
        return new DailySeries(occ.Mean, blk.Mean, que.Mean, occ.Half, blk.Half, que.Half);
    }
}
