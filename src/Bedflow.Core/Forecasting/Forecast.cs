using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Forecasting;

/// <summary>How to run a forecast from a census: days ahead, replications, seed and threads. Immutable.</summary>
public sealed record ForecastSettings
{
    /// <summary>The most days a forecast may run.</summary>
    public const int MaxDays = 365;

    /// <summary>Days forecast (1 to <see cref="MaxDays"/>): day 1 is the midnight that ends the census's date.</summary>
    public int Days { get; init; } = 28;

    /// <summary>Replications (each variant runs the same ones, on common random numbers).</summary>
    public int Replications { get; init; } = 100;

    /// <summary>The master seed; the same seed gives the same numbers whatever the thread count.</summary>
    public ulong Seed { get; init; } = 20160401;

    /// <summary>Threads to use; null = all cores. Never changes the results.</summary>
    public int? Threads { get; init; }
}

/// <summary>
/// "How many will be stuck next week if nothing changes, and if we open ten beds?": runs the
/// baseline and each variant from a register's census of the beds (<see cref="RegisterSnapshot"/>)
/// for a number of days, on common random numbers, and gives each day's patients delayed (in
/// total and by reason), each service's occupancy and the patients waiting for an acute bed, with
/// their prediction bands; for a variant also its paired difference from the baseline. A
/// variant's changes hold from the census's moment on (the run starts there).
/// </summary>
public static class Forecast
{
    /// <summary>
    /// Runs <paramref name="variants"/> (the baseline first) from <paramref name="census"/>; the
    /// services the census does not cover start from <paramref name="state"/> (the model's own
    /// occupancy on that date, one of its runs for each replication, <see cref="ModelState"/>) when
    /// given, else from their <c>start:</c>. <paramref name="replicationDone"/> is called (from any
    /// thread) as each variant's replication finishes — for progress; it never changes the numbers.
    /// </summary>
    /// <exception cref="ArgumentException">The census has problems, or the settings are out of range.</exception>
    /// <exception cref="InvalidModelException">A variant's network cannot be run from the census.</exception>
    public static ForecastResult Run(IReadOnlyList<ExperimentVariant> variants, RegisterSnapshot census, ForecastSettings settings, ModelState? state = null, Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(census);
        ArgumentNullException.ThrowIfNull(settings);
        Preconditions.Check(variants.Count > 0, nameof(variants), "a forecast needs the baseline.");
        Preconditions.Check(census.Problems.Count == 0, nameof(census), census.Problems.Count > 0 ? census.Problems[0] : "");
        Preconditions.Check(settings.Days is >= 1 and <= ForecastSettings.MaxDays, nameof(settings), $"days must be from 1 to {ForecastSettings.MaxDays}, but was {settings.Days}.");
        Preconditions.Check(settings.Replications >= 1, nameof(settings), $"replications must be at least 1, but was {settings.Replications}.");
        var first = DateOnly.FromDateTime(census.AsOf);
        var runs = new List<VariantForecast>();
        VariantRun? baseline = null;
        foreach (var v in variants)
        {
            if (v.Network.StartDate != variants[0].Network.StartDate)
            {
                throw new ArgumentException($"variant '{v.Name}' starts on {v.Network.StartDate:yyyy-MM-dd}, not the baseline's {variants[0].Network.StartDate:yyyy-MM-dd}.", nameof(variants));
            }
            VariantRun run;
            try
            {
                run = RunOne(v.Network, state?.Apply(census.Snapshot) ?? census.Snapshot, first, settings, replicationDone);
            }
            catch (InvalidModelException e) when (variants.Count > 1)
            {
                throw new InvalidModelException([.. e.Problems.Select(p => p with { Message = $"variant '{v.Name}': {p.Message}" })]);
            }
            baseline ??= run;
            runs.Add(run.Summarise(v.Name, v.Description, ReferenceEquals(run, baseline) ? null : baseline));
        }
        return new ForecastResult(census.AsOf, first, settings.Days, settings.Replications, settings.Seed, census.DelayedNow, census.RegisterServices, runs);
    }

