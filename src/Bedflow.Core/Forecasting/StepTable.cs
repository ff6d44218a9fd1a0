using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// Where a ready patient is on its way out of its bed (<see cref="StartingPatient.Steps"/>), from
/// the reasons its delay has had up to the moment: each reason period moves it one step along the
/// routing, to the next steps whose reason (<see cref="ServiceDelays.For(Network)"/>) is that
/// reason — so A then Dii is the nursing-home search behind the assessment, not the assessment; A,
/// Di then G the choice wait for the residential home. Reason G reads as a step with a choice
/// setting. A reason no next step has is looked for further on, through resources (a register that
/// records only the current reason: Dii alone is still the search behind the assessment). Each
/// step is weighted by the routing's chance of the path there (the largest over groups and
/// routing changes). A reason found nowhere gives no step: the routing decides. Immutable.
/// </summary>
internal sealed class StepTable(Network network)
{
    private readonly IReadOnlyList<ServiceDelays> _settings = ServiceDelays.For(network);

    /// <summary>
    /// The steps a patient ready in <paramref name="service"/> with the reason periods
    /// <paramref name="reasons"/> (in time order, the last in force now) may be at, with their weights.
    /// </summary>
    public IReadOnlyList<StartingStep> For(string service, IReadOnlyList<DelayReason> reasons)
    {
        if (reasons.Count == 0)
        {
            return [];
        }
        var at = new List<StartingStep> { new(service, 1) };
        foreach (var reason in reasons)
        {
            var next = Advance(at, reason, service);
            // A history the routing cannot follow (a reason recorded out of order): from the bed again.
            at = next.Count > 0 ? next : Advance([new(service, 1)], reason, service);
            if (at.Count == 0)
            {
                return [];
            }
        }
        return at;
    }

    // The steps of `reason` next from each of `at`: staying at a step already of that reason, else the
    // next steps of it, else (through resources only) the first of it further on.
    private List<StartingStep> Advance(List<StartingStep> at, DelayReason reason, string bed)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (step, weight) in at)
        {
            if (step != bed && Matches(step, reason))
            {
                Add(found, step, weight);
                continue;
            }
            var direct = NextSteps(step).Where(d => Matches(d.To, reason)).ToList();
            foreach (var (to, p) in direct.Count > 0 ? direct : Further(step, reason))
            {
                Add(found, to, weight * p);
            }
        }
        return [.. found.Select(f => new StartingStep(f.Key, f.Value))];

        static void Add(Dictionary<string, double> found, string step, double weight) =>
            found[step] = found.GetValueOrDefault(step) + weight;
    }

    // Breadth first through resources only (a patient moving on through a referral keeps its bed, so
    // a later step's reason is still its delay's): the first step of `reason` on each path, with the path's chance.
    private List<(string To, double P)> Further(string start, DelayReason reason)
    {
        var found = new List<(string, double)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<(string, double)>(NextSteps(start).Where(d => IsResource(d.To)));
        while (queue.Count > 0)
        {
            var (s, p) = queue.Dequeue();
            if (!seen.Add(s))
            {
                continue;
            }
            foreach (var (d, q) in NextSteps(s))
            {
                if (Matches(d, reason))
                {
                    found.Add((d, p * q));
                }
                else if (IsResource(d))
                {
                    queue.Enqueue((d, p * q));
                }
            }
        }
        return found;
    }

    // Every destination the routing of `service` can send a patient to (any group, any routing change),
    // services only, first seen first, each with its largest probability.
    private IEnumerable<(string To, double P)> NextSteps(string service) =>
        network.Routes.Where(r => r.From == service)
            .Concat(network.RoutingChanges.Where(c => c.Route.From == service).Select(c => c.Route))
            .SelectMany(r => r.Destinations).Where(d => d.Probability > 0 && network.ServiceIndex(d.To) >= 0)
            .GroupBy(d => d.To, StringComparer.Ordinal).Select(g => (g.Key, g.Max(d => d.Probability)));

    private bool Matches(string service, DelayReason reason)
    {
        int j = network.ServiceIndex(service);
        return reason == DelayReason.G ? network.Services[j].Choice is not null : _settings[j].Reason == reason;
    }

    private bool IsResource(string service) => network.Services[network.ServiceIndex(service)].Role == ServiceRole.Resource;
}
