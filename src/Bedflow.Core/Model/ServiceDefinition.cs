using Bedflow.Core.Distributions;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>
/// One service (node) of the network: its capacity over time, queue limit and length of stay
/// per patient group. Immutable.
/// </summary>
public sealed record ServiceDefinition
{
    /// <summary>A unique name, e.g. "acute".</summary>
    public required string Name { get; init; }

    /// <summary>The service's id: its <see cref="Name"/> as a <see cref="ServiceId"/>, for arrival streams and results.</summary>
    public ServiceId Id => ServiceId.Of(Name);

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

    /// <summary>Whether this service's beds count for the DTOC SitRep; null = by kind (acute → acute; community hospital and mental health → non-acute; else none).</summary>
    public SitRepBeds? SitRep { get; init; }

    /// <summary>The SitRep reason of patients waiting in a bed for this service; null = by kind (see docs/delays.md).</summary>
    public DelayReason? DelayReason { get; init; }

    /// <summary>Who commissions this service; null = by kind (council for home care, reablement, care homes and assessment; else NHS).</summary>
    public Commissioner? Commissioner { get; init; }

    /// <summary>Who is responsible for delays waiting for this service — one organisation or shares of them; null = its commissioner (the network's lead commissioner for a pooled service).</summary>
    public ResponsibilityMix? DelaysResponsible { get; init; }

    /// <summary>The discharge pathway of patients leaving a SitRep bed for this service; null = by kind (home care, reablement → P1; intermediate care, community hospital, step-up → P2; care homes → P3; else not a discharge).</summary>
    public DischargePathway? Pathway { get; init; }

    /// <summary>Patient or family choice for patients moving on to this service; null = none.</summary>
    public PatientChoice? Choice { get; init; }

    /// <summary>
    /// Whether the model overloads this service on purpose (a stress test, an option tried to
    /// see it fail): sizing before running (<see cref="OfferedLoad"/>) then warns of an offered
    /// load at or over capacity instead of refusing it. The engine ignores it.
    /// </summary>
    public bool AllowOverload { get; init; }
}
