namespace Bedflow.Core.Model;

/// <summary>
/// Patients already in a service when the run starts (at the beginning of the warm-up, or day 0
/// without one). Their remaining stays are drawn from the equilibrium residual-life
/// distribution of the service's length of stay, so a full service starts as it would be after a
/// long run. Immutable.
/// </summary>
public sealed record StartingState
{
    /// <summary>Patients holding a place (at most the capacity at the start).</summary>
    public int Occupied { get; init; }

    /// <summary>New arrivals already waiting in the queue.</summary>
    public int Queued { get; init; }

    /// <summary>Share of each patient group among them (by name); empty = all in the first group.</summary>
    public IReadOnlyDictionary<string, double> GroupMix { get; init; } = new Dictionary<string, double>();
}
