using System.Globalization;

namespace Bedflow.Core.Model;

/// <summary>
/// The one validator of a <see cref="Network"/>: lists every problem at once, each at a typed
/// <see cref="ModelPath"/> in the model's own names (a reader maps the path to its file position).
/// </summary>
internal static partial class NetworkValidator
{
    /// <summary>How far probabilities or shares may be from summing to 1.</summary>
    public const double SumTolerance = 1e-6;

    public static IReadOnlyList<ModelProblem> Validate(Network network)
    {
        var problems = new List<ModelProblem>();
        void Add(ModelPath path, string message) => problems.Add(new ModelProblem(path, message));

        var groupsPath = ModelPath.Root.Member(nameof(Network.Groups));
        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (network.Groups.Count == 0)
        {
            Add(groupsPath, "at least one patient group is needed.");
        }
        for (int i = 0; i < network.Groups.Count; i++)
        {
            string g = network.Groups[i];
            if (!groups.Add(g))
            {
                Add(groupsPath.Index(i), $"patient group '{g}' is listed twice.");
            }
        }

        var services = new HashSet<string>(StringComparer.Ordinal);
        if (network.Services.Count == 0)
        {
            Add(ModelPath.Root.Member(nameof(Network.Services)), "at least one service is needed.");
        }
        foreach (var s in network.Services)
        {
            var path = ModelPath.Service(s.Name);
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                Add(path, "a service has no name.");
            }
            else if (!services.Add(s.Name))
            {
                Add(path, $"service '{s.Name}' is defined twice.");
            }
            CheckCapacity(s.Capacity, path.Member(nameof(ServiceDefinition.Capacity)), Add);
            if (s.QueueLimit is < 0)
            {
                Add(path.Member(nameof(ServiceDefinition.QueueLimit)), $"queue limit must be at least 0 (0 = no queue), but was {s.QueueLimit}.");
            }
            if (s.LengthOfStay.Minimum < 0)
            {
                Add(path.Member(nameof(ServiceDefinition.LengthOfStay)), $"length of stay can be negative ({s.LengthOfStay}); use a distribution of non-negative values.");
            }
            CheckRealism(s, path, groups, Add);
            foreach (var (group, los) in s.LengthOfStayByGroup)
            {
                var at = path.Member(nameof(ServiceDefinition.LengthOfStayByGroup)).Key(group);
                if (!groups.Contains(group))
                {
                    Add(at, $"'{group}' is not a patient group (groups: {string.Join(", ", network.Groups)}).");
                }
                if (los.Minimum < 0)
                {
                    Add(at, $"length of stay can be negative ({los}).");
                }
            }
        }

        var exitsPath = ModelPath.Root.Member(nameof(Network.Exits));
        var exits = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < network.Exits.Count; i++)
        {
            string e = network.Exits[i];
            if (!exits.Add(e))
            {
                Add(exitsPath.Index(i), $"exit '{e}' is listed twice.");
            }
            if (services.Contains(e))
            {
                Add(exitsPath.Index(i), $"'{e}' is both a service and an exit.");
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
                warnings.Add(new ModelProblem(ModelPath.Service(s.Name), string.Create(CultureInfo.InvariantCulture,
                    $"starts empty with a warm-up of {warmupDays:0.#} days, shorter than 3 × its longest mean stay ({longest:0.#} days): it will be under-occupied early in the report. Give it a starting state or a warm-up of at least {Math.Ceiling(3 * longest)} days."),
                    ProblemSeverity.Warning));
            }
        }
        FlowWarnings(network, warnings);
        return warnings;
    }

    private static void CheckRealism(ServiceDefinition s, ModelPath path, HashSet<string> groups, Action<ModelPath, string> add)
    {
        if (s.Demand is { } demand && demand.Minimum < 0)
        {
            add(path.Member(nameof(ServiceDefinition.Demand)), $"demand per patient can be negative ({demand}).");
        }
        if (s.Accepts is { } window)
        {
            foreach (var problem in window.Problems(path.Member(nameof(ServiceDefinition.Accepts))))
            {
                add(problem.Path, problem.Message);
            }
        }
        if (s.Escalation is { } esc)
        {
            var at = path.Member(nameof(ServiceDefinition.Escalation));
            if (esc.Beds < 1)
            {
                add(at.Member(nameof(Escalation.Beds)), $"escalation beds must be at least 1, but was {esc.Beds}.");
            }
            if (!(esc.OpenAt > 0 && esc.OpenAt <= 1))
            {
                add(at.Member(nameof(Escalation.OpenAt)), string.Create(CultureInfo.InvariantCulture,
                    $"escalation opens at a share of normal capacity in (0, 1], but was {esc.OpenAt} (occupancy cannot pass normal capacity while escalation is closed)."));
            }
            if (!(esc.CloseBelow >= 0 && esc.CloseBelow <= esc.OpenAt))
            {
                add(at.Member(nameof(Escalation.CloseBelow)), string.Create(CultureInfo.InvariantCulture,
                    $"escalation closes below a share between 0 and the opening share ({esc.OpenAt}), but was {esc.CloseBelow}."));
            }
            if (s.Capacity.IsEverUnlimited)
            {
                add(at, "a service with unlimited capacity cannot have escalation beds.");
            }
        }
        if (s.Start is { } start)
        {
            var at = path.Member(nameof(ServiceDefinition.Start));
            if (start.Occupied < 0 || start.Queued < 0)
            {
                add(at, $"starting patients must be at least 0, but were {start.Occupied} in place and {start.Queued} queued.");
            }
            if (s.Role == ServiceRole.Resource && start.Occupied > 0)
            {
                add(at.Member(nameof(StartingState.Occupied)), "a resource is used by patients who hold a bed elsewhere; give starting patients to the bed-based service instead.");
            }
            if (s.Demand is null && s.Capacity.Initial.TryGetPlaces(out int places) && start.Occupied > places)
            {
                add(at.Member(nameof(StartingState.Occupied)), $"{start.Occupied} starting patients do not fit in a capacity of {s.Capacity.Initial}.");
            }
            CheckMix(start.GroupMix, at.Member(nameof(StartingState.GroupMix)), groups, add);
        }
    }

    /// <summary>A patient-group mix: known groups, shares ≥ 0 summing to 1.</summary>
    private static void CheckMix(IReadOnlyDictionary<string, double> mix, ModelPath path, HashSet<string> groups, Action<ModelPath, string> add)
    {
        double sum = 0;
        foreach (var (group, share) in mix)
        {
            if (!groups.Contains(group))
            {
                add(path.Key(group), $"'{group}' is not a patient group.");
            }
            if (!(share >= 0) || !double.IsFinite(share))
            {
                add(path.Key(group), $"a share must be at least 0, but was {Preconditions.Show(share)}.");
            }
            sum += share;
        }
        if (mix.Count > 0 && Math.Abs(sum - 1) > SumTolerance)
        {
            add(path, string.Create(CultureInfo.InvariantCulture, $"group shares sum to {Math.Round(sum, 6)}, not 1."));
        }
    }

    /// <summary>A capacity schedule: every change on a finite day (a <see cref="Units.Capacity"/> is never below 0: its type refuses it).</summary>
    private static void CheckCapacity(CapacitySchedule schedule, ModelPath path, Action<ModelPath, string> add)
    {
        for (int i = 0; i < schedule.Changes.Count; i++)
        {
            if (!double.IsFinite(schedule.Changes[i].Day))
            {
                add(path.Member(nameof(CapacitySchedule.Changes)).Index(i), "a capacity change has no finite day.");
            }
        }
    }
}
