using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Simulation;

/// <summary>
/// A validated <see cref="Network"/> flattened into arrays indexed by service, group and stream,
/// so that the hot loop does no lookups by name, no dictionaries and no allocation.
/// </summary>
internal sealed class CompiledNetwork
{
    /// <summary>
    /// No limit, inside the engine only: a capacity or queue limit greater than any count of
    /// patients, so that the hot loop compares whole numbers and never branches on a state. At the
    /// public API an unlimited capacity is <see cref="Capacity.Unlimited"/> (see <see cref="Places"/>
    /// and <see cref="CapacityOf"/>), and no <see cref="Capacity.Of"/> reaches this number.
    /// </summary>
    public const int Unlimited = int.MaxValue;

    /// <summary>A capacity as the engine keeps it: its places, or <see cref="Unlimited"/>.</summary>
    public static int Places(Capacity capacity) => capacity.TryGetPlaces(out int places) ? places : Unlimited;

    /// <summary>The capacity of places the engine kept (<see cref="Unlimited"/> back to <see cref="Capacity.Unlimited"/>).</summary>
    public static Capacity CapacityOf(int places) => places == Unlimited ? Capacity.Unlimited : Capacity.Of(places);

    public CompiledNetwork(Network network)
    {
        network.EnsureValid();
        ServiceCount = network.Services.Count;
        GroupCount = network.Groups.Count;
        StreamCount = network.Arrivals.Count;
        var serviceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ServiceCount; i++)
        {
            serviceIndex[network.Services[i].Name] = i;
        }
        var exitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int e = 0; e < network.Exits.Count; e++)
        {
            exitIndex[network.Exits[e]] = e;
        }
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < GroupCount; g++)
        {
            groupIndex[network.Groups[g]] = g;
        }

        ServiceNames = new string[ServiceCount];
        StartDate = network.StartDate;
        InitialCapacity = new int[ServiceCount];
        StartOccupied = new int[ServiceCount];
        StartQueued = new int[ServiceCount];
        StartGroupCumulative = new double[ServiceCount * GroupCount];
        QueueLimit = new int[ServiceCount];
        KeepPlace = new bool[ServiceCount];
        IsResource = new bool[ServiceCount];
        Demand = new Distribution?[ServiceCount];
        Window = new AcceptanceWindow?[ServiceCount];
        WindowDays = new byte[ServiceCount];
        Escalation = new Escalation?[ServiceCount];
        Choice = new PatientChoice?[ServiceCount];
        StartDayNumber = network.StartDate.DayNumber;
        Priority = new WaitingPriority[ServiceCount];
        var lengthOfStay = new Distribution[ServiceCount * GroupCount]; // without timed changes: each epoch starts from it
        var changes = new List<(double Day, int Service, int Capacity)>();
        for (int i = 0; i < ServiceCount; i++)
        {
            var s = network.Services[i];
            ServiceNames[i] = s.Name;
            InitialCapacity[i] = Places(s.Capacity.Initial);
            StartOccupied[i] = s.Start?.Occupied ?? 0;
            StartQueued[i] = s.Start?.Queued ?? 0;
            CompileGroupMix(s.Start?.GroupMix ?? new Dictionary<string, double>(), network.Groups, StartGroupCumulative, i * GroupCount);
            QueueLimit[i] = s.QueueLimit ?? Unlimited;
            IsResource[i] = s.Role == ServiceRole.Resource;
            // A resource used without a bed behaves as a place the patient gives up on moving on.
            KeepPlace[i] = s.MovingOn == MovingOn.KeepPlace && !IsResource[i];
            Demand[i] = s.Demand;
            Window[i] = s.Accepts;
            WindowDays[i] = DayMask(s.Accepts);
            Escalation[i] = s.Escalation;
            Choice[i] = s.Choice;
            Priority[i] = s.Priority;
            for (int g = 0; g < GroupCount; g++)
            {
                lengthOfStay[(i * GroupCount) + g] = s.LengthOfStayByGroup.TryGetValue(network.Groups[g], out var d) ? d : s.LengthOfStay;
            }
            foreach (var (day, capacity) in s.Capacity.Changes)
            {
                changes.Add((day, i, Places(capacity)));
            }
        }
        // Stable order: by day, then service index (a documented tie-break).
        CapacityChanges = [.. changes.OrderBy(c => c.Day).ThenBy(c => c.Service)];

        // Epochs: intervals between the boundaries of routing and length-of-stay changes, each with
        // its own tables, so the hot loop indexes arrays and never searches for the change in force.
        var bounds = network.RoutingChanges.SelectMany(c => new[] { c.From, c.To })
            .Concat(network.StayChanges.SelectMany(c => new[] { c.From, c.To })).Distinct().Order().ToList();
        EpochStart = [double.NegativeInfinity, .. bounds];
        int epochs = EpochStart.Length;
        EpochLengthOfStay = new Distribution[epochs][];
        EpochRouteOffset = new int[epochs][];
        EpochRouteCumulative = new double[epochs][];
        EpochRouteDestination = new int[epochs][];
        for (int e = 0; e < epochs; e++)
        {
            double t = EpochStart[e];
            EpochLengthOfStay[e] = new Distribution[ServiceCount * GroupCount];
            for (int i = 0; i < ServiceCount; i++)
            {
                for (int g = 0; g < GroupCount; g++)
                {
                    var change = network.StayChanges.LastOrDefault(c => c.From <= t && t < c.To && c.Service == network.Services[i].Name
                        && (c.Group is null || c.Group == network.Groups[g]));
                    EpochLengthOfStay[e][(i * GroupCount) + g] = change?.LengthOfStay ?? lengthOfStay[(i * GroupCount) + g];
                }
            }
            (EpochRouteOffset[e], EpochRouteCumulative[e], EpochRouteDestination[e]) = CompileRoutes(network, serviceIndex, exitIndex, (from, group) =>
                // A change for the group, else a change for every group (which overrides group routes too).
                network.RoutingChanges.LastOrDefault(c => c.From <= t && t < c.To && c.Route.From == from && c.Route.Group == group)?.Route
                ?? network.RoutingChanges.LastOrDefault(c => c.From <= t && t < c.To && c.Route.From == from && c.Route.Group is null)?.Route);
        }

        StreamScript = new double[]?[StreamCount];
        StreamService = new int[StreamCount];
        StreamEmergency = new bool[StreamCount];
        StreamDivert = new int[StreamCount];
        StreamRate = new ArrivalRate[StreamCount];
        StreamGroupCumulative = new double[StreamCount * GroupCount];
        for (int k = 0; k < StreamCount; k++)
        {
            var a = network.Arrivals[k];
            StreamService[k] = serviceIndex[a.Service.Name];
            StreamEmergency[k] = a.Kind == ArrivalKind.Emergency;
            StreamDivert[k] = a.DivertTo is { } divert ? serviceIndex[divert.Name] : -1;
            StreamRate[k] = a.Rate;
            StreamScript[k] = a.Rate is ScriptedArrivals script ? [.. script.Times] : null;
            CompileGroupMix(a.GroupMix, network.Groups, StreamGroupCumulative, k * GroupCount);
        }
    }

    /// <summary>
    /// Writes the cumulative shares of a group mix (by group name; empty = everyone in the first
    /// group) into <paramref name="cumulative"/> from <paramref name="offset"/>, the last exactly 1.
    /// </summary>
    private static void CompileGroupMix(IReadOnlyDictionary<string, double> mix, IReadOnlyList<string> groups, double[] cumulative, int offset)
    {
        double running = 0;
        double total = mix.Count == 0 ? 1 : mix.Values.Sum();
        for (int g = 0; g < groups.Count; g++)
        {
            running += mix.Count == 0 ? (g == 0 ? 1 : 0) : mix.GetValueOrDefault(groups[g]) / total;
            cumulative[offset + g] = running;
        }
        cumulative[offset + groups.Count - 1] = 1.0;
    }

    /// <summary>Routing tables for (service, group) → destinations, given the route in force or null for the ordinary one.</summary>
    private (int[] Offset, double[] Cumulative, int[] Destination) CompileRoutes(Network network, Dictionary<string, int> serviceIndex,
        Dictionary<string, int> exitIndex, Func<string, string, RouteDefinition?> changed)
    {
        var offset = new int[(ServiceCount * GroupCount) + 1];
        var cum = new List<double>();
        var dest = new List<int>();
        for (int i = 0; i < ServiceCount; i++)
        {
            for (int g = 0; g < GroupCount; g++)
            {
                offset[(i * GroupCount) + g] = cum.Count;
                string name = network.Services[i].Name;
                var route = changed(name, network.Groups[g])
                    ?? network.Routes.FirstOrDefault(r => r.From == name && r.Group == network.Groups[g])
                    ?? network.Routes.First(r => r.From == name && r.Group is null);
                double total = route.Destinations.Sum(d => d.Probability);
                double running = 0;
                foreach (var (to, p) in route.Destinations)
                {
                    if (p <= 0)
                    {
                        continue;
                    }
                    running += p / total;
                    cum.Add(running);
                    dest.Add(serviceIndex.TryGetValue(to, out int j) ? j : -(exitIndex[to] + 1));
                }
                cum[^1] = 1.0;
            }
        }
        offset[ServiceCount * GroupCount] = cum.Count;
        return (offset, [.. cum], [.. dest]);
    }

    // ---- Sizes ------------------------------------------------------------------------------

    /// <summary>Number of services; service indices run from 0 to ServiceCount − 1, in the network's order.</summary>
    public int ServiceCount { get; }

    /// <summary>Number of patient groups; tables by (service, group) are indexed [service × GroupCount + group].</summary>
    public int GroupCount { get; }

    /// <summary>Number of arrival streams (the engine adds one pseudo-stream per service for its starting patients after them).</summary>
    public int StreamCount { get; }

    // ---- Per service ------------------------------------------------------------------------

    /// <summary>Service names by index (for messages and results; the engine never looks a name up).</summary>
    public string[] ServiceNames { get; }

    /// <summary>The most patients each service's queue may hold (<see cref="Unlimited"/> for no limit; emergencies wait whatever it is).</summary>
    public int[] QueueLimit { get; }

    /// <summary>Whether a patient ready to move on keeps its place while it waits (false: it gives the place up for the next service's queue if it can).</summary>
    public bool[] KeepPlace { get; }

    /// <summary>Who goes first when a place frees at each service.</summary>
    public WaitingPriority[] Priority { get; }

    /// <summary>Whether each service is a resource, used by patients while they keep the bed they hold.</summary>
    public bool[] IsResource { get; }

    /// <summary>Units of capacity each patient needs at each service, or null for one.</summary>
    public Distribution?[] Demand { get; }

    /// <summary>When each service admits patients, or null for at any time.</summary>
    public AcceptanceWindow?[] Window { get; }

    /// <summary>Per service, the days of the week it admits on as bits (bit k = DayOfWeek k; 0x7F = every day).</summary>
    public byte[] WindowDays { get; }

    /// <summary>Escalation beds of each service, or null.</summary>
    public Escalation?[] Escalation { get; }

    /// <summary>Patient choice for patients moving on to each service, or null.</summary>
    public PatientChoice?[] Choice { get; }

    /// <summary>Per service, the capacity before its first scheduled change (<see cref="Unlimited"/> for no limit).</summary>
    public int[] InitialCapacity { get; }

    /// <summary>Every scheduled capacity change, by day and then service (each service's in its schedule's order; <see cref="Unlimited"/> for no limit).</summary>
    public (double Day, int Service, int Capacity)[] CapacityChanges { get; }

    /// <summary>Per service, patients already holding a place when the run starts (<see cref="StartingState.Occupied"/>; 0 = starts empty).</summary>
    public int[] StartOccupied { get; }

    /// <summary>Per service, patients already in its queue when the run starts (<see cref="StartingState.Queued"/>).</summary>
    public int[] StartQueued { get; }

    /// <summary>Cumulative group shares of each service's starting patients, by [service × GroupCount + group].</summary>
    public double[] StartGroupCumulative { get; }

    // ---- Per arrival stream -----------------------------------------------------------------

    /// <summary>The service each stream's patients arrive at.</summary>
    public int[] StreamService { get; }

    /// <summary>Whether each stream's patients are emergencies (never turned away).</summary>
    public bool[] StreamEmergency { get; }

    /// <summary>Where each stream's planned patients go when they find no place and a full queue, or −1.</summary>
    public int[] StreamDivert { get; }

    /// <summary>Each stream's arrival rate (patients per day).</summary>
    public ArrivalRate[] StreamRate { get; }

    /// <summary>Each scripted stream's arrival times, or null for a stream drawn from its rate.</summary>
    public double[]?[] StreamScript { get; }

    /// <summary>Cumulative group shares of each stream's patients, by [stream × GroupCount + group].</summary>
    public double[] StreamGroupCumulative { get; }

    // ---- Epochs: routing and stays between the boundaries of timed changes ------------------

    /// <summary>Start of each epoch (the first is −∞); routing and stays are constant within one.</summary>
    public double[] EpochStart { get; }

    /// <summary>Per epoch, the length of stay by [service × GroupCount + group].</summary>
    public Distribution[][] EpochLengthOfStay { get; }

    /// <summary>Per epoch, where each (service, group)'s destinations start in the two tables below; one more entry marks the end.</summary>
    public int[][] EpochRouteOffset { get; }

    /// <summary>Per epoch, the cumulative probability of each destination (the last of each row exactly 1).</summary>
    public double[][] EpochRouteCumulative { get; }

    /// <summary>Per epoch, each destination: ≥ 0 a service index; &lt; 0 exit number −(code + 1).</summary>
    public int[][] EpochRouteDestination { get; }

    // ---- Calendar ---------------------------------------------------------------------------

    /// <summary>The calendar date of day 0.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The day number of <see cref="StartDate"/> (<see cref="DateOnly.DayNumber"/>).</summary>
    public int StartDayNumber { get; }

    /// <summary>The capacity of <paramref name="service"/> in force at <paramref name="day"/> (a change applies from its day on).</summary>
    public int CapacityAt(int service, double day)
    {
        // CapacityChanges keeps each service's changes in their schedule's order (a stable sort by day, then service).
        int capacity = InitialCapacity[service];
        for (int c = 0; c < CapacityChanges.Length && CapacityChanges[c].Day <= day; c++)
        {
            if (CapacityChanges[c].Service == service)
            {
                capacity = CapacityChanges[c].Capacity;
            }
        }
        return capacity;
    }

    /// <summary>Whether service j admits patients at time t (its acceptance window).</summary>
    public bool IsOpen(int j, double t)
    {
        var w = Window[j];
        if (w is null)
        {
            return true;
        }
        // Compared as times, by the same arithmetic as NextOpening, so that the opening it
        // returns is always open here (an hour computed as (t − day) × 24 can fall just short).
        double day = Math.Floor(t);
        return t >= day + (w.FromHour / 24) && t < day + (w.ToHour / 24) && AdmitsOnDay(j, day);
    }

    /// <summary>The first time at or after t when service j admits patients.</summary>
    public double NextOpening(int j, double t)
    {
        var w = Window[j]!;
        double day = Math.Floor(t);
        for (int k = 0; k < 8; k++, day++)
        {
            if (!AdmitsOnDay(j, day))
            {
                continue;
            }
            double open = day + (w.FromHour / 24);
            double close = day + (w.ToHour / 24);
            if (t < close)
            {
                return Math.Max(t, open);
            }
        }
        return double.PositiveInfinity; // no day of the week admits anyone
    }

    // A bit test, not a set look-up: day number 0 (1 January 0001) was a Monday, DayOfWeek 1.
    private bool AdmitsOnDay(int j, double day) => (WindowDays[j] >> ((StartDayNumber + (int)day + 1) % 7) & 1) != 0;

    /// <summary>The acceptance window's days as bits (bit k = DayOfWeek k); no window or no days = every day.</summary>
    private static byte DayMask(AcceptanceWindow? w)
    {
        if (w is null || w.Days.Count == 0)
        {
            return 0x7F;
        }
        byte mask = 0;
        foreach (var d in w.Days)
        {
            mask |= (byte)(1 << (int)d);
        }
        return mask;
    }
}
