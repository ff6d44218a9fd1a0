using Bedflow.Core.Distributions;
using Bedflow.Core.Model;

namespace Bedflow.Data.Scenarios;

/// <summary>A time-bound change read from <c>interventions</c>: days from day 0, <see cref="To"/> exclusive.</summary>
internal sealed record Intervention(string Name, double From, double To, List<(string Service, YScalar Key, int Delta)> Capacity,
    List<RouteDefinition> Routes, List<(string Service, Distribution Stay)> Stays, decimal Cost = 0, Bedflow.Core.Vocabulary.Commissioner PaidBy = Bedflow.Core.Vocabulary.Commissioner.Nhs);

internal sealed partial class ScenarioReader
{
    /// <summary>Sanity limit on an arrival rate (patients a day).</summary>
    internal const double MaxRate = 100_000;

    internal static readonly string[] ArrivalKeys = ["service", "rate", "rate_changes", "kind", "monthly", "weekday", "groups", "divert_to", "redirect"];

    private List<ArrivalStreamDefinition> ReadArrivals(YNode? node)
    {
        var list = new List<ArrivalStreamDefinition>();
        if (ctx.Map(node, "arrivals", required: true) is not { } map)
        {
            return list;
        }
        Places.Add(ModelPath.Root.Member(nameof(Network.Arrivals)), null, "arrivals");
        foreach (var (key, value) in map.Entries)
        {
            string path = $"arrivals.{key.Value}";
            var at = Places.Add(ModelPath.Arrival(key.Value), key, path);
            if (ctx.Map(value, path, required: true) is not { } m)
            {
                continue;
            }
            ctx.Keys(m, path, ArrivalKeys, ["service", "rate"]);
            Places.Entry(at.Member(nameof(ArrivalStreamDefinition.Service)), m, "service", $"{path}.service");
            var rateAt = Places.Entry(at.Member(nameof(ArrivalStreamDefinition.Rate)), m, "rate", $"{path}.rate");
            Places.Entry(rateAt.Member(nameof(SeasonalRate.BaseRate)), m, "rate", $"{path}.rate");
            PlaceFactors(m, "monthly", $"{path}.monthly", rateAt.Member(nameof(SeasonalRate.MonthFactors)));
            PlaceFactors(m, "weekday", $"{path}.weekday", rateAt.Member(nameof(SeasonalRate.WeekdayFactors)));
            Places.Entry(rateAt.Member(nameof(SeasonalRate.BaseRateChanges)), m, "rate_changes", $"{path}.rate_changes");
            Places.Entry(at.Member(nameof(ArrivalStreamDefinition.DivertTo)), m, "divert_to", $"{path}.divert_to");
            string? service = ctx.Text(m["service"], $"{path}.service");
            double? rate = ctx.Rate(m["rate"], $"{path}.rate");
            if (rate > MaxRate)
            {
                ctx.Error(m["rate"], $"{path}.rate", $"a rate can be at most {MaxRate:N0} a day (a whole nation's admissions), but was {rate:N0} a day.");
                rate = null;
            }
            var changes = new List<(double, double)>();
            if (ctx.Map(m["rate_changes"], $"{path}.rate_changes") is { } rc)
            {
                foreach (var (dateKey, r) in rc.Entries)
                {
                    var (date, error) = Quantities.Date(dateKey.Value);
                    if (error is not null)
                    {
                        ctx.Error(dateKey, $"{path}.rate_changes.{dateKey.Value}", error);
                    }
                    else if (ctx.Rate(r, $"{path}.rate_changes.{dateKey.Value}") is { } perDay)
                    {
                        Places.Entry(rateAt.Member(nameof(SeasonalRate.BaseRateChanges)).Index(changes.Count), rc, dateKey.Value, $"{path}.rate_changes.{dateKey.Value}");
                        changes.Add((Day(date), perDay));
                    }
                }
            }
            var monthly = Factors(m["monthly"], $"{path}.monthly", 12, "January first");
            var weekday = Factors(m["weekday"], $"{path}.weekday", 7, "Monday first");
            var kind = ctx.Choice(m["kind"], $"{path}.kind", Names.ArrivalKinds) ?? ArrivalKind.Emergency;
            var mix = ReadMix(m, $"{path}.groups", at.Member(nameof(ArrivalStreamDefinition.GroupMix)));
            string? divert = ctx.Text(m["divert_to"], $"{path}.divert_to");
            string? redirectTo = null;
            double redirectShare = 0;
            if (ctx.Map(m["redirect"], $"{path}.redirect") is { } red)
            {
                ctx.Keys(red, $"{path}.redirect", ["to", "share"], ["to", "share"]);
                redirectTo = ctx.Text(red["to"], $"{path}.redirect.to");
                redirectShare = Share(red["share"], $"{path}.redirect.share") ?? 0;
                if (redirectShare is < 0 or > 1)
                {
                    ctx.Error(red["share"], $"{path}.redirect.share", $"a share must be between 0 and 1, but was {redirectShare}.");
                    redirectShare = 0;
                }
            }
            if (service is null || rate is null)
            {
                continue;
            }
            // The rate's own checks (factors that do not average 1, …), as problems at their keys; the stream is not built with them.
            var rateProblems = SeasonalRate.Problems(rateAt, rate.Value, changes, monthly, weekday);
            foreach (var problem in rateProblems)
            {
                ctx.Report(problem, Places);
            }
            if (rateProblems.Count > 0)
            {
                continue;
            }
            if ((rate == 0 && changes.All(c => c.Item2 == 0)) || redirectShare == 1)
            {
                ctx.Warning(m["rate"], $"{path}.rate", redirectShare == 1
                    ? $"the whole stream is redirected to '{redirectTo}': no patient arrives at '{service}' this way."
                    : "the rate is 0 throughout: no patient ever arrives this way.");
            }
            // Checked above: a share of a valid rate is valid (the factor is from 0 to 1).
            ArrivalRate Rate(double factor) => new SeasonalRate(_start, rate.Value * factor, changes.Select(c => (c.Item1, c.Item2 * factor)), monthly, weekday);
            // A redirected share is a Poisson stream of its own (thinning a Poisson process by a coin gives two independent ones).
            list.Add(new ArrivalStreamDefinition { Name = key.Value, Service = service, Rate = Rate(1 - redirectShare), Kind = kind, GroupMix = mix, DivertTo = divert });
            if (redirectTo is not null)
            {
                // The redirected share is a stream of its own, read from the redirect.
                var redirect = (YMap)m["redirect"]!;
                var redirected = Places.Entry(ModelPath.Arrival($"{key.Value}_to_{redirectTo}"), m, "redirect", $"{path}.redirect");
                Places.Entry(redirected.Member(nameof(ArrivalStreamDefinition.Service)), redirect, "to", $"{path}.redirect.to");
                Places.Entry(redirected.Member(nameof(ArrivalStreamDefinition.Rate)), redirect, "share", $"{path}.redirect.share");
                Places.Entry(redirected.Member(nameof(ArrivalStreamDefinition.GroupMix)), m, "groups", $"{path}.groups");
                Places.Add(redirected.Member(nameof(ArrivalStreamDefinition.DivertTo)), null, $"{path}.redirect");
                foreach (var (group, _) in (m["groups"] as YMap)?.Entries ?? [])
                {
                    Places.Add(redirected.Member(nameof(ArrivalStreamDefinition.GroupMix)).Key(group.Value), group, $"{path}.groups.{group.Value}");
                }
                list.Add(new ArrivalStreamDefinition { Name = $"{key.Value}_to_{redirectTo}", Service = redirectTo, Rate = Rate(redirectShare), Kind = kind, GroupMix = mix });
            }
        }
        return list;
    }

