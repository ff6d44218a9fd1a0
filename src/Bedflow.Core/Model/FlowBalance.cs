namespace Bedflow.Core.Model;

/// <summary>
/// The traffic equations of a network for one group while its routing and stays stay the same
/// (an epoch between the days of routing or length-of-stay changes): λ = e + Pᵀλ for the
/// arrival rate λ into each service given the external rate e, and how long each visit holds its
/// place at the least (its stay, plus the choice waits, acceptance windows and resources met on
/// the way out while the place is kept). λ is linear in e, so it is solved once per service that
/// patients enter from outside: a direct solve of (I − Pᵀ)v = e_s over the services reachable
/// from s. Services from which no patient of the group can reach an exit are left out of the
/// solve: any flow into them is unbounded. Routing is kept as adjacency lists, so a network of
/// thousands of services costs in proportion to its routes. Immutable once built.
/// </summary>
internal sealed class FlowBalance
{
    private readonly (int To, double P)[][] _edges; // normalised, services only (exits left out)
    private readonly double[] _self;
    private readonly Dictionary<int, (int[] Services, double[] Rates, int[] Closed)> _columns = [];

    private FlowBalance((int To, double P)[][] edges, bool[] closed, double[] stay, double[] extra)
    {
        _edges = edges;
        _self = [.. edges.Select((list, i) => list.Where(e => e.To == i).Sum(e => e.P))];
        Closed = closed;
        Stay = stay;
        Extra = extra;
    }

    /// <summary>Services no patient of the group can leave the network from (every route out leads back in).</summary>
    public bool[] Closed { get; }

    /// <summary>Mean length of stay at each service (days).</summary>
    public double[] Stay { get; }

    /// <summary>
    /// Mean days a visit holding the service as its place keeps it after its stay ends, when every
    /// next service has room: choice waits, windows to open, and resources used from the bed.
    /// </summary>
    public double[] Extra { get; }

    /// <summary>P(i → i): a patient sent back to the service it leaves starts again at once.</summary>
    public double SelfRoute(int i) => _self[i];

    /// <summary>
    /// The arrival rate into each open service reachable from <paramref name="entry"/> per patient
    /// a day entering there from outside (the column of (I − Pᵀ)⁻¹), and the closed services those
    /// patients can reach. Cached; not thread-safe.
    /// </summary>
    public (int[] Services, double[] Rates, int[] Closed) Column(int entry)
    {
        if (_columns.TryGetValue(entry, out var cached))
        {
            return cached;
        }
        var open = new List<int>();
        var closed = new List<int>();
        var seen = new HashSet<int> { entry };
        var todo = new Queue<int>([entry]);
        while (todo.Count > 0)
        {
            int i = todo.Dequeue();
            (Closed[i] ? closed : open).Add(i);
            foreach (var (to, _) in _edges[i])
            {
                if (seen.Add(to))
                {
                    todo.Enqueue(to);
                }
            }
        }
        var position = new Dictionary<int, int>();
        for (int k = 0; k < open.Count; k++)
        {
            position[open[k]] = k;
        }
        // Row r is the balance of service open[r]: λ_r − Σ_c P[c, r] λ_c = e_r.
        var m = new double[open.Count, open.Count];
        for (int c = 0; c < open.Count; c++)
        {
            m[c, c] += 1;
            foreach (var (to, p) in _edges[open[c]])
            {
                if (position.TryGetValue(to, out int r))
                {
                    m[r, c] -= p;
                }
            }
        }
        var e = new double[open.Count];
        if (position.TryGetValue(entry, out int at))
        {
            e[at] = 1;
        }
        // Every open service reaches an exit, so the open part of the routing is transient and I − Pᵀ is invertible.
        var rates = open.Count == 0 ? [] : LinearSystem.Solve(m, e) ?? throw new InvalidOperationException("the routing of the open services is not transient.");
        var column = (open.ToArray(), rates, closed.ToArray());
        _columns[entry] = column;
        return column;
    }

    /// <summary>The tables of group <paramref name="group"/> in the epoch starting at <paramref name="t"/>.</summary>
    public static FlowBalance For(Network network, IReadOnlyDictionary<string, int> index, int group, double t, double[] choice, double[] window)
    {
        int n = network.Services.Count;
        string g = network.Groups[group];
        var edges = new (int, double)[n][];
        var exits = new double[n];
        var stay = new double[n];
        for (int i = 0; i < n; i++)
        {
            var s = network.Services[i];
            var route = RouteInForce(network, s.Name, g, t);
            double total = route.Destinations.Where(d => d.Probability > 0).Sum(d => d.Probability);
            var list = new List<(int, double)>();
            foreach (var (to, p) in route.Destinations)
            {
                if (p <= 0)
                {
                    continue;
                }
                if (index.TryGetValue(to, out int k))
                {
                    list.Add((k, p / total));
                }
                else
                {
                    exits[i] += p / total;
                }
            }
            edges[i] = [.. list];
            stay[i] = StayInForce(network, s, g, t).Mean;
        }
        var closed = ClosedServices(edges, exits);
        return new FlowBalance(edges, closed, stay, Extras(network, edges, closed, stay, choice, window));
    }

