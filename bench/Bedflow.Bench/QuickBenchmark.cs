using System.Diagnostics;
using System.Globalization;
using Bedflow.Core.Simulation;

namespace Bedflow.Bench;

/// <summary>
/// Whole-run speed: the standard network against a bare loop of the same number of push/pop
/// operations on .NET's PriorityQueue at the same mean heap size, measured alternately in the
/// same process, repeated, medians reported. Events are patient state changes (arrival, start
/// of care, ready, leaving a place); thinning rejections and census ticks are not events.
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

        var engineRates = new List<double>();
        var bareRates = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var r = Simulator.RunOne(net, options);
            sw.Stop();
            double engine = r.Counts.Events / sw.Elapsed.TotalSeconds;

            GC.Collect();
            double bare = BareHeapLoop.OpsPerSecond((int)Math.Round(r.Counts.MeanHeapSize), r.Counts.HeapOperations, seed: i);
            engineRates.Add(engine);
            bareRates.Add(bare);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: engine {engine / 1e6:F2} M events/s ({sw.Elapsed.TotalSeconds:F3} s), bare PriorityQueue {bare / 1e6:F2} M ops/s, ratio {engine / bare:F3}"));
        }

        ReportMemory(net);
        double medianEngine = Median(engineRates);
        double medianBare = Median(bareRates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"spread: engine {engineRates.Min() / 1e6:F2}–{engineRates.Max() / 1e6:F2} M events/s, bare {bareRates.Min() / 1e6:F2}–{bareRates.Max() / 1e6:F2} M ops/s over {repeats} runs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events_per_second={medianEngine:F0} heap_ratio={medianEngine / medianBare:F3}"));
        return 0;
    }

    /// <summary>Bytes allocated by one run at two horizons: with the episode log off they should not grow with the horizon.</summary>
    private static void ReportMemory(Core.Model.Network net)
    {
        long Allocated(double years)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            Simulator.RunOne(net, StandardNetwork.Options(years));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long five = Allocated(5);
        long ten = Allocated(10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: allocated {five / 1024.0:F0} KiB for 5 years, {ten / 1024.0:F0} KiB for 10 years (episode log and daily census off)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
