using System.Diagnostics;
using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Simulation;

namespace Bedflow.Bench;

/// <summary>
/// Whole-run speed: the standard network against a bare loop of the same number of push/pop
/// operations on .NET's PriorityQueue at the same mean heap size, measured alternately in the
/// same process, repeated, medians reported — on two paths: the bare engine (one replication,
/// no census, no delay counting) and the user's path, the configuration `bedflow run` uses
/// (<see cref="Simulator.Run(Core.Model.Network, RunOptions)"/> with delays counted as the run goes
/// and the daily census on). Events are patient state changes (arrival, start of care, ready,
/// leaving a place); thinning rejections and census ticks are not events.
/// </summary>
internal static class QuickBenchmark
{
    public static int Run(string[] args)
    {
        int repeats = args.Length > 0 && int.TryParse(args[0], out int n) && n >= 5 ? n : 7;
        var net = StandardNetwork.Network;
        var options = StandardNetwork.Options();

        // Warm the JIT (tiered compilation) on a shorter run, and describe the network.
        var warm = Simulator.RunOne(net, StandardNetwork.Options(years: 2));
        var first = Simulator.RunOne(net, options);
        int acute = net.ServiceIndex("acute");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"network: {net.Services.Count} services; acute occupancy {first.Get(acute, ServiceMetric.MeanOccupancy) / first.Get(acute, ServiceMetric.MeanCapacity):P1}; " +
            $"acute patients blocked when ready {first.Get(acute, ServiceMetric.ProbabilityBlockedWhenReady):P1}; events {first.Counts.Events:N0}; " +
            $"heap operations {first.Counts.HeapOperations:N0}; mean heap size {first.Counts.MeanHeapSize:F0}"));
        GC.KeepAlive(warm);
        BareHeapLoop.OpsPerSecond((int)Math.Round(first.Counts.MeanHeapSize), first.Counts.HeapOperations, seed: -1);

        var userOptions = StandardNetwork.UserPathOptions();
        GC.KeepAlive(Simulator.Run(net, StandardNetwork.UserPathOptions(years: 2)));

        var engineRates = new List<double>();
        var bareRates = new List<double>();
        var userRates = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var r = Simulator.RunOne(net, options);
            sw.Stop();
            double engine = r.Counts.Events / sw.Elapsed.TotalSeconds;

            GC.Collect();
            double bare = BareHeapLoop.OpsPerSecond((int)Math.Round(r.Counts.MeanHeapSize), r.Counts.HeapOperations, seed: i);

            GC.Collect();
            sw.Restart();
            var u = Simulator.Run(net, userOptions);
            sw.Stop();
            double user = u.Replications[0].Counts.Events / sw.Elapsed.TotalSeconds;
            engineRates.Add(engine);
            bareRates.Add(bare);
            userRates.Add(user);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: engine {engine / 1e6:F2} M events/s ({sw.Elapsed.TotalSeconds:F3} s), bare PriorityQueue {bare / 1e6:F2} M ops/s, ratio {engine / bare:F3}; "
                + $"user path {user / 1e6:F2} M events/s, ratio {user / bare:F3}"));
        }

        ReportMemory(net);
        double medianEngine = Median(engineRates);
        double medianBare = Median(bareRates);
        double medianUser = Median(userRates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"spread: engine {engineRates.Min() / 1e6:F2}–{engineRates.Max() / 1e6:F2} M events/s, user path {userRates.Min() / 1e6:F2}–{userRates.Max() / 1e6:F2} M events/s, "
            + $"bare {bareRates.Min() / 1e6:F2}–{bareRates.Max() / 1e6:F2} M ops/s over {repeats} runs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events_per_second={medianEngine:F0} heap_ratio={medianEngine / medianBare:F3} user_path_events_per_second={medianUser:F0} user_path_ratio={medianUser / medianBare:F3}"));
        return 0;
    }

    /// <summary>
    /// Bytes allocated by one run at two horizons, on both paths. The bare engine's should not grow
    /// with the horizon. The user path's grows by its per-day and per-month tables (the census,
    /// the delay counts and their means, sized from their types by <see cref="MemoryEstimate"/>);
    /// what it allocates beyond them, per event, is the figure with a target (at most 8 bytes).
    /// </summary>
    private static void ReportMemory(Core.Model.Network net)
    {
        // Process-wide, precise: Simulator.Run may run its one replication on a pool thread.
        static long Allocated(Action run)
        {
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            run();
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        long five = Allocated(() => Simulator.RunOne(net, StandardNetwork.Options(5)));
        long ten = Allocated(() => Simulator.RunOne(net, StandardNetwork.Options(10)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: bare engine allocated {five / 1024.0:F0} KiB for 5 years, {ten / 1024.0:F0} KiB for 10 years (episode log and daily census off)"));

        long events5 = 0, events10 = 0;
        long user5 = Allocated(() => events5 = Simulator.Run(net, StandardNetwork.UserPathOptions(5)).Replications[0].Counts.Events);
        long user10 = Allocated(() => events10 = Simulator.Run(net, StandardNetwork.UserPathOptions(10)).Replications[0].Counts.Events);
        static long Tables(Core.Model.Network net, double years)
        {
            var e = MemoryEstimate.Of([net], StandardNetwork.UserPathOptions(years), threads: 1);
            return e.DailyCensus + e.DelayTables;
        }
        long tables5 = Tables(net, 5), tables10 = Tables(net, 10);
        double beyond = (double)(user10 - user5 - (tables10 - tables5)) / (events10 - events5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: user path allocated {user5 / 1024.0:F0} KiB for 5 years, {user10 / 1024.0:F0} KiB for 10 years; per-day and per-month tables "
            + $"{tables5 / 1024.0:F0} and {tables10 / 1024.0:F0} KiB; beyond them {beyond:F2} bytes per event (target at most 8)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
