namespace Bedflow.Core.Model;

/// <summary>
/// The patients in the network's beds at one moment — a census read from a register — from
/// which a run starts instead of from a warm-up (<see cref="Simulation.RunOptions.From"/>). Immutable.
/// </summary>
/// <param name="Day">The moment, in days after the start date's midnight (0 or more; 283.5 is noon on day 283).</param>
/// <param name="Patients">Everyone in a bed then, in a fixed order (each one's random draws are keyed by its place in the list).</param>
public sealed record PatientSnapshot(double Day, IReadOnlyList<StartingPatient> Patients);

/// <summary>
/// One patient in a bed at the moment of a <see cref="PatientSnapshot"/>. A patient not yet ready
/// draws the rest of its stay from the service's length of stay given the time it has already
/// spent (<see cref="Distributions.Distribution.SampleRemaining"/>); a ready one is waiting from
/// the first instant, for one of <see cref="WaitsFor"/> (drawn by the scenario's routing among
/// them) or, when that is empty, wherever the scenario's routing sends it. Immutable.
/// </summary>
public sealed record StartingPatient
{
    /// <summary>The service whose bed it holds (by name; a bed-based service, not a resource).</summary>
    public required string Service { get; init; }

    /// <summary>Days since it took the bed (0 or more).</summary>
    public required double InBed { get; init; }

    /// <summary>Days since it became ready for transfer (at most <see cref="InBed"/>); null = not ready.</summary>
    public double? ReadyFor { get; init; }

    /// <summary>The services it may be waiting for, from what the register says it waits for; empty = the scenario's routing decides.</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];

    /// <summary>Whether it is waiting for its own choice of provider (SitRep G): the rest of that wait is drawn given the time already waited.</summary>
    public bool Choice { get; init; }

    /// <summary>Whether it is ready for transfer.</summary>
    public bool IsReady => ReadyFor is not null;
}