    private static VariantRun RunOne(Network network, PatientSnapshot snapshot, DateOnly first, ForecastSettings settings, Action? replicationDone)
    {
        int startDay = (int)Math.Floor(snapshot.Day);
        double horizon = startDay + settings.Days;
        var options = new RunOptions
        {
            Warmup = Units.Days.Zero,
            Horizon = Units.Days.Of(horizon),
            Replications = settings.Replications,
            Seed = settings.Seed,
            MaxDegreeOfParallelism = settings.Threads,
            From = snapshot,
            DailyCensus = true,
        };
        var last = first.AddDays(settings.Days - 1);
        var sinks = new DelaySink[settings.Replications];
        var results = Replications.Run(network, options, r => sinks[r] = new DelaySink(network, first, last, horizon, options.Seed, r), replicationDone);
        return new VariantRun(network, [.. results], [.. sinks.Select(s => s.Figures())], first, settings.Days);
    }

    /// <summary>One variant's replications: the figures of each, by replication and day.</summary>
    private sealed class VariantRun
    {
        private readonly Network _network;

        public VariantRun(Network network, ReplicationResult[] results, DelayFigures[] figures, DateOnly first, int days)
        {
            _network = network;
            int n = results.Length;
            Delayed = Table(n, days, (r, d) => figures[r].DelayedOn(first.AddDays(d)));
            ByReason = SitRep.Reasons.ToDictionary(reason => reason, reason => Table(n, days, (r, d) => figures[r].DelayedOn(first.AddDays(d), reason)));
            int[] acute = [.. network.Services.Select((s, i) => (s, i)).Where(x => x.s.Kind == ServiceKind.Acute && x.s.Role != ServiceRole.Resource).Select(x => x.i)];
            AcuteQueue = Table(n, days, (r, d) => acute.Sum(j => results[r].Census!.Queued[j][d]));
            Beds = [.. network.Services.Select((s, i) => (s, i)).Where(x => x.s.Role != ServiceRole.Resource).Select(x => x.i)];
            Occupied = [.. Beds.Select(j => Table(n, days, (r, d) => results[r].Census!.Occupied[j][d]))];
        }

        public int[][] Delayed { get; }

        public Dictionary<DelayReason, int[][]> ByReason { get; }

        public int[][] AcuteQueue { get; }

        public int[] Beds { get; }

        public int[][][] Occupied { get; }

        public VariantForecast Summarise(string name, string description, VariantRun? baseline) => new()
        {
            Name = name,
            Description = description,
            Delayed = Bands(Delayed),
            ByReason = SitRep.Reasons.Select(r => new ReasonForecast(r, Bands(ByReason[r]))).ToList(),
            Occupancy = [.. Beds.Select((j, k) => new ServiceForecast(_network.Services[j].Name, Bands(Occupied[k])))],
            AcuteQueue = Bands(AcuteQueue),
            DelayedByReplication = Delayed,
            DelayedVersusBaseline = baseline is null ? null : Differences(Delayed, baseline.Delayed),
            AcuteQueueVersusBaseline = baseline is null ? null : Differences(AcuteQueue, baseline.AcuteQueue),
        };

        private static int[][] Table(int replications, int days, Func<int, int, int> value)
        {
            var table = new int[replications][];
            for (int r = 0; r < replications; r++)
            {
                table[r] = new int[days];
                for (int d = 0; d < days; d++)
                {
                    table[r][d] = value(r, d);
                }
            }
            return table;
        }

        // Each day's band over the replications (a count: the mean's interval not below 0).
        private static ForecastBand[] Bands(int[][] table) => Bands(table, (r, d) => table[r][d], 0);

        // Paired on common random numbers: replication r of the variant minus replication r of the baseline.
        private static ForecastBand[] Differences(int[][] variant, int[][] baseline) => Bands(variant, (r, d) => variant[r][d] - baseline[r][d], null);

        private static ForecastBand[] Bands(int[][] shape, Func<int, int, double> value, double? lowerLimit)
        {
            int days = shape[0].Length;
            var values = new double[shape.Length];
            var bands = new ForecastBand[days];
            for (int d = 0; d < days; d++)
            {
                for (int r = 0; r < values.Length; r++)
                {
                    values[r] = value(r, d);
                }
                bands[d] = ForecastBand.Of(values, lowerLimit);
            }
            return bands;
        }
    }
}
