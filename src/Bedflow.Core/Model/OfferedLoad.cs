namespace Bedflow.Core.Model;

/// <summary>
/// Sizing before running: each service's offered load from the network's flow balance — the
/// traffic equations over arrivals and routing, loops included, times the least time each
/// patient holds its place (stay, choice and window waits, resources used from the bed), times
/// its units of demand — against its capacity, over the reported days and in the busiest month.
/// The load is the least the service needs: blocking only adds to it. Immutable.
/// </summary>
/// <param name="Services">Every service in definition order.</param>
public sealed record OfferedLoad(IReadOnlyList<ServiceLoad> Services)
{
    /// <summary>The share of capacity from which a service is near its limit (a warning).</summary>
    public const double WarningRatio = 0.95;

    /// <summary>The share of capacity from which a service cannot keep up (an error unless allowed).</summary>
    public const double ErrorRatio = 1.0;

    /// <summary>
    /// The offered load of every service of a valid <paramref name="network"/> over the reported
    /// days 0 to <paramref name="horizonDays"/> (the patients present on a day include those who
    /// arrived up to one held time before it, so seasonal peaks are lagged and, for long stays,
    /// flattened as they are in a real service).
    /// </summary>
    /// <exception cref="InvalidModelException">The network is not valid.</exception>
    public static OfferedLoad Of(Network network, double horizonDays)
    {
        ArgumentNullException.ThrowIfNull(network);
        Preconditions.Positive(horizonDays, nameof(horizonDays));
        network.EnsureValid();
        return LoadSeries.Compute(network, horizonDays);
    }

    /// <summary>
    /// The services near or over capacity, each once, at its worst: unbounded flow first, then a
    /// load the patients who wait whatever cannot be carried with (over the report, else in the
    /// busiest month), then one kept up with only by turning planned arrivals away, then one at
    /// <see cref="WarningRatio"/> or more. Services of unlimited capacity have no ratio and appear
    /// only for unbounded flow.
    /// </summary>
    public IReadOnlyList<LoadFinding> Findings(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var findings = new List<LoadFinding>();
        foreach (var load in Services)
        {
            int i = network.ServiceIndex(load.Service);
            bool allowed = i >= 0 && network.Services[i].AllowOverload;
            var capacity = ModelPath.Service(load.Service).Member(nameof(ServiceDefinition.Capacity));
            if (load.IsUnbounded)
            {
                findings.Add(new LoadFinding(ModelPath.Service(load.Service), load, LoadLevel.Unbounded, LoadBasis.Report, allowed));
                continue;
            }
            (LoadLevel, LoadBasis)? worst = null;
            foreach (var (level, test) in Tests)
            {
                if (test(load.Mean))
                {
                    worst = (level, LoadBasis.Report);
                }
                else if (load.BusiestMonth is { } month && test(month))
                {
                    worst = (level, LoadBasis.Month);
                }
                if (worst is not null)
                {
                    break;
                }
            }
            if (worst is var (l, b))
            {
                findings.Add(new LoadFinding(capacity, load, l, b, allowed));
            }
        }
        return findings;
    }

    // Worst first.
    private static readonly (LoadLevel Level, Func<LoadFigure, bool> Test)[] Tests =
    [
        (LoadLevel.Over, f => f.MustCarryRatio >= ErrorRatio),
        (LoadLevel.TurnsAway, f => f.Ratio >= ErrorRatio),
        (LoadLevel.Near, f => f.Ratio >= WarningRatio),
    ];
}
