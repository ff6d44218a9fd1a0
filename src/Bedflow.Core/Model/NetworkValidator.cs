using System.Globalization;

namespace Bedflow.Core.Model;

/// <summary>Checks a <see cref="Network"/> and lists every problem at once.</summary>
internal static partial class NetworkValidator
{
    /// <summary>How far probabilities or shares may be from summing to 1.</summary>
    public const double SumTolerance = 1e-6;

    public static IReadOnlyList<ModelProblem> Validate(Network network)
    {
        var problems = new List<ModelProblem>();
        void Add(string path, string message) => problems.Add(new ModelProblem(path, message));

        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (network.Groups.Count == 0)
        {
            Add("groups", "at least one patient group is needed.");
        }
        foreach (string g in network.Groups)
        {
            if (!groups.Add(g))
            {
                Add("groups", $"patient group '{g}' is listed twice.");
            }
        }

        var services = new HashSet<string>(StringComparer.Ordinal);
        if (network.Services.Count == 0)
        {
            Add("services", "at least one service is needed.");
        }
        foreach (var s in network.Services)
        {
            string path = $"services.{s.Name}";
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                Add("services", "a service has no name.");
            }
            else if (!services.Add(s.Name))
            {
                Add(path, $"service '{s.Name}' is defined twice.");
            }
            CheckCapacity(s, path, Add);
            if (s.QueueLimit is < 0)
            {
                Add($"{path}.queue_limit", $"queue limit must be at least 0 (0 = no queue), but was {s.QueueLimit}.");
            }
            if (s.LengthOfStay.Minimum < 0)
            {
                Add($"{path}.length_of_stay", $"length of stay can be negative ({s.LengthOfStay}); use a distribution of non-negative values.");
            }
            CheckRealism(s, path, groups, Add);
            foreach (var (group, los) in s.LengthOfStayByGroup)
            {
                if (!groups.Contains(group))
                {
                    Add($"{path}.length_of_stay.{group}", $"'{group}' is not a patient group (groups: {string.Join(", ", network.Groups)}).");
                }
                if (los.Minimum < 0)
                {
                    Add($"{path}.length_of_stay.{group}", $"length of stay can be negative ({los}).");
                }
            }
        }

        var exits = new HashSet<string>(StringComparer.Ordinal);
        foreach (string e in network.Exits)
        {
            if (!exits.Add(e))
            {
                Add("exits", $"exit '{e}' is listed twice.");
            }
            if (services.Contains(e))
            {
                Add("exits", $"'{e}' is both a service and an exit.");
            }
        }

