using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Experiments;

/// <summary>One service's measures over all replications, each a mean with its 95% interval.</summary>
public sealed class ServiceResult
{
    private readonly Estimate[] _estimates;

    internal ServiceResult(string name, Estimate[] estimates, DailySeries? daily)
    {
        Name = name;
        _estimates = estimates;
        Daily = daily;
    }

    /// <summary>The service name.</summary>
    public string Name { get; }

    /// <summary>The service, as <see cref="RunResult.Service"/> takes it.</summary>
    public Model.ServiceId Id => Model.ServiceId.Of(Name);

    /// <summary>A measure's mean and interval.</summary>
    public Estimate this[ServiceMetric metric] => _estimates[(int)metric];

    /// <summary>Midnight counts per day, averaged over replications, if the census was kept.</summary>
    public DailySeries? Daily { get; }

    /// <summary>Every measure by name.</summary>
    public IReadOnlyDictionary<ServiceMetric, Estimate> All =>
        Enum.GetValues<ServiceMetric>().ToDictionary(m => m, m => _estimates[(int)m]);
}

/// <summary>Per-day means over replications, with 95% interval half-widths (null with one replication).</summary>
public sealed record DailySeries(double[] Occupied, double[] Blocked, double[] Queued, double[]? OccupiedHalfWidth, double[]? BlockedHalfWidth, double[]? QueuedHalfWidth);
