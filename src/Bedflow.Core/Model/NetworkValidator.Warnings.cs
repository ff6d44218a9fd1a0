namespace Bedflow.Core.Model;

internal static partial class NetworkValidator
{
    /// <summary>
    /// Parts of a valid network that run but do nothing sensible: services nobody leaves, and
    /// queue limits no patient is subject to.
    /// </summary>
    private static void FlowWarnings(Network network, List<ModelProblem> warnings)
    {
        void Warn(ModelPath path, string message) => warnings.Add(new ModelProblem(path, message, ProblemSeverity.Warning));

        var routes = network.Routes.Concat(network.RoutingChanges.Select(c => c.Route)).ToList();
        foreach (var r in network.Routes.Where(r => r.Destinations.Any(d => d.To == r.From && d.Probability >= 1 - SumTolerance)))
        {
            Warn(ModelPath.Route(r.From, r.Group),
                $"sends every patient{(r.Group is null ? "" : $" of group {r.Group}")} back to '{r.From}' itself: once there, they never leave.");
        }

        // Emergencies wait whatever the queue limit: a limit of 0 binds only planned arrivals and patients who give up their place.
        var releasing = network.Services.Where(s => s.MovingOn == MovingOn.ReleasePlace).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var s in network.Services.Where(s => s.QueueLimit == 0))
        {
            var emergency = network.Arrivals.Where(a => a.Service == s.Id && a.Kind == ArrivalKind.Emergency).Select(a => a.Name).ToList();
            bool bound = network.Arrivals.Any(a => (a.Service == s.Id && a.Kind == ArrivalKind.Planned) || a.DivertTo == s.Id)
                || routes.Any(r => releasing.Contains(r.From) && r.Destinations.Any(d => d.To == s.Name && d.Probability > 0));
            if (emergency.Count > 0 && !bound)
            {
                Warn(ModelPath.Service(s.Name).Member(nameof(ServiceDefinition.QueueLimit)), $"a queue limit of 0 does nothing here: only emergency arrivals come ({string.Join(", ", emergency)}), and emergencies are never turned away; they wait whatever the limit. Make the stream planned, or remove the queue limit.");
            }
        }
    }

    /// <summary>
    /// Services no patient can reach: none is entered by a stream (or its diversion), holds
    /// starting patients, or is routed to (by any group or routing change) from a reachable one.
    /// </summary>
    public static IReadOnlyList<string> Unreachable(Network network)
    {
        var routes = network.Routes.Concat(network.RoutingChanges.Select(c => c.Route)).ToList();
        var reached = new HashSet<string>(network.Arrivals.SelectMany(a => a.DivertTo is { } divert ? new[] { a.Service.Name, divert.Name } : [a.Service.Name]), StringComparer.Ordinal);
        reached.UnionWith(network.Services.Where(s => s.Start is { Occupied: > 0 } or { Queued: > 0 }).Select(s => s.Name));
        var todo = new Stack<string>(reached);
        while (todo.Count > 0)
        {
            string from = todo.Pop();
            foreach (var (to, p) in routes.Where(r => r.From == from).SelectMany(r => r.Destinations))
            {
                if (p > 0 && reached.Add(to))
                {
                    todo.Push(to);
                }
            }
        }
        return [.. network.Services.Select(s => s.Name).Where(n => !reached.Contains(n))];
    }
}
