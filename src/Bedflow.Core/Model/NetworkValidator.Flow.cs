using System.Globalization;

namespace Bedflow.Core.Model;

internal static partial class NetworkValidator
{
    private static void CheckArrivals(Network network, HashSet<string> services, HashSet<string> groups, Action<ModelPath, string> add)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in network.Arrivals)
        {
            var path = ModelPath.Arrival(a.Name);
            if (!names.Add(a.Name))
            {
                add(path, $"arrival stream '{a.Name}' is defined twice.");
            }
            if (!services.Contains(a.Service.Name))
            {
                add(path.Member(nameof(ArrivalStreamDefinition.Service)), $"'{a.Service}' is referenced but not defined as a service.");
            }
            if (a.DivertTo is not null)
            {
                var divert = path.Member(nameof(ArrivalStreamDefinition.DivertTo));
                if (!services.Contains(a.DivertTo.Value.Name))
                {
                    add(divert, $"'{a.DivertTo}' is referenced but not defined as a service.");
                }
                if (a.DivertTo == a.Service)
                {
                    add(divert, "a stream cannot divert to the service it enters.");
                }
                if (a.Kind == ArrivalKind.Emergency)
                {
                    add(divert, "emergency arrivals are never turned away, so they never divert; make the stream planned or remove the diversion.");
                }
            }
            CheckMix(a.GroupMix, path.Member(nameof(ArrivalStreamDefinition.GroupMix)), groups, add);
        }
    }

    private static void CheckRoutes(Network network, HashSet<string> services, HashSet<string> exits, HashSet<string> groups, Action<ModelPath, string> add)
    {
        var seen = new HashSet<(string, string?)>();
        foreach (var r in network.Routes)
        {
            CheckRoute(r, ModelPath.Route(r.From, r.Group), services, exits, groups, add, twice: !seen.Add((r.From, r.Group)));
        }
        foreach (var s in network.Services)
        {
            if (!network.Routes.Any(r => r.From == s.Name && r.Group is null))
            {
                var missing = network.Groups.Where(g => !network.Routes.Any(r => r.From == s.Name && r.Group == g)).ToList();
                if (missing.Count > 0)
                {
                    add(ModelPath.Route(s.Name), $"no routing out of '{s.Name}' for group(s) {string.Join(", ", missing)}: say where patients go next (a service or an exit such as {string.Join(" or ", network.Exits)}).");
                }
            }
        }
    }

    /// <summary>One route (ordinary, or the route of a routing change) at <paramref name="path"/>.</summary>
    private static void CheckRoute(RouteDefinition r, ModelPath path, HashSet<string> services, HashSet<string> exits, HashSet<string> groups, Action<ModelPath, string> add, bool twice)
    {
        if (!services.Contains(r.From))
        {
            add(path, $"'{r.From}' is referenced but not defined as a service.");
        }
        if (r.Group is not null && !groups.Contains(r.Group))
        {
            add(path, $"'{r.Group}' is not a patient group.");
        }
        if (twice)
        {
            add(path, "routing is given twice for this service and group.");
        }
        double sum = 0;
        foreach (var (to, p) in r.Destinations)
        {
            var at = path.Member(nameof(RouteDefinition.Destinations)).Key(to);
            if (!services.Contains(to) && !exits.Contains(to))
            {
                add(at, $"'{to}' is referenced but is neither a service nor an exit.");
            }
            if (!(p >= 0) || !double.IsFinite(p))
            {
                add(at, $"a probability must be at least 0, but was {Preconditions.Show(p)}.");
            }
            sum += p;
        }
        if (Math.Abs(sum - 1) > SumTolerance)
        {
            add(path, string.Create(CultureInfo.InvariantCulture, $"routing out of '{r.From}' sums to {Math.Round(sum, 6)}, not 1."));
        }
    }
}
