using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// Simulates allocations on common random numbers (every candidate with the scenario's seed, so
/// replication i of each sees the same patients) and remembers them: asking again for as many
/// replications or fewer costs nothing; asking for more runs only the replications not yet run
/// (<see cref="RunOptions.FirstReplication"/>), so the first ones are never repeated. Records
/// known beforehand (a state file's) are used as if simulated here; every record simulated is
/// told to <c>recorded</c>. Not thread-safe; the engine runs replications in parallel.
/// </summary>
internal sealed class Evaluator
{
    private readonly Network _baseline;
    private readonly RunOptions _options;
    private readonly OptimiseSpec _spec;
    private readonly Finance.Economy? _economy;
    private readonly Action<OptimiseProgress>? _progress;
    private readonly Action<CandidateRecord>? _recorded;
    private readonly IReadOnlyDictionary<Allocation, CandidateRecord> _known;
    private readonly Dictionary<Allocation, CandidateRun?> _runs = [];
    private readonly List<Allocation> _order = [];

    public Evaluator(Network baseline, RunOptions options, OptimiseSpec spec, Finance.Economy? economy, Action<OptimiseProgress>? progress,
        IReadOnlyDictionary<Allocation, CandidateRecord>? known, Action<CandidateRecord>? recorded)
    {
        _baseline = baseline;
        _options = options;
        _spec = spec;
        _economy = economy;
        _progress = progress;
        _recorded = recorded;
        _known = known ?? new Dictionary<Allocation, CandidateRecord>();
    }

    /// <summary>Candidates simulated or taken from what was known (each allocation once, however often it was extended).</summary>
    public int Candidates => _order.Count;

    /// <summary>Replications simulated in this search (extensions included; known records not counted).</summary>
    public long ReplicationsSimulated { get; private set; }

    /// <summary>Replications simulated for the reported figures (fresh ones; in <see cref="ReplicationsSimulated"/> too, never in a state file).</summary>
    public long ReplicationsForFigures { get; private set; }

    /// <summary>Replications taken from known records instead of simulated.</summary>
    public long ReplicationsReused { get; private set; }

    /// <summary>Replications simulated or reused so far (what the search has seen).</summary>
    public long ReplicationsSeen => ReplicationsSimulated + ReplicationsReused;

    /// <summary>What the search is doing now, for the progress line.</summary>
    public OptimisePhase Phase { get; set; } = OptimisePhase.Start;

    /// <summary>The best acceptable allocation so far, for the progress line; set by the search.</summary>
    public CandidateRun? BestSoFar { get; set; }

    /// <summary>An estimate of the candidates still to simulate; set by the search.</summary>
    public int? CandidatesLeft { get; set; }

    /// <summary>The position of an allocation in the order first asked for (for ties), or −1.</summary>
    public int OrderOf(Allocation a) => _order.IndexOf(a);

    /// <summary>The spend a year on the levers.</summary>
    public Money Spend(Allocation a)
    {
        var spend = Money.Zero;
        for (int j = 0; j < _spec.Levers.Count; j++)
        {
            spend += _spec.Levers[j].Cost(a[j]);
        }
        return spend;
    }

    /// <summary>The spend a year on the levers <paramref name="funder"/> pays for.</summary>
    public Money SpendBy(Allocation a, Commissioner funder)
    {
        var spend = Money.Zero;
        for (int j = 0; j < _spec.Levers.Count; j++)
        {
            if (_spec.Levers[j].PaidBy == funder)
            {
                spend += _spec.Levers[j].Cost(a[j]);
            }
        }
        return spend;
    }

    /// <summary>Within the total <paramref name="budget"/> and every funder's own limit.</summary>
    public bool Affordable(Allocation a, Money budget) =>
        Spend(a) <= budget && _spec.FunderBudgets.All(f => SpendBy(a, f.Key) <= f.Value);

