namespace Bedflow.Core.Model;

/// <summary>
/// Escalation beds: extra places that open when occupancy reaches a share of the normal
/// capacity and close again when it falls below a lower share (hysteresis). Closing never
/// evicts anyone. Counted separately in the results. Immutable.
/// </summary>
public sealed record Escalation
{
    /// <summary>Extra places when open.</summary>
    public required int Beds { get; init; }

    /// <summary>Open when places held ÷ normal capacity reaches this share (e.g. 0.97).</summary>
    public required double OpenAt { get; init; }

    /// <summary>Close when places held ÷ normal capacity falls below this share (e.g. 0.90); at most <see cref="OpenAt"/>.</summary>
    public required double CloseBelow { get; init; }
}
