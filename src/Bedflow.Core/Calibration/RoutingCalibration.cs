using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Calibration;

/// <summary>
/// One service's routing fitted from a register: the shares of where its stays went, with
/// Goodman's simultaneous 95% intervals, put onto the scenario's own destinations. Immutable.
/// </summary>
/// <remarks>
/// A register sees a transfer to another of its services by name, but a discharge only as a
/// pathway (P0 home, P1 home with support, P2 rehabilitation, P3 a care home) or as not a
/// discharge (e.g. died): the scenario's destinations behind one pathway (home care and
/// reablement are both P1) cannot be told apart in it. A pathway's fitted share is therefore
/// split among the scenario's destinations on that pathway in proportion to their probabilities
/// in the scenario (equally when those are all zero), and so are its interval's ends.
/// </remarks>
/// <param name="Service">The service left.</param>
/// <param name="Shares">The fitted shares of the register's own destinations (a service's name, a pathway code, or none).</param>
/// <param name="Probabilities">Each scenario destination with its fitted probability and 95% interval, in the scenario's order; the probabilities sum to 1.</param>
/// <param name="Unplaced">Register destinations with stays that the scenario gives this service no route to.</param>
public sealed record RoutingCalibration(
    string Service,
    RoutingShares Shares,
    IReadOnlyList<FittedRoute> Probabilities,
    IReadOnlyList<(Destination Destination, int Count)> Unplaced)
{
    /// <summary>
    /// The fit of <paramref name="evidence"/> onto the scenario's route from its service, or null
    /// when the service's routing is by patient group (a register has no groups) or the scenario
    /// gives it no route. Needs at least one stay that ended in the window.
    /// </summary>
    public static RoutingCalibration? Of(Network network, ServiceEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        var routes = network.Routes.Where(r => r.From == evidence.Service).ToList();
        if (routes is not [{ Group: null } route] || evidence.Next.Count == 0)
        {
            return null;
        }
        var settings = ServiceDelays.For(network);
        // Each scenario destination, as the register would see it.
        var seen = route.Destinations.Select(d => (d.To, d.Probability, As: Seen(network, settings, d.To))).ToList();
        var counts = seen.Select(s => s.As).Distinct().Select(a => (a, evidence.Next.GetValueOrDefault(a))).ToList();
        var unplaced = evidence.Next.Where(kv => !seen.Any(s => s.As == kv.Key)).Select(kv => (kv.Key, kv.Value)).OrderBy(u => u.Key.ToString(), StringComparer.Ordinal).ToList();
        if (counts.Sum(c => c.Item2) == 0)
        {
            return null;
        }
        var shares = RoutingShares.From([.. counts.Select(c => (c.a.ToString(), c.Item2))]);
        var fitted = new List<FittedRoute>();
        foreach (var (to, probability, seenAs) in seen)
        {
            var together = seen.Where(s => s.As == seenAs).ToList();
            double weight = together.Sum(s => s.Probability) is > 0 and var total ? probability / total : 1.0 / together.Count;
            var share = shares.Of(seenAs.ToString());
            fitted.Add(new FittedRoute(to, share.Share * weight, share.Lower * weight, share.Upper * weight, share.Count, together.Count > 1));
        }
        return new RoutingCalibration(evidence.Service, shares, fitted, unplaced);
    }

    // A transfer to a service the register holds is seen by name; anything else by its pathway.
    private static Destination Seen(Network network, IReadOnlyList<ServiceDelays> settings, string to)
    {
        int i = network.ServiceIndex(to);
        if (i >= 0)
        {
            return settings[i].Beds != Vocabulary.SitRepBeds.None ? Destination.To(to) : Destination.Discharged(settings[i].Pathway);
        }
        return Destination.Discharged(network.ExitPathways.TryGetValue(to, out var pathway) ? pathway : Vocabulary.DischargePathway.P0);
    }
}

/// <summary>A scenario destination's fitted probability with its 95% interval.</summary>
/// <param name="To">The destination (a service or an exit).</param>
/// <param name="Probability">The fitted probability.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Count">Stays the register sent where it sees this destination (shared with the others on its pathway).</param>
/// <param name="Shared">True when the register cannot tell it from another destination on its pathway (its share is split by the scenario's probabilities).</param>
public sealed record FittedRoute(string To, double Probability, double Lower, double Upper, int Count, bool Shared);
