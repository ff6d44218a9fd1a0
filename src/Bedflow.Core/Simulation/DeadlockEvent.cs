namespace Bedflow.Core.Simulation;

/// <summary>
/// A set of services that are full, with every occupant ready and waiting for a place in
/// another service of the same set: nobody can move until a capacity increase.
/// </summary>
/// <param name="Replication">The replication.</param>
/// <param name="Day">When it was detected.</param>
/// <param name="Services">The service names.</param>
/// <param name="ReleasedOn">When a capacity increase released it, or null if it lasted to the end.</param>
/// <param name="ReleaseScheduledOn">The first scheduled capacity increase in one of these services, if any.</param>
public sealed record DeadlockEvent(int Replication, double Day, IReadOnlyList<string> Services, double? ReleasedOn, double? ReleaseScheduledOn);
