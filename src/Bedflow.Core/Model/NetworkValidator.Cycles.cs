namespace Bedflow.Core.Model;

internal static partial class NetworkValidator
{
    /// <summary>
    /// A routing cycle in which every length of stay can be zero: a patient could go round it
    /// without time passing, and the run would never reach the next instant. Routes of every
    /// group and every routing change count, and so does every stay of each service (by group,
    /// and while a stay change is in force).
    /// </summary>
    private static void CheckZeroStayCycles(Network network, Action<ModelPath, string> add)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in network.Services)
        {
            index.TryAdd(s.Name, index.Count);
        }
        int n = index.Count;
        var zero = new bool[n];
        foreach (var s in network.Services)
        {
            if (index[s.Name] is int i && (s.LengthOfStay.CanBeZero || s.LengthOfStayByGroup.Values.Any(d => d.CanBeZero)))
            {
                zero[i] = true;
            }
        }
        foreach (var c in network.StayChanges)
        {
            if (index.TryGetValue(c.Service, out int i) && c.LengthOfStay.CanBeZero)
            {
                zero[i] = true;
            }
        }
        var next = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            next[i] = [];
        }
        foreach (var r in network.Routes.Concat(network.RoutingChanges.Select(c => c.Route)))
        {
            if (!index.TryGetValue(r.From, out int from) || !zero[from])
            {
                continue;
            }
            foreach (var (to, p) in r.Destinations)
            {
                if (p > 0 && index.TryGetValue(to, out int j) && zero[j])
                {
                    next[from].Add(j);
                }
            }
        }
        // Reachability within the zero-stay services (networks have tens of services, not thousands).
        var reach = new bool[n][];
        for (int i = 0; i < n; i++)
        {
            reach[i] = new bool[n];
            var stack = new Stack<int>(next[i]);
            while (stack.Count > 0)
            {
                int j = stack.Pop();
                if (!reach[i][j])
                {
                    reach[i][j] = true;
                    foreach (int k in next[j])
                    {
                        stack.Push(k);
                    }
                }
            }
        }
        var names = network.Services.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        var reported = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (!reach[i][i] || reported[i])
            {
                continue;
            }
            var cycle = Enumerable.Range(0, n).Where(j => reach[i][j] && reach[j][i]).ToList();
            cycle.ForEach(j => reported[j] = true);
            string what = cycle.Count == 1
                ? $"'{names[i]}' routes patients back to itself and its length of stay can be zero"
                : $"services {string.Join(", ", cycle.Select(j => $"'{names[j]}'"))} route patients round a cycle and every one of their lengths of stay can be zero";
            // Said at the first route out of the service (a group's, when it has no route for every group).
            var route = network.Routes.FirstOrDefault(r => r.From == names[i] && r.Group is null) ?? network.Routes.FirstOrDefault(r => r.From == names[i]);
            add(ModelPath.Route(names[i], route?.Group), $"{what}: a patient could go round without time passing, and the run would never end. Give at least one of them a stay that is never zero, or route out of the cycle.");
        }
    }
}
