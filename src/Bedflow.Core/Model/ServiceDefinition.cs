using Bedflow.Core.Distributions;

namespace Bedflow.Core.Model;

/// <summary>
/// One service (node) of the network: its capacity over time, queue limit and length of stay
/// per patient group. Immutable.
/// </summary>
public sealed record ServiceDefinition
{
    /// <summary>A unique name, e.g. "acute".</summary>
    public required string Name { get; init; }

    /// <summary>The kind of care.</summary>
    public ServiceKind Kind { get; init; } = ServiceKind.Other;

    /// <summary>Beds, places or staff over time.</summary>
    public required CapacitySchedule Capacity { get; init; }

    /// <summary>
    /// The most new arrivals that may wait in the queue: null = unlimited, 0 = no queue.
    /// Emergency arrivals wait whatever the limit.
    /// </summary>
    public int? QueueLimit { get; init; }

    /// <summary>Length of stay in days for patients of any group without its own entry.</summary>
    public required Distribution LengthOfStay { get; init; }

    /// <summary>Length of stay by patient group name, overriding <see cref="LengthOfStay"/>.</summary>
    public IReadOnlyDictionary<string, Distribution> LengthOfStayByGroup { get; init; } = new Dictionary<string, Distribution>();

    /// <summary>Who goes first when a place frees.</summary>
    public WaitingPriority Priority { get; init; } = WaitingPriority.BlockedFirst;

    /// <summary>Whether a patient ready to move on keeps its place while the next service is full.</summary>
    public MovingOn MovingOn { get; init; } = MovingOn.KeepPlace;
}
