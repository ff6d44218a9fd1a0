using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Experiments;

/// <summary>The outcome of a run: every replication, and each measure's mean with its 95% interval.</summary>
public sealed class RunResult
{
    internal RunResult(RunOptions options, IReadOnlyList<ReplicationResult> replications, IReadOnlyList<ServiceResult> services,
        IReadOnlyList<Model.ModelProblem> warnings, IReadOnlyList<WarmupDiagnostic> warmup, Delays.DelaySummary? delays = null)
    {
        Delays = delays;
        Options = options;
        Warnings = warnings;
        Warmup = warmup;
        Replications = replications;
        Services = services;
        Deadlocks = [.. replications.SelectMany(r => r.Deadlocks)];
    }

    /// <summary>Delayed transfers of care as the NHS counts them, over replications, if counted (<see cref="RunOptions.CountDelays"/>).</summary>
    public Delays.DelaySummary? Delays { get; }

    /// <summary>Warnings about the model as run (e.g. a warm-up too short for a long-stay service).</summary>
    public IReadOnlyList<Model.ModelProblem> Warnings { get; }

    /// <summary>The MSER-5 warm-up diagnostic per service (empty without the daily census).</summary>
    public IReadOnlyList<WarmupDiagnostic> Warmup { get; }

    /// <summary>The options the run used.</summary>
    public RunOptions Options { get; }

    /// <summary>Each replication's own result, in replication order.</summary>
    public IReadOnlyList<ReplicationResult> Replications { get; }

    /// <summary>Each service's aggregated measures, in model order.</summary>
    public IReadOnlyList<ServiceResult> Services { get; }

    /// <summary>Every deadlock in every replication. Deadlocked replications stay in every mean.</summary>
    public IReadOnlyList<DeadlockEvent> Deadlocks { get; }

    /// <summary>Replications in which a deadlock lasted to the end of the run.</summary>
    public int DeadlockedReplications => Replications.Count(r => r.Deadlocks.Any(d => d.ReleasedOn is null));

    /// <summary>A service's measures.</summary>
    /// <exception cref="ArgumentException"><paramref name="service"/> is not a service of this run (the message lists those that are).</exception>
    public ServiceResult Service(Model.ServiceId service) => Services.FirstOrDefault(s => s.Id == service)
        ?? throw new ArgumentException($"'{service}' is not a service of this run (services: {string.Join(", ", Services.Select(s => s.Name))}).", nameof(service));

    /// <summary>The mean and interval of any per-replication quantity.</summary>
    public Estimate Over(Func<ReplicationResult, double> measure) => Estimate.Of(Replications.Select(measure));
}
