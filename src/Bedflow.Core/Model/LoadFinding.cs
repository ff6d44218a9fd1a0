namespace Bedflow.Core.Model;

/// <summary>
/// A service whose offered load is at or near its capacity, as data: where (the service's
/// capacity), how bad, over which period, and whether the scenario says it is overloaded on
/// purpose. The faces word it (<see cref="Problem"/> takes their words). Immutable.
/// </summary>
/// <param name="Path">The service's capacity (<c>services[acute].capacity</c>), or the service itself for unbounded flow.</param>
/// <param name="Load">The service's load.</param>
/// <param name="Level">How bad.</param>
/// <param name="Basis">Which figure of <paramref name="Load"/> it rests on: the mean over the report, or the busiest month.</param>
/// <param name="Allowed">Whether the service is marked <see cref="ServiceDefinition.AllowOverload"/>: an error is then a warning.</param>
public sealed record LoadFinding(ModelPath Path, ServiceLoad Load, LoadLevel Level, LoadBasis Basis, bool Allowed)
{
    /// <summary>The figure the finding rests on.</summary>
    public LoadFigure Figure => Basis == LoadBasis.Month && Load.BusiestMonth is { } month ? month : Load.Mean;

    /// <summary>
    /// An error for unbounded flow and for <see cref="LoadLevel.Over"/> over the report (the
    /// queue grows all run long) unless allowed; else a warning, including a busiest month over
    /// capacity (queues build that month and clear as demand falls: what the run measures).
    /// </summary>
    public ProblemSeverity Severity =>
        !Allowed && (Level == LoadLevel.Unbounded || (Level == LoadLevel.Over && Basis == LoadBasis.Report)) ? ProblemSeverity.Error : ProblemSeverity.Warning;

    /// <summary>The finding as a problem at its path, in the caller's words.</summary>
    public ModelProblem Problem(string message) => new(Path, message, Severity);
}

/// <summary>How close a service's offered load comes to its capacity.</summary>
public enum LoadLevel
{
    /// <summary>At least <see cref="OfferedLoad.WarningRatio"/> of capacity: little room for chance.</summary>
    Near,

    /// <summary>At least all of capacity, but only with planned arrivals it can turn away: it keeps up by turning them away.</summary>
    TurnsAway,

    /// <summary>The patients who wait whatever need at least all of capacity: it cannot keep up and its queue grows.</summary>
    Over,

    /// <summary>Patients enter and never leave the network from here: the load grows without bound.</summary>
    Unbounded,
}

/// <summary>Which period a load finding rests on.</summary>
public enum LoadBasis
{
    /// <summary>The mean over every reported day against the time-average capacity.</summary>
    Report,

    /// <summary>The busiest month against the capacity in force then.</summary>
    Month,
}
