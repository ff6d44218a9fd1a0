namespace Bedflow.Core.Model;

/// <summary>
/// Where patients of a group go on leaving a service: each destination (a service or an exit)
/// with its probability. A route without a group applies to every group without its own route.
/// </summary>
public sealed record RouteDefinition
{
    /// <summary>The service being left.</summary>
    public required string From { get; init; }

    /// <summary>The patient group, or null for all groups without their own route.</summary>
    public string? Group { get; init; }

    /// <summary>Destination (service or exit name) and probability; probabilities must sum to 1.</summary>
    public required IReadOnlyList<(string To, double Probability)> Destinations { get; init; }
}