    /// <summary>Whether every amount is within its lever's bounds.</summary>
    public bool InBounds(Allocation a)
    {
        for (int j = 0; j < _spec.Levers.Count; j++)
        {
            if (a[j] < _spec.Levers[j].Min || a[j] > _spec.Levers[j].Max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The baseline with each lever's amount: capacity added to its service (every point of the schedule; never below 0), each switch's intervention on or off.</summary>
    public Network NetworkFor(Allocation a) => ApplyTo(_baseline, _spec.Levers, a);

    /// <summary>
    /// <paramref name="baseline"/> with each lever's amount of <paramref name="a"/>: a capacity
    /// lever's amount added to every point of its service's schedule, a switch's intervention's
    /// places added (on, when the baseline lacks it) or taken away (off, when the baseline has
    /// it) while it is in force; a capacity never below 0.
    /// </summary>
    public static Network ApplyTo(Network baseline, IReadOnlyList<Lever> levers, Allocation a)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(a);
        var services = baseline.Services.ToArray();
        var windows = new Dictionary<int, List<CapacityWindow>>();
        var flat = new Dictionary<int, int>();
        for (int j = 0; j < levers.Count; j++)
        {
            if (levers[j].Switch is { } sw)
            {
                int sign = a[j] - (sw.InBaseline ? 1 : 0);
                if (sign == 0)
                {
                    continue;
                }
                foreach (var w in sw.Windows)
                {
                    int s = baseline.ServiceIndex(w.Service);
                    (windows.TryGetValue(s, out var list) ? list : windows[s] = []).Add(w with { Places = sign * w.Places });
                }
            }
            else if (a[j] != 0)
            {
                int s = baseline.ServiceIndex(levers[j].Service);
                flat[s] = flat.GetValueOrDefault(s) + a[j];
            }
        }
        foreach (int s in flat.Keys.Union(windows.Keys))
        {
            services[s] = services[s] with { Capacity = Shift(services[s].Capacity, flat.GetValueOrDefault(s), windows.GetValueOrDefault(s) ?? []) };
        }
        return baseline with { Services = services };
    }

    // The schedule with `amount` everywhere and each window's places while it is in force, never below 0.
    private static CapacitySchedule Shift(CapacitySchedule schedule, int amount, List<CapacityWindow> windows)
    {
        if (schedule.IsEverUnlimited)
        {
            return schedule;
        }
        Capacity At(double day) => Capacity.Of((int)Math.Max(0, schedule.At(day).Places + (long)amount + windows.Where(w => w.From <= day && day < w.To).Sum(w => (long)w.Places)));
        if (windows.Count == 0)
        {
            return new CapacitySchedule(At(double.NegativeInfinity), schedule.Changes.Select(c => (c.Day, At(c.Day))));
        }
        var bounds = schedule.Changes.Select(c => c.Day).Concat(windows.SelectMany(w => new[] { w.From, w.To })).Distinct().Order();
        return new CapacitySchedule(At(double.NegativeInfinity), [.. bounds.Select(b => (b, At(b)))]);
    }

    /// <summary>The allocation simulated with at least <paramref name="replications"/> replications; null when it makes the network invalid.</summary>
    public CandidateRun? Run(Allocation a, int replications)
    {
        if (_runs.TryGetValue(a, out var known) && (known is null || known.Replications >= replications))
        {
            return known;
        }
        if (!_runs.ContainsKey(a))
        {
            _order.Add(a);
        }
        var network = NetworkFor(a);
        if (network.Validate().Count > 0)
        {
            _runs[a] = null;
            return null;
        }
        var record = known?.Record;
        if (_known.TryGetValue(a, out var saved) && saved.Replications > (record?.Replications ?? 0))
        {
            // Known beforehand (a state file): its first replications are what a run would give.
            ReplicationsReused += saved.Replications - (record?.Replications ?? 0);
            record = saved;
        }
        if ((record?.Replications ?? 0) < replications)
        {
            int first = record?.Replications ?? 0;
            var run = Experiment.Run([new ExperimentVariant("candidate", "", network)], _options with { FirstReplication = first, Replications = replications - first });
            var more = CandidateRecord.Of(a, run[0], _economy?.Prices);
            record = record is null ? more : record.Then(more);
            ReplicationsSimulated += replications - first;
            _recorded?.Invoke(record);
        }
        var candidate = new CandidateRun(Spend(a), record!, _spec.DelayedDayPrice);
        _runs[a] = candidate;
        _progress?.Invoke(new OptimiseProgress(Phase, Candidates, ReplicationsSeen, a, candidate.Mean(_spec.Goal, candidate.Replications), BestSoFar, CandidatesLeft));
        return candidate;
    }

    /// <summary>The most replications any allocation has been simulated with (known records included): the first replication no decision has seen.</summary>
    public int MostReplications => _runs.Values.OfType<CandidateRun>().Select(c => c.Replications).DefaultIfEmpty(0).Max();

    private readonly Dictionary<Allocation, CandidateRun> _fresh = [];

    /// <summary>
    /// The allocation on <paramref name="count"/> fresh replications from <paramref name="first"/> on —
    /// replications no choice was made on, so figures reported on them are not flattered by the
    /// choosing. Kept for this search only (not recorded: cheap to simulate again).
    /// </summary>
    public CandidateRun Fresh(Allocation a, int first, int count)
    {
        if (_fresh.TryGetValue(a, out var known) && known.Replications >= count)
        {
            return known;
        }
        var run = Experiment.Run([new ExperimentVariant("candidate", "", NetworkFor(a))], _options with { FirstReplication = first, Replications = count });
        ReplicationsSimulated += count;
        ReplicationsForFigures += count;
        var candidate = new CandidateRun(Spend(a), CandidateRecord.Of(a, run[0], _economy?.Prices), _spec.DelayedDayPrice);
        _fresh[a] = candidate;
        _progress?.Invoke(new OptimiseProgress(Phase, Candidates, ReplicationsSeen, a, candidate.Mean(_spec.Goal, count), BestSoFar, CandidatesLeft));
        return candidate;
    }

    /// <summary>Every valid allocation simulated so far, in the order first asked for.</summary>
    public IEnumerable<CandidateRun> All => _order.Select(a => _runs[a]).OfType<CandidateRun>();
}

/// <summary>What a search is doing.</summary>
public enum OptimisePhase
{
    /// <summary>Simulating the starting allocation.</summary>
    Start,

    /// <summary>The greedy marginal analysis.</summary>
    Greedy,

    /// <summary>The local search within a budget.</summary>
    LocalSearch,

    /// <summary>The ranking and selection within a budget.</summary>
    Selection,

    /// <summary>The search for the least total system cost.</summary>
    EconomicallyEssential,

    /// <summary>The chosen allocations and the start on fresh replications, for the figures reported.</summary>
    Reporting,
}

/// <summary>
/// Where a search has got to: what it is doing, candidates and replications seen, the one just
/// simulated with its mean objective, the best acceptable allocation so far and an estimate of the
/// candidates still to simulate (an upper bound for the greedy phase; null when unknown).
/// </summary>
/// <param name="Phase">What it is doing.</param>
/// <param name="Candidates">Allocations simulated so far.</param>
/// <param name="Replications">Replications simulated (or reused from a state file) so far.</param>
/// <param name="Latest">The allocation just simulated.</param>
/// <param name="LatestMean">Its mean of what the search minimises.</param>
/// <param name="Best">The best acceptable allocation so far; null before there is one.</param>
/// <param name="CandidatesLeft">An estimate of the candidates still to simulate; null when unknown.</param>
public sealed record OptimiseProgress(OptimisePhase Phase, int Candidates, long Replications, Allocation Latest, double LatestMean, CandidateRun? Best, int? CandidatesLeft);
