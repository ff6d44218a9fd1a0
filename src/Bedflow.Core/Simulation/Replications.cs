using Bedflow.Core.Model;

namespace Bedflow.Core.Simulation;

/// <summary>
/// The engine's door: runs a network's replications in parallel. Each replication draws from its
/// own random streams keyed by (seed, replication, …) and results are kept in replication order,
/// so the same seed gives the same numbers whatever the number of threads. What is made of the
/// replications (means, intervals, delay figures) is the callers' business: see
/// <c>Experiments.Simulator</c>.
/// </summary>
public static class Replications
{
    /// <summary>
    /// Runs every replication of <paramref name="network"/>. <paramref name="sinkFor"/>, if given, is
    /// asked (on the replication's thread) for the sink of each replication number, which is told of
    /// every stay and wait as it ends; <paramref name="replicationDone"/> is called (from any thread) as
    /// each replication finishes — for progress bars; neither changes the numbers.
    /// </summary>
    /// <exception cref="InvalidModelException">
    /// The network or options are invalid, or a replication was stopped because time did not move
    /// on (more than a million events at one simulated instant).
    /// </exception>
    public static IReadOnlyList<ReplicationResult> Run(Network network, RunOptions options, Func<int, IStaySink?>? sinkFor = null, Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var optionProblems = options.Validate().Concat(SnapshotProblems(network, options)).ToList();
        if (optionProblems.Count > 0)
        {
            throw new InvalidModelException([.. optionProblems.Select(p => new ModelProblem(ModelPath.Root.Member("Run"), p))]);
        }
        var compiled = new CompiledNetwork(network);
        return RunCompiled(_ => compiled, options, sinkFor, replicationDone);
    }

    /// <summary>
    /// Runs replication r of <paramref name="networks"/>[r] (one network per replication, all of
    /// the same structure: second-order Monte Carlo, each with its own drawn parameters). The
    /// patients' draws of replication r are keyed as in any run, so they are the same as in the
    /// ordinary run's replication r (common random numbers across the parameters).
    /// </summary>
    /// <exception cref="InvalidModelException">As <see cref="Run(Network, RunOptions, Func{int, IStaySink?}?, Action?)"/>.</exception>
    public static IReadOnlyList<ReplicationResult> Run(IReadOnlyList<Network> networks, RunOptions options, Func<int, IStaySink?>? sinkFor = null, Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.Check(networks.Count == options.Replications, nameof(networks), $"must hold one network per replication ({options.Replications}), but held {networks.Count}.");
        var optionProblems = options.Validate().Concat(networks.SelectMany(n => SnapshotProblems(n, options))).Distinct().ToList();
        if (optionProblems.Count > 0)
        {
            throw new InvalidModelException([.. optionProblems.Select(p => new ModelProblem(ModelPath.Root.Member("Run"), p))]);
        }
        return RunCompiled(r => new CompiledNetwork(networks[r]), options, sinkFor, replicationDone);
    }

    private static ReplicationResult[] RunCompiled(Func<int, CompiledNetwork> compiledFor, RunOptions options, Func<int, IStaySink?>? sinkFor, Action? replicationDone)
    {
        var results = new ReplicationResult[options.Replications];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        try
        {
            Parallel.For(0, options.Replications, parallel, r =>
            {
                // Replication numbers are absolute (FirstReplication on): the draws are those of that replication in any run.
                int number = options.FirstReplication + r;
                results[r] = new Replication(compiledFor(r), options, number, sinkFor?.Invoke(number)).Run();
                replicationDone?.Invoke();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidModelException>().FirstOrDefault() is { } stalled)
        {
            // A replication stopped by a guard of the model (time that does not move on): said as the model's problem.
            throw new InvalidModelException(stalled.Problems);
        }
        return results;
    }

    /// <summary>
    /// A snapshot's patients (or the services it covers) in services the network does not have or
    /// that hold no beds (a resource holds none), and steps that are not the network's.
    /// </summary>
    private static IEnumerable<string> SnapshotProblems(Network network, RunOptions options)
    {
        if (options.From is not { } from)
        {
            yield break;
        }
        var beds = network.Services.Where(s => s.Role != ServiceRole.Resource).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string name in from.Covers.Concat(from.Patients.Select(p => p.Service)).Distinct(StringComparer.Ordinal))
        {
            if (!beds.Contains(name))
            {
                yield return $"a starting patient names \"{name}\", which is not a bed-based service of the network.";
            }
        }
        var covered = from.Covers.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, held) in (from.Occupancy ?? []).SelectMany(t => t).DistinctBy(x => x.Key))
        {
            if (!beds.Contains(name) || covered.Contains(name))
            {
                yield return $"a snapshot's occupancy names \"{name}\", which is not a bed-based service of the network outside the census.";
            }
        }
        if ((from.Occupancy ?? []).SelectMany(t => t.Values).Any(v => v < 0))
        {
            yield return "a snapshot's occupancy must be 0 or more places.";
        }
        foreach (string name in from.Patients.SelectMany(p => p.Steps).Select(s => s.Service).Distinct(StringComparer.Ordinal))
        {
            if (network.Services.All(s => s.Name != name))
            {
                yield return $"a starting patient's step \"{name}\" is not a service of the network.";
            }
        }
    }

    /// <summary>Runs replication <paramref name="replication"/> alone on the calling thread (benchmarks, diagnostics, tests).</summary>
    public static ReplicationResult RunOne(Network network, RunOptions options, int replication = 0, IStaySink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        return new Replication(new CompiledNetwork(network), options, replication, sink).Run();
    }
}
