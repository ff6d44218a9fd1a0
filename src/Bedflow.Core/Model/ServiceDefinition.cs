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

    /// <summary>Whether patients take a place here or use it as a resource while keeping their bed.</summary>
    public ServiceRole Role { get; init; } = ServiceRole.Place;

    /// <summary>
    /// Units of capacity each patient needs, e.g. carer hours per week for a home-care package
    /// when <see cref="Capacity"/> is the workforce's hours per week; null = 1 (a bed, a place,
    /// an assessor). Patients are admitted first come, first served: nobody overtakes a patient
    /// whose need does not fit yet.
    /// </summary>
    public Distribution? Demand { get; init; }

    /// <summary>When admissions happen; null = at any time.</summary>
    public AcceptanceWindow? Accepts { get; init; }

    /// <summary>Escalation beds, if any.</summary>
    public Escalation? Escalation { get; init; }

    /// <summary>Patients already here at the start; null = empty.</summary>
    public StartingState? Start { get; init; }
}
