namespace Bedflow.Core.Statistics;

/// <summary>
/// The share of a service's transitions that went to one destination, with its simultaneous
/// interval (see <see cref="RoutingShares"/>). Immutable.
/// </summary>
/// <param name="Destination">The destination: a service's name or an exit, as counted.</param>
/// <param name="Count">Transitions counted to it.</param>
/// <param name="Share">Its observed share, count ÷ total: the shares of a service sum to 1, and a destination never seen has share 0.</param>
/// <param name="Lower">Lower end of the simultaneous interval.</param>
/// <param name="Upper">Upper end of the simultaneous interval (above 0 even for a destination never seen).</param>
public sealed record DestinationShare(string Destination, int Count, double Share, double Lower, double Upper)
{
    /// <summary>Whether <paramref name="share"/> lies inside the interval, ends included.</summary>
    public bool Covers(double share) => share >= Lower && share <= Upper;
}
