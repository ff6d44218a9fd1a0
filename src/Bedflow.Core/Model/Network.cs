using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>
/// A health and social care economy as a network of services: what the simulator runs.
/// Immutable. Build one with <see cref="NetworkBuilder"/> (or a scenario file), then
/// <see cref="Validate"/> it; the simulator refuses an invalid network.
/// </summary>
public sealed record Network
{
    /// <summary>The calendar date of day 0, the first reported day.</summary>
    public DateOnly StartDate { get; init; } = new(2016, 4, 1);

    /// <summary>Patient group names; the first is the default group.</summary>
    public IReadOnlyList<string> Groups { get; init; } = ["all"];

    /// <summary>The services.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }

    /// <summary>Arrival streams from outside.</summary>
    public required IReadOnlyList<ArrivalStreamDefinition> Arrivals { get; init; }

    /// <summary>Routing out of each service.</summary>
    public required IReadOnlyList<RouteDefinition> Routes { get; init; }

    /// <summary>Routing replaced for a while (interventions); overlapping changes of the same service and group are an error.</summary>
    public IReadOnlyList<RoutingChange> RoutingChanges { get; init; } = [];

    /// <summary>Lengths of stay replaced for a while (interventions); overlapping changes of the same service and group are an error.</summary>
    public IReadOnlyList<StayChange> StayChanges { get; init; } = [];

    /// <summary>Ways out of the network, such as "home" or "died".</summary>
    public IReadOnlyList<string> Exits { get; init; } = ["home"];

    /// <summary>The discharge pathway of each exit; an exit not listed is P0 (home, no new support); null = not a discharge (e.g. died).</summary>
    public IReadOnlyDictionary<string, DischargePathway?> ExitPathways { get; init; } = new Dictionary<string, DischargePathway?>();

    /// <summary>Patient groups of children (under 18): their delays are not counted for the SitRep.</summary>
    public IReadOnlySet<string> ChildGroups { get; init; } = new HashSet<string>();

    /// <summary>The lead commissioner of pooled services: responsible for their delays unless a service names another (NHS or social care).</summary>
    public Responsibility LeadCommissioner { get; init; } = Responsibility.Nhs;

    /// <summary>The population served, for rates per adult; null = rates are not computed.</summary>
    public Population? Population { get; init; }

    /// <summary>Every problem with the network; empty when it is valid.</summary>
    public IReadOnlyList<ModelProblem> Validate() => NetworkValidator.Validate(this);

    /// <summary>
    /// Things that do not stop a run but may make its results mislead, given the days simulated
    /// before day 0 (<paramref name="warmupDays"/>, the run's warm-up): a service that starts empty
    /// with a warm-up shorter than three times its longest mean stay, a service that sends every
    /// patient back to itself, and a queue limit of 0 on a service only emergencies enter (they
    /// are never turned away, so it does nothing).
    /// </summary>
    public IReadOnlyList<ModelProblem> Warnings(double warmupDays) => NetworkValidator.Warnings(this, warmupDays);

    /// <summary>
    /// Sizing before running: each service's offered load from the flow balance against its
    /// capacity over the reported days 0 to <paramref name="horizonDays"/> (see <see cref="Model.OfferedLoad"/>).
    /// The network must be valid.
    /// </summary>
    public OfferedLoad OfferedLoad(double horizonDays) => Model.OfferedLoad.Of(this, horizonDays);

    /// <summary>
    /// The services no patient can reach (no stream, diversion, starting patients or routing from
    /// a reachable service leads there), in definition order; empty when every one can be reached.
    /// </summary>
    public IReadOnlyList<string> UnreachableServices() => NetworkValidator.Unreachable(this);

    /// <summary>Throws <see cref="InvalidModelException"/> listing every problem, if any.</summary>
    public Network EnsureValid()
    {
        var problems = Validate();
        return problems.Count > 0 ? throw new InvalidModelException(problems) : this;
    }

    /// <summary>The index of a service by name, or −1.</summary>
    public int ServiceIndex(string name)
    {
        for (int i = 0; i < Services.Count; i++)
        {
            if (Services[i].Name == name)
            {
                return i;
            }
        }
        return -1;
    }
}
