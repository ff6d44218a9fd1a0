using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// Simulates allocations on common random numbers (every candidate with the scenario's seed, so
/// replication i of each sees the same patients) and remembers them: asking again for as many
/// replications or fewer costs nothing; asking for more runs the candidate again with more (the
/// first replications come out the same). Not thread-safe; the engine runs replications in parallel.
/// </summary>
internal sealed class Evaluator(Network baseline, RunOptions options, OptimiseSpec spec, Finance.Economy? economy, Action<OptimiseProgress>? progress)
{
    private readonly Dictionary<Allocation, CandidateRun?> _runs = [];
    private readonly List<Allocation> _order = [];

    /// <summary>Candidates simulated (each allocation once, however often it was extended).</summary>
    public int Candidates => _order.Count;

    /// <summary>Replications simulated in all (extensions included).</summary>
    public long ReplicationsSimulated { get; private set; }

    /// <summary>Every allocation simulated, in the order first asked for.</summary>
    public IReadOnlyList<Allocation> Order => _order;

    /// <summary>The position of an allocation in <see cref="Order"/> (for ties), or −1.</summary>
    public int OrderOf(Allocation a) => _order.IndexOf(a);

    public Money Spend(Allocation a)
    {
        var spend = Money.Zero;
        for (int j = 0; j < spec.Levers.Count; j++)
        {
            spend += spec.Levers[j].Cost(a[j]);
        }
        return spend;
    }

    /// <summary>Whether every amount is within its lever's bounds.</summary>
    public bool InBounds(Allocation a)
    {
        for (int j = 0; j < spec.Levers.Count; j++)
        {
            if (a[j] < spec.Levers[j].Min || a[j] > spec.Levers[j].Max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The baseline with each lever's amount added to its service's capacity (every point of the schedule; never below 0).</summary>
    public Network NetworkFor(Allocation a)
    {
        var services = baseline.Services.ToArray();
        for (int j = 0; j < spec.Levers.Count; j++)
        {
            int s = baseline.ServiceIndex(spec.Levers[j].Service);
            int amount = a[j];
            if (amount == 0)
            {
                continue;
            }
            var schedule = services[s].Capacity;
            Capacity Add(Capacity c) => c.IsUnlimited ? c : Capacity.Of(Math.Max(0, c.Places + amount));
            services[s] = services[s] with { Capacity = new CapacitySchedule(Add(schedule.Initial), schedule.Changes.Select(c => (c.Day, Add(c.Capacity)))) };
        }
        return baseline with { Services = services };
    }

    /// <summary>The allocation simulated with at least <paramref name="replications"/> replications; null when it makes the network invalid.</summary>
    public CandidateRun? Run(Allocation a, int replications)
    {
        if (_runs.TryGetValue(a, out var known) && (known is null || known.Replications >= replications))
        {
            return known;
        }
        if (known is null)
        {
            _order.Add(a);
        }
        var network = NetworkFor(a);
        if (network.Validate().Count > 0)
        {
            _runs[a] = null;
            return null;
        }
        var run = Experiment.Run([new ExperimentVariant("candidate", "", network)], options with { Replications = replications });
        ReplicationsSimulated += replications;
        var candidate = new CandidateRun(a, Spend(a), run[0], economy?.Prices, spec.DelayedDayPrice);
        _runs[a] = candidate;
        progress?.Invoke(new OptimiseProgress(Candidates, ReplicationsSimulated, a, candidate.Mean(spec.Goal, candidate.Replications)));
        return candidate;
    }

    /// <summary>Every valid allocation simulated so far, in the order first asked for.</summary>
    public IEnumerable<CandidateRun> All => _order.Select(a => _runs[a]).OfType<CandidateRun>();
}

/// <summary>Where a search has got to: candidates and replications simulated, and the one just simulated with its mean objective.</summary>
/// <param name="Candidates">Allocations simulated so far.</param>
/// <param name="Replications">Replications simulated so far.</param>
/// <param name="Latest">The allocation just simulated.</param>
/// <param name="LatestMean">Its mean of what the search minimises.</param>
public sealed record OptimiseProgress(int Candidates, long Replications, Allocation Latest, double LatestMean);
