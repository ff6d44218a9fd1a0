namespace Bedflow.Core.Model;

/// <summary>
/// The patients in the network's beds at one moment — a census read from a register — from
/// which a run starts instead of from a warm-up (<see cref="Simulation.RunOptions.From"/>). Immutable.
/// </summary>
/// <remarks>
/// The services the census covers (<see cref="Covers"/>) start with its patients alone: their
/// <see cref="StartingState"/> (<c>start:</c> occupancy and queue) is not placed. Every other
/// service starts from its own <see cref="StartingState"/>, as an ordinary run's does, or from
/// <see cref="Occupancy"/> when it names it.
/// </remarks>
/// <param name="Day">The moment, in days after the start date's midnight (0 or more; 283.5 is noon on day 283).</param>
/// <param name="Patients">Everyone in a bed then, in a fixed order (each one's random draws are keyed by its place in the list).</param>
/// <param name="Services">The services it is a census of (by name), even those with nobody in them; null = the services of its patients.</param>
public sealed record PatientSnapshot(double Day, IReadOnlyList<StartingPatient> Patients, IReadOnlyList<string>? Services = null)
{
    /// <summary>
    /// Places held in services the census does not cover, by service name, one table per replication
    /// (replication r takes table r mod their count): such a service named in the table starts with
    /// that many patients in place (remaining stays as for <see cref="StartingState"/>, its group mix,
    /// no queue) instead of its <see cref="StartingState"/>. Null = every such service from its own
    /// <see cref="StartingState"/>. For the state of services a register cannot see (a forecast's model state).
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, int>>? Occupancy { get; init; }

    /// <summary>The services the census covers: <see cref="Services"/>, else those its patients are in (first seen first).</summary>
    public IReadOnlyList<string> Covers => Services ?? [.. Patients.Select(p => p.Service).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// One patient in a bed at the moment of a <see cref="PatientSnapshot"/>. A patient not yet ready
/// draws the rest of its stay from the service's length of stay given the time it has already
/// spent (<see cref="Distributions.Distribution.SampleRemaining"/>); a ready one is waiting from
/// the first instant, at one of its <see cref="Steps"/> (drawn by their weights) or, when there are
/// none, wherever the scenario's routing sends it. Immutable.
/// </summary>
public sealed record StartingPatient
{
    /// <summary>The service whose bed it holds (by name; a bed-based service, not a resource).</summary>
    public required string Service { get; init; }

    /// <summary>Days since it took the bed (0 or more).</summary>
    public required double InBed { get; init; }

    /// <summary>Days since it became ready for transfer (at most <see cref="InBed"/>); null = not ready.</summary>
    public double? ReadyFor { get; init; }

    /// <summary>
    /// Where a ready patient is on its way out, one of these (drawn by weight with the patient's own
    /// routing draw): a resource it is using or waiting for while keeping its bed (a referral, an
    /// assessment, a search for a care home — anywhere along a chain of resources, not only the
    /// first), or a service whose place it waits for. Empty = the scenario's routing decides.
    /// </summary>
    public IReadOnlyList<StartingStep> Steps { get; init; } = [];

    /// <summary>
    /// Days it has been at that step (0 to <see cref="ReadyFor"/>); null = since it became ready. At a
    /// resource with room, the rest of the resource's time is drawn given this; for its own choice
    /// (<see cref="Choice"/>), the rest of its choice wait. Patients at a step are served in the order
    /// they reached it.
    /// </summary>
    public double? InStep { get; init; }

    /// <summary>Whether it is waiting for its own choice of provider (SitRep G) at its step: the rest of that wait is drawn given <see cref="InStep"/>.</summary>
    public bool Choice { get; init; }

    /// <summary>Whether it is ready for transfer.</summary>
    public bool IsReady => ReadyFor is not null;

    /// <summary>Days at its step: <see cref="InStep"/>, else <see cref="ReadyFor"/> (0 for a patient not ready).</summary>
    public double AtStepFor => InStep ?? ReadyFor ?? 0;
}

/// <summary>A step a ready <see cref="StartingPatient"/> may be at (a service or resource, by name) and its weight among the patient's candidates (more than 0). Immutable.</summary>
/// <param name="Service">The service or resource.</param>
/// <param name="Weight">Its relative weight (the chance of a path leading there).</param>
public readonly record struct StartingStep(string Service, double Weight);
