using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// Turns a ready patient's SitRep reason into the services it may be waiting for
/// (<see cref="StartingPatient.WaitsFor"/>): the next steps of its service's routing whose
/// reason (<see cref="ServiceDelays.For(Network)"/>) is that reason — or, when none is, the next
/// steps that are resources (a referral, an assessment) leading through resources to a service
/// of that reason. Reason G (the patient's choice) reads as the steps leading to a service with a
/// choice setting. A reason no step leads to gives an empty list: the routing decides. Immutable.
/// </summary>
internal sealed class WaitsForTable(Network network)
{
    private readonly IReadOnlyList<ServiceDelays> _settings = ServiceDelays.For(network);

    /// <summary>The services a patient ready in <paramref name="service"/> for <paramref name="reason"/> may be waiting for, in routing order.</summary>
    public IReadOnlyList<string> For(string service, DelayReason reason)
    {
        var next = NextSteps(service).ToList();
        var direct = next.Where(d => Matches(d, reason)).ToList();
        if (direct.Count > 0)
        {
            return direct;
        }
        return [.. next.Where(d => IsResource(d) && LeadsTo(d, reason))];
    }

    // Every destination the routing of `service` can send a patient to (any group, any routing change), services only, first seen first.
    private IEnumerable<string> NextSteps(string service) =>
        network.Routes.Where(r => r.From == service)
            .Concat(network.RoutingChanges.Where(c => c.Route.From == service).Select(c => c.Route))
            .SelectMany(r => r.Destinations).Where(d => d.Probability > 0 && network.ServiceIndex(d.To) >= 0)
            .Select(d => d.To).Distinct(StringComparer.Ordinal);

    private bool Matches(string service, DelayReason reason)
    {
        int j = network.ServiceIndex(service);
        return reason == DelayReason.G ? network.Services[j].Choice is not null : _settings[j].Reason == reason;
    }

    private bool IsResource(string service) => network.Services[network.ServiceIndex(service)].Role == ServiceRole.Resource;

    // Breadth first through resources only: a patient moving on through a referral keeps its bed, so the reason of a later step is still its delay's.
    private bool LeadsTo(string start, DelayReason reason)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            string s = queue.Dequeue();
            if (Matches(s, reason))
            {
                return true;
            }
            if (!IsResource(s))
            {
                continue;
            }
            foreach (string d in NextSteps(s))
            {
                if (seen.Add(d))
                {
                    queue.Enqueue(d);
                }
            }
        }
        return false;
    }
}
