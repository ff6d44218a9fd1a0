using Bedflow.Core.Distributions;
using Bedflow.Core.Model;

namespace Bedflow.Data.Scenarios;

/// <summary>A time-bound change read from <c>interventions</c>: days from day 0, <see cref="To"/> exclusive.</summary>
internal sealed record Intervention(string Name, double From, double To, List<(string Service, YScalar Key, int Delta)> Capacity,
    List<RouteDefinition> Routes, List<(string Service, Distribution Stay)> Stays, decimal Cost = 0, Bedflow.Core.Vocabulary.Commissioner PaidBy = Bedflow.Core.Vocabulary.Commissioner.Nhs);

internal sealed partial class ScenarioReader
{
    /// <summary>
    /// <c>interventions: {winter_pilot: {from: 2016-11-01, to: 2017-03-31, add_capacity: {intermediate_care: 30}}}</c>:
    /// in force from the start of <c>from</c> to the end of <c>to</c>.
    /// </summary>
    private List<Intervention> ReadInterventions(YNode? node, HashSet<string> services, List<string> exits)
    {
        Places.Entry(ModelPath.Root.Member(nameof(Network.RoutingChanges)), _root, "interventions", "interventions");
        Places.Entry(ModelPath.Root.Member(nameof(Network.StayChanges)), _root, "interventions", "interventions");
        var list = new List<Intervention>();
        var periods = new List<string>();
        if (ctx.Map(node, "interventions") is not { } map)
        {
            return list;
        }
        foreach (var (key, value) in map.Entries)
        {
            string path = $"interventions.{key.Value}";
            if (ctx.Map(value, path, required: true) is not { } m)
            {
                continue;
            }
            int before = ctx.Problems.Count;
            ctx.Keys(m, path, ["description", "from", "to", "add_capacity", "routing", "length_of_stay", "cost", "paid_by"], ["from", "to"]);
            decimal cost = ctx.Money(m["cost"], $"{path}.cost") ?? 0;
            var paidBy = ctx.Choice(m["paid_by"], $"{path}.paid_by", Bedflow.Core.Vocabulary.CommissionerWords.Table) ?? Bedflow.Core.Vocabulary.Commissioner.Nhs;
            var from = ctx.Date(m["from"], $"{path}.from");
            var to = ctx.Date(m["to"], $"{path}.to");
            if (from is null || to is null)
            {
                continue;
            }
            if (to < from)
            {
                ctx.Error(m["to"], $"{path}.to", $"the intervention ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
                continue;
            }
            var capacity = new List<(string, YScalar, int)>();
            if (ctx.Map(m["add_capacity"], $"{path}.add_capacity") is { } add)
            {
                foreach (var (service, delta) in add.Entries)
                {
                    if (ctx.Integer(delta, $"{path}.add_capacity.{service.Value}") is { } d)
                    {
                        if (Math.Abs((long)d) > MaxCapacity)
                        {
                            ctx.Error(delta, $"{path}.add_capacity.{service.Value}", $"a change of capacity can be at most {MaxCapacity:N0} either way, but was {d:N0}.");
                            continue;
                        }
                        capacity.Add((service.Value, service, d));
                    }
                }
            }
            // A change of the network, with its days, is recorded at the key of what it changes.
            ModelPath Change(ModelPath change, YScalar at, string changePath)
            {
                Places.Add(change, at, changePath);
                Places.Entry(change.Member(nameof(RoutingChange.From)), m, "from", $"{path}.from");
                Places.Entry(change.Member(nameof(RoutingChange.To)), m, "to", $"{path}.to");
                return change;
            }
            var stays = new List<(string, Distribution)>();
            if (ctx.Map(m["length_of_stay"], $"{path}.length_of_stay") is { } los)
            {
                foreach (var (service, dist) in los.Entries)
                {
                    if (!services.Contains(service.Value))
                    {
                        ctx.Error(service, $"{path}.length_of_stay.{service.Value}", $"'{service.Value}' is referenced but not defined as a service.{Suggest.DidYouMean(service.Value, services)}");
                        continue;
                    }
                    // The next stay change of the network, if this one reads.
                    var change = ModelPath.StayChange(_stayChanges);
                    if (Stay(dist, $"{path}.length_of_stay.{service.Value}", change.Member(nameof(StayChange.LengthOfStay))) is { } d)
                    {
                        Change(change, service, $"{path}.length_of_stay.{service.Value}");
                        Places.Add(change.Member(nameof(StayChange.Service)), service, $"{path}.length_of_stay.{service.Value}");
                        Places.Entry(change.Member(nameof(StayChange.LengthOfStay)), los, service.Value, $"{path}.length_of_stay.{service.Value}");
                        stays.Add((service.Value, d));
                        _stayChanges++;
                    }
                }
            }
            var routes = m["routing"] is { } r
                ? ReadRouting(r, $"{path}.routing", (from, group, key, routePath) =>
                    Places.Add(Change(ModelPath.RoutingChange(_routingChanges++), key, routePath).Member(nameof(RoutingChange.Route)), key, routePath))
                : [];
            if (m["routing"] is YMap routing)
            {
                // Names are checked here, at their own keys, rather than later by the engine.
                foreach (var (origin, dests) in routing.Entries)
                {
                    if (!services.Contains(origin.Value))
                    {
                        ctx.Error(origin, $"{path}.routing.{origin.Value}", $"'{origin.Value}' is referenced but not defined as a service.{Suggest.DidYouMean(origin.Value, services)}");
                    }
                    var leaves = dests is YMap dm && dm.Entries.All(e => _groups.Contains(e.Key.Value) && e.Value is YMap)
                        ? dm.Entries.SelectMany(e => ((YMap)e.Value).Entries) : (dests as YMap)?.Entries ?? [];
                    foreach (var (destination, _) in leaves.Where(e => !services.Contains(e.Key.Value) && !exits.Contains(e.Key.Value)))
                    {
                        ctx.Error(destination, $"{path}.routing.{origin.Value}.{destination.Value}", $"'{destination.Value}' is referenced but is neither a service nor an exit.{Suggest.DidYouMean(destination.Value, services.Concat(exits))}");
                    }
                }
            }
            // (A change that could not be read has its own problem: not also "needs at least one".)
            if (capacity.Count + stays.Count + routes.Count == 0 && cost == 0 && !ctx.ErrorsSince(before))
            {
                ctx.Error(m, path, "an intervention needs at least one of add_capacity, routing, length_of_stay or cost.");
            }
            var intervention = new Intervention(key.Value, Day(from.Value), Day(to.Value) + 1, capacity, routes, stays, cost, paidBy);
            if (Options is { } run && (intervention.To <= -run.WarmupDays || intervention.From >= run.HorizonDays))
            {
                var first = _start.AddDays(-(int)Math.Ceiling(run.WarmupDays));
                var last = _start.AddDays((int)Math.Ceiling(run.HorizonDays) - 1);
                ctx.Warning(key, path, $"is in force from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, wholly outside the simulated days ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}, warm-up included): it changes nothing.");
            }
            foreach (var (earlier, dates) in list.Zip(periods).Where(e => e.First.From < intervention.To && intervention.From < e.First.To))
            {
                Overlaps(m, path, earlier, dates, intervention, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
            }
            list.Add(intervention);
            periods.Add($"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        }
        return list;
    }

    /// <summary>Two interventions in force at once that both replace the same routing or length of stay: only one can.</summary>
    private void Overlaps(YMap m, string path, Intervention earlier, string earlierDates, Intervention later, string laterDates)
    {
        string both = $"interventions '{earlier.Name}' ({earlierDates}) and '{later.Name}' ({laterDates}) are in force at the same time and both";
        foreach (var r in later.Routes.Where(r => earlier.Routes.Any(o => o.From == r.From && o.Group == r.Group)).DistinctBy(r => (r.From, r.Group)))
        {
            var at = (m["routing"] as YMap)?.Entries.FirstOrDefault(e => e.Key.Value == r.From).Key;
            ctx.Error((YNode?)at ?? m, $"{path}.routing.{r.From}", $"{both} change the routing out of '{r.From}'{(r.Group is null ? "" : $" for group {r.Group}")}: only one can; end one before the other starts, or put both changes in one intervention.");
        }
        foreach (var (service, _) in later.Stays.Where(st => earlier.Stays.Any(o => o.Service == st.Service)).DistinctBy(st => st.Service))
        {
            var at = (m["length_of_stay"] as YMap)?.Entries.FirstOrDefault(e => e.Key.Value == service).Key;
            ctx.Error((YNode?)at ?? m, $"{path}.length_of_stay.{service}", $"{both} change the length of stay of '{service}': only one can; end one before the other starts, or put both changes in one intervention.");
        }
    }
}
