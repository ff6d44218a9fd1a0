using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Data.Scenarios;

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
            var kind = ctx.Choice(m["kind"], $"{path}.kind", ArrivalKindWords.Table) ?? ArrivalKind.Emergency;
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
            ArrivalRate Rate(double factor) => new SeasonalRate(_start, RatePerDay.Of(rate.Value * factor), changes.Select(c => (c.Item1, RatePerDay.Of(c.Item2 * factor))), monthly, weekday);
            // A redirected share is a Poisson stream of its own (thinning a Poisson process by a coin gives two independent ones).
            list.Add(new ArrivalStreamDefinition { Name = key.Value, Service = ServiceId.Of(service), Rate = Rate(1 - redirectShare), Kind = kind, GroupMix = mix, DivertTo = divert is null ? null : ServiceId.Of(divert) });
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
                list.Add(new ArrivalStreamDefinition { Name = $"{key.Value}_to_{redirectTo}", Service = ServiceId.Of(redirectTo), Rate = Rate(redirectShare), Kind = kind, GroupMix = mix });
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
}
