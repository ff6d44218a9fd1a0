using Bedflow.Core.Experiments;
using Xunit.Abstractions;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>Runs alone: it measures the managed heap, which other tests running at the same time would disturb.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>The memory estimate against measured runs.</summary>
[Collection(nameof(MemoryMeasurement))]
public class MemoryEstimateTests(ITestOutputHelper output)
{
    /// <summary>Many small wards (for a census of many services), a shared rehabilitation service and care homes.</summary>
    private static Network Medium(int wards = 120) =>
        Enumerable.Range(0, wards).Aggregate(new NetworkBuilder(), (b, i) => b
                .Service($"ward{i}", 12, Distribution.Exponential(4))
                .Arrivals($"in{i}", $"ward{i}", ArrivalRate.Constant(RatePerDay.Of(2.5)))
                .Route($"ward{i}", ("home", 0.8), ("rehab", 0.2)))
            .Service("rehab", 900, Distribution.Gamma(2, 6))
            .Service("care", Capacity.Unlimited, Distribution.Exponential(60))
            .Route("rehab", ("home", 0.7), ("care", 0.3))
            .Route("care", "home")
            .Build();

    private static readonly RunOptions Options = new() { Warmup = Days.Of(120), Horizon = Days.Of(730), Replications = 3, Seed = 11, MaxDegreeOfParallelism = 1, CountDelays = true };

    [Fact]
    public void The_expected_episodes_are_close_to_those_a_run_records()
    {
        var network = Medium();
        var estimate = MemoryEstimate.Of([network], Options with { RecordEpisodes = true }, 1);
        var run = Simulator.Run(network, Options with { Replications = 1, RecordEpisodes = true });
        double recorded = run.Replications[0].Episodes!.Count;
        output.WriteLine($"estimated {estimate.Episodes:F0} episodes, recorded {recorded}");
        Assert.InRange(estimate.Episodes / recorded, 0.9, 1.1);
    }

    [Fact]
    public void The_estimate_of_a_run_that_keeps_its_episode_logs_is_within_a_factor_of_two_of_what_it_holds()
    {
        var network = Medium();
        var options = Options with { RecordEpisodes = true };
        var estimate = MemoryEstimate.Of([network], options, 1);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var run = Simulator.Run(network, options);
        long held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(run);
        long kept = estimate.DailyCensus + estimate.DelayTables + estimate.EpisodeLogs; // what outlives the run
        output.WriteLine($"estimated {kept >> 20} MB kept (census {estimate.DailyCensus >> 20}, delays {estimate.DelayTables >> 20}, logs {estimate.EpisodeLogs >> 20}); measured {held >> 20} MB");
        Assert.True(held > 50 << 20, $"the run must hold enough to measure: {held >> 20} MB");
        Assert.InRange((double)kept / held, 0.5, 2.0);
    }

    [Fact]
    public void The_estimate_of_a_run_that_counts_delays_without_a_log_is_within_half_to_three_times_its_measured_peak()
    {
        // Delays are counted as the run goes, so what it holds is the census and the delay tables:
        // ten replications to have enough of them to measure.
        var network = Medium();
        var options = Options with { Replications = 10 };
        var estimate = MemoryEstimate.Of([network], options, 1);
        Assert.Equal(0, estimate.EpisodeLogs);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                // Live memory: a full collection each time, so that garbage not yet collected is not counted.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                Thread.Sleep(5);
            }
        });
        sampler.Start();
        var run = Simulator.Run(network, options);
        done.Set();
        sampler.Join();
        GC.KeepAlive(run);
        long estimated = estimate.Live; // the runtime's allowance and the collector's headroom are not in a live measurement
        output.WriteLine($"estimated peak {estimated >> 20} MB (logs {estimate.EpisodeLogs >> 20}); measured peak {peak >> 20} MB");
        Assert.True(peak > 15 << 20, $"the run must use enough to measure: {peak >> 20} MB");
        Assert.InRange((double)estimated / peak, 0.5, 3.0);
    }
}
