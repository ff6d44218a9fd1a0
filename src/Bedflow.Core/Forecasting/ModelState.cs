using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// What the register cannot see, as the model has it: each service's places held at every midnight
/// of ordinary runs of the scenario (its warm-up, then day 0 on), one per replication, so that a
/// forecast starts the services its census does not cover (home care, care homes, reablement) as
/// full as the model has them on that date — not at the <c>start:</c> occupancy written for the
/// beginning of the warm-up — and with the spread the model gives them (forecast replication r
/// starts from run r mod <see cref="Replications"/>). Immutable.
/// </summary>
public sealed class ModelState
{
    private readonly string?[] _names;      // per service; null for a resource (it holds no beds: its users are in theirs)
    private readonly int[][][] _occupied; // [replication][service][day]: day d = the midnight starting day d

    private ModelState(string?[] names, int[][][] occupied)
    {
        _names = names;
        _occupied = occupied;
    }

    /// <summary>Runs when none is given: a spread of the unseen services' state to draw the forecast's replications from.</summary>
    public const int DefaultReplications = 20;

    /// <summary>The ordinary runs held.</summary>
    public int Replications => _occupied.Length;

    /// <summary>The last day it knows (the midnight starting it).</summary>
    public int LastDay => _occupied[0][0].Length - 1;

    /// <summary>
    /// Runs <paramref name="network"/> as an ordinary run does (from <paramref name="warmup"/> before
    /// day 0) up to the midnight starting day <paramref name="lastDay"/>, <paramref name="replications"/> times.
    /// The same seed gives the same state whatever the thread count; <paramref name="replicationDone"/>
    /// is called (from any thread) as each run finishes — for progress, never changing the state.
    /// </summary>
    public static ModelState Of(Network network, Days warmup, int lastDay, int replications = DefaultReplications, ulong seed = 20160401, int? threads = null, Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Preconditions.Check(lastDay >= 0, nameof(lastDay), $"the last day must be 0 or more, but was {lastDay}.");
        Preconditions.Check(replications >= 1, nameof(replications), $"replications must be at least 1, but was {replications}.");
        var options = new RunOptions
        {
            Warmup = warmup,
            Horizon = Units.Days.Of(Math.Max(lastDay, 1)),
            Replications = replications,
            Seed = seed,
            MaxDegreeOfParallelism = threads,
            DailyCensus = true,
        };
        var results = Simulation.Replications.Run(network, options, replicationDone: replicationDone);
        int n = network.Services.Count;
        var occupied = new int[results.Count][][];
        for (int r = 0; r < results.Count; r++)
        {
            var census = results[r].Census!;
            occupied[r] = new int[n][];
            for (int j = 0; j < n; j++)
            {
                occupied[r][j] = new int[lastDay + 1];
                for (int d = 0; d <= lastDay; d++)
                {
                    // Day d starts at the midnight ending day d − 1; day 0 at the end of the warm-up (or the start, without one).
                    occupied[r][j][d] = d > 0 ? census.Occupied[j][d - 1]
                        : census.WarmupDays > 0 ? census.WarmupOccupied[j][^1]
                        : network.Services[j].Start?.Occupied ?? 0;
                }
            }
        }
        return new ModelState([.. network.Services.Select(s => s.Role == ServiceRole.Resource ? null : s.Name)], occupied);
    }

    /// <summary>
    /// <paramref name="snapshot"/> with the places held, in each of these runs, at the midnight
    /// starting its day in every bed-based service it does not cover (<see cref="PatientSnapshot.Occupancy"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The snapshot's day is past <see cref="LastDay"/>.</exception>
    public PatientSnapshot Apply(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int day = (int)Math.Floor(snapshot.Day);
        Preconditions.Check(day <= LastDay, nameof(snapshot), $"the model's state is known to day {LastDay}, not {day}.");
        var covers = snapshot.Covers.ToHashSet(StringComparer.Ordinal);
        var tables = new IReadOnlyDictionary<string, int>[_occupied.Length];
        for (int r = 0; r < tables.Length; r++)
        {
            var table = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int j = 0; j < _names.Length; j++)
            {
                if (_names[j] is { } name && !covers.Contains(name))
                {
                    table[name] = _occupied[r][j][day];
                }
            }
            tables[r] = table;
        }
        return snapshot with { Occupancy = tables };
    }
}