        CheckArrivals(network, services, groups, Add);
        CheckRoutes(network, services, exits, groups, Add);
        CheckDelays(network, groups, exits, Add);
        CheckTimedChanges(network, services, exits, groups, Add);
        CheckZeroStayCycles(network, Add);
        return problems;
    }

    public static IReadOnlyList<ModelProblem> Warnings(Network network, double warmupDays)
    {
        var warnings = new List<ModelProblem>();
        foreach (var s in network.Services)
        {
            if (s.Start is { Occupied: > 0 } || s.Role == ServiceRole.Resource)
            {
                continue;
            }
            double longest = s.LengthOfStayByGroup.Values.Append(s.LengthOfStay).Max(d => d.Mean);
            if (warmupDays < 3 * longest)
            {
                warnings.Add(new ModelProblem($"services.{s.Name}", string.Create(CultureInfo.InvariantCulture,
                    $"starts empty with a warm-up of {warmupDays:0.#} days, shorter than 3 × its longest mean stay ({longest:0.#} days): it will be under-occupied early in the report. Give it a starting state or a warm-up of at least {Math.Ceiling(3 * longest)} days."),
                    ProblemSeverity.Warning));
            }
        }
        FlowWarnings(network, warnings);
        return warnings;
    }

    private static void CheckRealism(ServiceDefinition s, string path, HashSet<string> groups, Action<string, string> add)
    {
        if (s.Demand is { } demand && demand.Minimum < 0)
        {
            add($"{path}.demand", $"demand per patient can be negative ({demand}).");
        }
        if (s.Accepts is { } window)
        {
            foreach (string problem in window.Problems())
            {
                add($"{path}.accepts", problem);
            }
        }
        if (s.Escalation is { } esc)
        {
            if (esc.Beds < 1)
            {
                add($"{path}.escalation.beds", $"escalation beds must be at least 1, but was {esc.Beds}.");
            }
            if (!(esc.OpenAt > 0 && esc.OpenAt <= 1))
            {
                add($"{path}.escalation.open_at", string.Create(CultureInfo.InvariantCulture,
                    $"escalation opens at a share of normal capacity in (0, 1], but was {esc.OpenAt} (occupancy cannot pass normal capacity while escalation is closed)."));
            }
            if (!(esc.CloseBelow >= 0 && esc.CloseBelow <= esc.OpenAt))
            {
                add($"{path}.escalation.close_below", string.Create(CultureInfo.InvariantCulture,
                    $"escalation closes below a share between 0 and the opening share ({esc.OpenAt}), but was {esc.CloseBelow}."));
            }
            if (s.Capacity.IsEverUnlimited)
            {
                add($"{path}.escalation", "a service with unlimited capacity cannot have escalation beds.");
            }
        }
        if (s.Start is { } start)
        {
            if (start.Occupied < 0 || start.Queued < 0)
            {
                add($"{path}.start", $"starting patients must be at least 0, but were {start.Occupied} in place and {start.Queued} queued.");
            }
            if (s.Role == ServiceRole.Resource && start.Occupied > 0)
            {
                add($"{path}.start.occupied", "a resource is used by patients who hold a bed elsewhere; give starting patients to the bed-based service instead.");
            }
            if (s.Demand is null && start.Occupied > s.Capacity.Initial)
            {
                add($"{path}.start.occupied", $"{start.Occupied} starting patients do not fit in a capacity of {s.Capacity.Initial}.");
            }
            CheckMix(start.GroupMix, $"{path}.start.groups", groups, add);
        }
    }

    /// <summary>A patient-group mix: known groups, shares ≥ 0 summing to 1.</summary>
    private static void CheckMix(IReadOnlyDictionary<string, double> mix, string path, HashSet<string> groups, Action<string, string> add)
    {
        double sum = 0;
        foreach (var (group, share) in mix)
        {
            if (!groups.Contains(group))
            {
                add($"{path}.{group}", $"'{group}' is not a patient group.");
            }
            if (!(share >= 0) || !double.IsFinite(share))
            {
                add($"{path}.{group}", $"a share must be at least 0, but was {Preconditions.Show(share)}.");
            }
            sum += share;
        }
        if (mix.Count > 0 && Math.Abs(sum - 1) > SumTolerance)
        {
            add(path, string.Create(CultureInfo.InvariantCulture, $"group shares sum to {Math.Round(sum, 6)}, not 1."));
        }
    }

    private static void CheckCapacity(ServiceDefinition s, string path, Action<string, string> add)
    {
        if (s.Capacity.Initial < 0)
        {
            add($"{path}.capacity", $"capacity must be at least 0, but was {s.Capacity.Initial}.");
        }
        foreach (var (day, capacity) in s.Capacity.Changes)
        {
            if (capacity < 0)
            {
                add($"{path}.capacity", string.Create(CultureInfo.InvariantCulture, $"capacity from day {day} must be at least 0, but was {capacity}."));
            }
            if (!double.IsFinite(day))
            {
                add($"{path}.capacity", "a capacity change has no finite day.");
            }
        }
    }

    private static void CheckArrivals(Network network, HashSet<string> services, HashSet<string> groups, Action<string, string> add)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in network.Arrivals)
        {
            string path = $"arrivals.{a.Name}";
            if (!names.Add(a.Name))
            {
                add(path, $"arrival stream '{a.Name}' is defined twice.");
            }
            if (!services.Contains(a.Service))
            {
                add($"{path}.service", $"'{a.Service}' is referenced but not defined as a service.");
            }
            if (a.DivertTo is not null)
            {
                if (!services.Contains(a.DivertTo))
                {
                    add($"{path}.divert_to", $"'{a.DivertTo}' is referenced but not defined as a service.");
                }
                if (a.DivertTo == a.Service)
                {
                    add($"{path}.divert_to", "a stream cannot divert to the service it enters.");
                }
                if (a.Kind == ArrivalKind.Emergency)
                {
                    add($"{path}.divert_to", "emergency arrivals are never turned away, so they never divert; make the stream planned or remove divert_to.");
                }
            }
            CheckMix(a.GroupMix, $"{path}.groups", groups, add);
        }
    }

    private static void CheckRoutes(Network network, HashSet<string> services, HashSet<string> exits, HashSet<string> groups, Action<string, string> add)
    {
        var seen = new HashSet<(string, string?)>();
        foreach (var r in network.Routes)
        {
            string path = r.Group is null ? $"routing.{r.From}" : $"routing.{r.From}.{r.Group}";
            if (!services.Contains(r.From))
            {
                add(path, $"'{r.From}' is referenced but not defined as a service.");
            }
            if (r.Group is not null && !groups.Contains(r.Group))
            {
                add(path, $"'{r.Group}' is not a patient group.");
            }
            if (!seen.Add((r.From, r.Group)))
            {
                add(path, "routing is given twice for this service and group.");
            }
            double sum = 0;
            foreach (var (to, p) in r.Destinations)
            {
                if (!services.Contains(to) && !exits.Contains(to))
                {
                    add($"{path}.{to}", $"'{to}' is referenced but is neither a service nor an exit.");
                }
                if (!(p >= 0) || !double.IsFinite(p))
                {
                    add($"{path}.{to}", $"a probability must be at least 0, but was {Preconditions.Show(p)}.");
                }
                sum += p;
            }
            if (Math.Abs(sum - 1) > SumTolerance)
            {
                add(path, string.Create(CultureInfo.InvariantCulture, $"routing out of '{r.From}' sums to {Math.Round(sum, 6)}, not 1."));
            }
        }
        foreach (var s in network.Services)
        {
            if (!network.Routes.Any(r => r.From == s.Name && r.Group is null))
            {
                var missing = network.Groups.Where(g => !network.Routes.Any(r => r.From == s.Name && r.Group == g)).ToList();
                if (missing.Count > 0)
                {
                    add($"routing.{s.Name}", $"no routing out of '{s.Name}' for group(s) {string.Join(", ", missing)}: say where patients go next (a service or an exit such as {string.Join(" or ", network.Exits)}).");
                }
            }
        }
    }
}
