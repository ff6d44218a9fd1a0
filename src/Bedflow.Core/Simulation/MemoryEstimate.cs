using Bedflow.Core.Model;

namespace Bedflow.Core.Simulation;

/// <summary>
/// About how much memory a run will hold at its peak, in bytes, worked out before it starts from
/// the sizes of what it keeps: the daily census (services × days, every replication of every
/// variant), the delay tables (days × 66 SitRep cells, every replication), the episode logs
/// (patients × services visited, every replication's, only when they are kept: delays are counted
/// as the run goes, without a log) and the engine's own working state. An estimate, checked against measured runs to within a factor of
/// two or so (MemoryEstimateTests); pure: the caller compares it with the machine. Immutable.
/// </summary>
/// <param name="DailyCensus">Midnight counts per service and day, kept for every replication, and their means over replications.</param>
/// <param name="DelayTables">Delayed days per day and SitRep cell, and the monthly tables, kept for every replication.</param>
/// <param name="EpisodeLogs">Patient-episode logs alive at the peak: every replication's when the log is kept (<see cref="RunOptions.RecordEpisodes"/>), else none.</param>
/// <param name="Engines">The engines' working state: a services × services table per running replication.</param>
/// <param name="Runtime">The .NET runtime, the model and the output buffers: a fixed allowance.</param>
/// <param name="Headroom">What the garbage collector lets the heap grow by past the live data before it collects: as much again.</param>
/// <param name="Episodes">Episodes expected in one replication of the largest variant (patients × services visited, warm-up included).</param>
public sealed record MemoryEstimate(long DailyCensus, long DelayTables, long EpisodeLogs, long Engines, long Runtime, long Headroom, double Episodes)
{
    // A process holds more than its live data: garbage not yet collected and the collector's
    // budgets; a generational heap commonly runs at up to twice its live data. Measured on .NET 10
    // (2 cores, 2026-12-01, delays counted without a log): `bedflow demo --years 10`, live estimate
    // 36 MB (total 153 MB), peaked at a resident set of 100 MB; the Oxfordshire example (9 variants
    // × 20 replications), live estimate 55 MB (total 191 MB), at 297 MB; a tiny scenario at 81 MB
    // (the runtime's own share, below).
    private const double GcHeadroom = 1.0;

    // Bytes per item, from the types: DailyCensus holds 6 int arrays and 1 double array per service.
    private const long CensusBytesPerServiceDay = (6 * sizeof(int)) + sizeof(double);
    private const long MeansBytesPerServiceDay = 6 * sizeof(double); // DailySeries: 3 means and 3 half-widths (the means alone with one replication)
    private const long DelayBytesPerDay = 2 * 11 * 3 * sizeof(int);    // DelayCounter.Cells ints a day
    private const long EpisodeBytes = 64;                              // Episode: 4 ints, a long, 4 doubles (60), padded
    private const long WaitBytes = 32;                                 // WaitSegment, padded
    private const double ListGrowth = 2.0;                             // a List<T> doubling its array holds up to 2× its items (old and new array while it grows)
    private const long RuntimeBytes = 80L << 20;                       // the .NET runtime and the libraries: a tiny run's resident set

    /// <summary>The total, in bytes.</summary>
    public long Total => Bytes((double)Live + Runtime + Headroom);

    /// <summary>The run's own data at its peak: census, delay tables, episode logs and engines (what a full collection would leave).</summary>
    public long Live => Bytes((double)DailyCensus + DelayTables + EpisodeLogs + Engines);