    /// <summary>Services from which no exit can be reached along routes of positive probability (a search back from the exits).</summary>
    private static bool[] ClosedServices((int To, double P)[][] edges, double[] exits)
    {
        int n = exits.Length;
        var into = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            into[i] = [];
        }
        for (int i = 0; i < n; i++)
        {
            foreach (var (to, _) in edges[i])
            {
                into[to].Add(i);
            }
        }
        var leaves = new bool[n];
        var todo = new Queue<int>();
        for (int i = 0; i < n; i++)
        {
            if (exits[i] > 0)
            {
                leaves[i] = true;
                todo.Enqueue(i);
            }
        }
        while (todo.Count > 0)
        {
            foreach (int from in into[todo.Dequeue()])
            {
                if (!leaves[from])
                {
                    leaves[from] = true;
                    todo.Enqueue(from);
                }
            }
        }
        return [.. leaves.Select(l => !l)];
    }

    /// <summary>
    /// X(d), the least days a patient heading for d keeps the place it holds: the choice wait of
    /// d, the wait for d's window to open (not for a place given up for a queue), and if d is a
    /// resource its stay there and X of wherever it goes next. Linear in the resources' X:
    /// (I − P_RR) X_R = c_R + S_R + Σ P[r, e] c_e over the others. Then Extra(i) = Σ_{e ≠ i} P[i, e] X(e).
    /// </summary>
    private static double[] Extras(Network network, (int To, double P)[][] edges, bool[] closed, double[] stay, double[] choice, double[] window)
    {
        int n = stay.Length;
        bool Resource(int i) => network.Services[i].Role == ServiceRole.Resource && !closed[i];
        int[] res = [.. Enumerable.Range(0, n).Where(Resource)];
        var position = new Dictionary<int, int>();
        for (int r = 0; r < res.Length; r++)
        {
            position[res[r]] = r;
        }
        double[] Heading(bool windows)
        {
            var c = new double[n];
            for (int d = 0; d < n; d++)
            {
                c[d] = closed[d] ? 0 : choice[d] + (windows ? window[d] : 0);
            }
            var a = new double[res.Length, res.Length];
            var b = new double[res.Length];
            for (int r = 0; r < res.Length; r++)
            {
                a[r, r] += 1;
                b[r] = c[res[r]] + stay[res[r]];
                foreach (var (to, p) in edges[res[r]])
                {
                    if (position.TryGetValue(to, out int q))
                    {
                        a[r, q] -= p;
                    }
                    else
                    {
                        b[r] += p * c[to];
                    }
                }
            }
            var x = (double[])c.Clone();
            if (res.Length > 0)
            {
                var solved = LinearSystem.Solve(a, b) ?? throw new InvalidOperationException("the routing among open resources is not transient.");
                for (int r = 0; r < res.Length; r++)
                {
                    x[res[r]] = solved[r];
                }
            }
            return x;
        }
        var keep = Heading(windows: true);
        var release = Heading(windows: false);
        var extra = new double[n];
        for (int i = 0; i < n; i++)
        {
            var s = network.Services[i];
            // A resource used without a bed is given up on moving on, as a released place is (CompiledNetwork.KeepPlace).
            var x = s.MovingOn == MovingOn.KeepPlace && s.Role == ServiceRole.Place ? keep : release;
            foreach (var (to, p) in edges[i])
            {
                if (to != i)
                {
                    extra[i] += p * x[to];
                }
            }
        }
        return extra;
    }

    /// <summary>The routing in force at t, as the engine resolves it (CompiledNetwork): a change for the group, a change for every group, the group's route, the route for every group.</summary>
    private static RouteDefinition RouteInForce(Network network, string from, string group, double t) =>
        network.RoutingChanges.LastOrDefault(c => c.From <= t && t < c.To && c.Route.From == from && c.Route.Group == group)?.Route
        ?? network.RoutingChanges.LastOrDefault(c => c.From <= t && t < c.To && c.Route.From == from && c.Route.Group is null)?.Route
        ?? network.Routes.FirstOrDefault(r => r.From == from && r.Group == group)
        ?? network.Routes.First(r => r.From == from && r.Group is null);

    /// <summary>The length of stay in force at t, as the engine resolves it.</summary>
    private static Distributions.Distribution StayInForce(Network network, ServiceDefinition s, string group, double t) =>
        network.StayChanges.LastOrDefault(c => c.From <= t && t < c.To && c.Service == s.Name && (c.Group is null || c.Group == group))?.LengthOfStay
        ?? (s.LengthOfStayByGroup.TryGetValue(group, out var d) ? d : s.LengthOfStay);
}
