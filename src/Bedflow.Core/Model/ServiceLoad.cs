namespace Bedflow.Core.Model;

/// <summary>
/// The load offered to one service by the network's flow balance, as a mean over the reported
/// days and in its busiest month: what it must hold at the least if every patient moved on the
/// moment its stay and unavoidable waits ended (blocking only adds to it). Immutable.
/// </summary>
public sealed record ServiceLoad
{
    /// <summary>The service's name.</summary>
    public required string Service { get; init; }

    /// <summary>Patients arriving a day (from outside and by routing, re-entries included), the mean over every reported day.</summary>
    public required double ArrivalsPerDay { get; init; }

    /// <summary>The mean over every reported day, against the time-average capacity.</summary>
    public required LoadFigure Mean { get; init; }

    /// <summary>
    /// The calendar month (or part of one at either end of the report) with the highest ratio of
    /// offered load to the capacity in force then; null when the capacity is ever unlimited or
    /// no month has a ratio (nothing offered and no capacity).
    /// </summary>
    public LoadFigure? BusiestMonth { get; init; }

    /// <summary>Patient groups whose patients enter the service and can never leave the network from it: its load grows without bound.</summary>
    public IReadOnlyList<string> UnboundedGroups { get; init; } = [];

    /// <summary>Whether some group's flow into the service is unbounded (<see cref="UnboundedGroups"/>).</summary>
    public bool IsUnbounded => UnboundedGroups.Count > 0;
}

/// <summary>
/// Offered load against capacity over a period of reported days, both in the service's capacity
/// units (beds, places, staff, or the units of its demand such as carer hours a week). Immutable.
/// </summary>
/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period (inclusive).</param>
/// <param name="Offered">Mean units the patients offered need over the period.</param>
/// <param name="Planned">
/// The part of <paramref name="Offered"/> brought by planned arrivals that the service turns away
/// (or diverts) when it is full and its queue limit is reached: load it can shed. Every other
/// patient waits, so only <c>Offered − Planned</c> must be carried.
/// </param>
/// <param name="Capacity">The mean capacity in force over the period; null = unlimited.</param>
public sealed record LoadFigure(DateOnly From, DateOnly To, double Offered, double Planned, double? Capacity)
{
    /// <summary>Offered ÷ capacity; null when the capacity is unlimited, or both are 0; +∞ for load on no capacity.</summary>
    public double? Ratio => RatioOf(Offered);

    /// <summary>(Offered − Planned) ÷ capacity: the share of capacity the patients who wait whatever need.</summary>
    public double? MustCarryRatio => RatioOf(Offered - Planned);

    private double? RatioOf(double load) => Capacity switch
    {
        null => null,
        > 0 and var c => load / c,
        _ => load > 0 ? double.PositiveInfinity : null,
    };
}
