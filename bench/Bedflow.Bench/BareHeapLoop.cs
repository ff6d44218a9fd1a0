using System.Diagnostics;
using Bedflow.Core.Randomness;

namespace Bedflow.Bench;

/// <summary>
/// The yardstick: a hold-model loop on .NET's PriorityQueue — pop the earliest time, push it
/// back a random exponential interval later — at a fixed heap size.
/// </summary>
internal static class BareHeapLoop
{
    public static double OpsPerSecond(int heapSize, long operations, int seed)
    {
        heapSize = Math.Max(1, heapSize);
        var rng = new Xoshiro256StarStar((ulong)seed + 1);
        var queue = new PriorityQueue<int, double>(heapSize + 1);
        for (int i = 0; i < heapSize; i++)
        {
            queue.Enqueue(i, -Math.Log(rng.NextDoubleNonZero()) * heapSize);
        }
        long pairs = operations / 2;
        var sw = Stopwatch.StartNew();
        for (long k = 0; k < pairs; k++)
        {
            queue.TryDequeue(out int item, out double time);
            queue.Enqueue(item, time - (Math.Log(rng.NextDoubleNonZero()) * heapSize));
        }
        sw.Stop();
        GC.KeepAlive(queue);
        return pairs * 2 / sw.Elapsed.TotalSeconds;
    }
}
