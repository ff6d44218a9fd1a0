using Bedflow.Core.Distributions;

namespace Bedflow.Core.Model;

/// <summary>
/// Routing out of a service replaced from day <see cref="From"/> (inclusive) to day
/// <see cref="To"/> (exclusive) — an intervention such as "send more patients to intermediate care
/// this winter". The route drawn for a patient is the one in force when it becomes ready. Immutable.
/// </summary>
public sealed record RoutingChange
{
    /// <summary>First day of the change (days from day 0).</summary>
    public required double From { get; init; }

    /// <summary>Day the change ends (exclusive).</summary>
    public required double To { get; init; }

    /// <summary>The routing in force meanwhile (its <see cref="RouteDefinition.Group"/> as for ordinary routing).</summary>
    public required RouteDefinition Route { get; init; }
}

/// <summary>
/// A length of stay replaced from day <see cref="From"/> (inclusive) to <see cref="To"/>
/// (exclusive). The stay drawn for a patient is the one in force when it asks for the place. Immutable.
/// </summary>
public sealed record StayChange
{
    /// <summary>First day of the change.</summary>
    public required double From { get; init; }

    /// <summary>Day the change ends (exclusive).</summary>
    public required double To { get; init; }

    /// <summary>The service.</summary>
    public required string Service { get; init; }

    /// <summary>The patient group, or null for every group.</summary>
    public string? Group { get; init; }

    /// <summary>The length of stay in force meanwhile (days).</summary>
    public required Distribution LengthOfStay { get; init; }
}