    /// <summary>
    /// The estimate for running every network in <paramref name="variants"/> in turn with
    /// <paramref name="options"/> (as an experiment does: each variant's results are kept while the
    /// next runs) on <paramref name="threads"/> threads.
    /// </summary>
    public static MemoryEstimate Of(IReadOnlyList<Network> variants, RunOptions options, int threads)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.Check(variants.Count > 0, nameof(variants), "at least one network is needed.");
        Preconditions.Check(threads >= 1, nameof(threads), $"threads must be at least 1, but was {threads}.");
        double horizon = Math.Floor(options.HorizonDays), warmup = Math.Ceiling(options.WarmupDays);
        double replications = options.Replications;
        double running = Math.Min(threads, options.Replications);
        double census = 0, delays = 0, keptLogs = 0, working = 0, episodes = 0;
        foreach (var network in variants)
        {
            double services = network.Services.Count;
            if (options.DailyCensus)
            {
                census += (replications * services * ((CensusBytesPerServiceDay * horizon) + (sizeof(int) * warmup)))
                    + (services * (replications > 1 ? MeansBytesPerServiceDay : MeansBytesPerServiceDay / 2) * horizon);
            }
            if (options.CountDelays)
            {
                delays += replications * ((DelayBytesPerDay * (horizon + 1)) + (128 * ((horizon / 30) + 2)));
            }
            var (visits, transfers) = Flow(network, warmup, horizon);
            double log = ListGrowth * ((visits * EpisodeBytes) + (transfers * WaitBytes));
            episodes = Math.Max(episodes, visits);
            if (options.RecordEpisodes)
            {
                keptLogs += replications * log;
            }
            working = Math.Max(working, running * services * services * sizeof(int)); // Replication: blocked-from-to table
        }
        double live = census + delays + keptLogs + working;
        return new MemoryEstimate(Bytes(census), Bytes(delays), Bytes(keptLogs), Bytes(working), RuntimeBytes, Bytes(GcHeadroom * live), episodes);
    }

    /// <summary>
    /// Expected service visits and transfers between services in one replication: the mean
    /// arrival rate of each stream over the run, carried through the routing by the traffic
    /// equations (visits to j = arrivals at j + Σ visits to i × p(i → j)), over warm-up and horizon.
    /// </summary>
    private static (double Visits, double Transfers) Flow(Network network, double warmup, double horizon)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < network.Services.Count; i++)
        {
            index[network.Services[i].Name] = i;
        }
        int n = network.Services.Count;
        double days = warmup + horizon;
        var external = new double[n];
        foreach (var stream in network.Arrivals)
        {
            if (index.TryGetValue(stream.Service.Name, out int s))
            {
                external[s] += stream.Rate is ScriptedArrivals script ? script.Times.Count : MeanRate(stream.Rate, -warmup, horizon) * days;
            }
        }
        // Routing of each service: its all-groups route, else the mean of its group routes.
        var routes = new List<(int To, double P)>[n];
        foreach (var group in network.Routes.GroupBy(r => r.From, StringComparer.Ordinal))
        {
            if (!index.TryGetValue(group.Key, out int from))
            {
                continue;
            }
            var chosen = group.Where(r => r.Group is null).ToList() is { Count: > 0 } all ? all : group.ToList();
            routes[from] = [.. chosen.SelectMany(r => r.Destinations).Where(d => index.ContainsKey(d.To))
                .Select(d => (index[d.To], d.Probability / chosen.Count))];
        }
        // Fixed-point iteration of the traffic equations; a loop that keeps patients for ever is cut
        // off after 1,000 rounds (the run would then be long rather than large).
        var visits = (double[])external.Clone();
        var next = new double[n];
        for (int round = 0; round < 1000; round++)
        {
            Array.Copy(external, next, n);
            for (int i = 0; i < n; i++)
            {
                foreach (var (to, p) in routes[i] ?? [])
                {
                    next[to] += visits[i] * p;
                }
            }
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change = Math.Max(change, Math.Abs(next[i] - visits[i]));
            }
            (visits, next) = (next, visits);
            if (change <= 1e-6 * (1 + visits.Max()))
            {
                break;
            }
        }
        double transfers = 0;
        for (int i = 0; i < n; i++)
        {
            transfers += visits[i] * (routes[i] ?? []).Sum(r => r.P);
        }
        return (visits.Sum(), transfers);
    }

    /// <summary>The mean of a rate over [from, to], from up to 4,000 evenly spaced samples (enough for weekly and seasonal patterns).</summary>
    private static double MeanRate(ArrivalRate rate, double from, double to)
    {
        int samples = (int)Math.Clamp(to - from, 1, 4000);
        double step = (to - from) / samples, sum = 0;
        for (int k = 0; k < samples; k++)
        {
            sum += rate.At(from + ((k + 0.5) * step));
        }
        return sum / samples;
    }

    private static long Bytes(double bytes) => bytes >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(bytes);
}
