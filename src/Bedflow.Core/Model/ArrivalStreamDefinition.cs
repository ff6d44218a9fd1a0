namespace Bedflow.Core.Model;

/// <summary>A stream of patients arriving from outside the network into one service. Immutable.</summary>
public sealed record ArrivalStreamDefinition
{
    /// <summary>A unique name, e.g. "emergency".</summary>
    public required string Name { get; init; }

    /// <summary>The service the patients ask to enter.</summary>
    public required ServiceId Service { get; init; }

    /// <summary>Arrivals per day over time.</summary>
    public required ArrivalRate Rate { get; init; }

    /// <summary>Whether the patients may be turned away.</summary>
    public ArrivalKind Kind { get; init; } = ArrivalKind.Emergency;

    /// <summary>Share of each patient group (by name); empty = all in the first group. Shares must sum to 1.</summary>
    public IReadOnlyDictionary<string, double> GroupMix { get; init; } = new Dictionary<string, double>();

    /// <summary>For planned arrivals: the service tried instead when there is no place and no queue room (one hop).</summary>
    public ServiceId? DivertTo { get; init; }
}