    /// <summary>Records a list of factors and each factor by position.</summary>
    private void PlaceFactors(YMap stream, string key, string path, ModelPath at)
    {
        Places.Entry(at, stream, key, path);
        if (stream[key] is YSeq seq)
        {
            for (int i = 0; i < seq.Items.Count; i++)
            {
                Places.Add(at.Index(i), seq.Items[i], $"{path}[{i}]");
            }
        }
    }

    private double[]? Factors(YNode? node, string path, int count, string order)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not YSeq seq || seq.Items.Count != count)
        {
            ctx.Error(node, path, $"expected a list of {count} factors ({order}) averaging 1, but found {(node is YSeq s ? $"{s.Items.Count} values" : ReadContext.Describe(node))}.");
            return null;
        }
        var values = seq.Items.Select((n, i) => ctx.Number(n, $"{path}[{i}]")).ToList();
        return values.All(v => v is not null) ? [.. values.Select(v => v!.Value)] : null;
    }

    /// <summary>
    /// <c>routing: {acute: {home: 0.8, community_hospital: 0.2}}</c>, or per group: <c>{acute: {frail: {…}, other: {…}}}</c>.
    /// <paramref name="place"/> records each route read (from, group, its key and key path) in
    /// <see cref="Places"/> and says the model path of the route, whose destinations are recorded below it.
    /// </summary>
    private List<RouteDefinition> ReadRouting(YNode? node, string basePath, Func<string, string?, YScalar, string, ModelPath> place)
    {
        var list = new List<RouteDefinition>();
        if (ctx.Map(node, basePath, required: basePath == "routing") is not { } map)
        {
            return list;
        }
        foreach (var (key, value) in map.Entries)
        {
            string path = $"{basePath}.{key.Value}";
            if (ctx.Map(value, path, required: true) is not { } m)
            {
                continue;
            }
            bool byGroup = m.Entries.Count > 0 && m.Entries.All(e => _groups.Contains(e.Key.Value) && e.Value is YMap);
            if (byGroup)
            {
                foreach (var (group, dests) in m.Entries)
                {
                    var at = place(key.Value, group.Value, group, $"{path}.{group.Value}");
                    list.Add(new RouteDefinition { From = key.Value, Group = group.Value, Destinations = Destinations((YMap)dests, $"{path}.{group.Value}", at) });
                }
            }
            else
            {
                var at = place(key.Value, null, key, path);
                list.Add(new RouteDefinition { From = key.Value, Destinations = Destinations(m, path, at) });
            }
        }
        return list;
    }

    /// <summary>A route recorded at its key in <see cref="Places"/>, as the network's own routing.</summary>
    private ModelPath PlaceRoute(string from, string? group, YScalar key, string path) => Places.Add(ModelPath.Route(from, group), key, path);

    private List<(string, double)> Destinations(YMap m, string path, ModelPath route)
    {
        var list = new List<(string, double)>();
        Places.Add(route.Member(nameof(RouteDefinition.Destinations)), null, path);
        foreach (var (to, p) in m.Entries)
        {
            // An element of a collection is placed at its name.
            Places.Add(route.Member(nameof(RouteDefinition.Destinations)).Key(to.Value), to, $"{path}.{to.Value}");
            if (Share(p, $"{path}.{to.Value}") is { } share)
            {
                list.Add((to.Value, share));
            }
        }
        return list;
    }

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
            var paidBy = ctx.Choice(m["paid_by"], $"{path}.paid_by", Names.Commissioners) ?? Bedflow.Core.Vocabulary.Commissioner.Nhs;
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
