using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

/// <summary>Reads one scenario tree (the baseline, or a variant's edited copy) into a network and run options.</summary>
internal sealed partial class ScenarioReader(ReadContext ctx)
{
    public static readonly string[] TopKeys =
    [
        "name", "description", "start", "warmup", "horizon", "replications", "seed", "population", "lead_commissioner", "groups",
        "child_groups", "exits", "sitrep", "services", "arrivals", "routing", "interventions", "variants", "prices", "budgets", "pooled_fund", "report", "decision", "calibrate", "uncertainty", "optimise",
    ];

    internal static readonly string[] ServiceKeys =
    [
        "kind", "capacity", "queue_limit", "length_of_stay", "priority", "moving_on", "role", "demand", "accepts", "escalation", "start",
        "commissioner", "delays_responsible", "delay_reason", "sitrep", "pathway", "choice",
        "allow_overload",
    ];

    private DateOnly _start = new(2016, 4, 1);
    private YMap _root = null!;

    // The positions the next routing and stay changes will take in the network (interventions are read in order).
    private int _routingChanges;
    private int _stayChanges;
    private List<string> _groups = ["all"];

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public RunOptions? Options { get; private set; }

    public SitRepIdentity? SitRep { get; private set; }

    /// <summary>The report's target for patients delayed on a typical day.</summary>
    public double? Target { get; private set; }

    /// <summary>Prices, intervention costs, budgets and the pooled fund; null when the file gives no prices.</summary>
    public Core.Finance.Economy? Economy { get; private set; }

    /// <summary>Where each part of the network read last came from (model path → place in the file).</summary>
    public ModelPlaces Places { get; private set; } = null!;

    /// <summary>The network, or null when something could not be read (the problems say what).</summary>
    public Network? Read(YMap root)
    {
        int before = ctx.Problems.Count;
        Places = new ModelPlaces(root);
        _root = root;
        _routingChanges = 0;
        _stayChanges = 0;
        PlaceNames(root, "groups", ModelPath.Root.Member(nameof(Network.Groups)), byName: false);
        PlaceNames(root, "child_groups", ModelPath.Root.Member(nameof(Network.ChildGroups)), byName: true);
        PlaceNames(root, "exits", ModelPath.Root.Member(nameof(Network.Exits)), byName: false);
        PlaceNames(root, "exits", ModelPath.Root.Member(nameof(Network.ExitPathways)), byName: true);
        Places.Entry(ModelPath.Root.Member(nameof(Network.LeadCommissioner)), root, "lead_commissioner", "lead_commissioner");
        Places.Entry(ModelPath.Root.Member(nameof(Network.Population)), root, "population", "population");
        ctx.Keys(root, "", TopKeys, ["name", "start", "horizon", "services", "arrivals", "routing"]);
        Name = ctx.Text(root["name"], "name") ?? "";
        Description = ctx.Text(root["description"], "description") ?? "";
        _start = ctx.Date(root["start"], "start") ?? _start;
        if (_start.Year is < 1900 or > 2999)
        {
            ctx.Error(root["start"], "start", $"the start date must be between 1900 and 2999, but was {_start:yyyy-MM-dd}.");
            _start = new DateOnly(2016, 4, 1);
        }
        ReadOptions(root);
        if (root["groups"] is { } groupsNode)
        {
            _groups = ReadNames(groupsNode, "groups") ?? _groups;
        }
        var children = root["child_groups"] is { } cg ? ReadNames(cg, "child_groups") ?? [] : [];
        var (exits, exitPathways) = ReadExits(root["exits"]);
        var lead = ctx.Choice(root["lead_commissioner"], "lead_commissioner", ResponsibilityWords.Table) ?? Responsibility.Nhs;
        Population? population = null;
        if (ctx.Map(root["population"], "population") is { } pop)
        {
            ctx.Keys(pop, "population", ["total", "adults"], ["total", "adults"]);
            if ((ctx.Integer(pop["total"], "population.total"), ctx.Integer(pop["adults"], "population.adults")) is ({ } total, { } adults))
            {
                population = new Population(total, adults);
            }
        }
        SitRep = ReadSitRep(root["sitrep"]);
        if (ctx.Map(root["report"], "report") is { } report)
        {
            ctx.Keys(report, "report", ["target_delayed_patients"]);
            Target = ctx.Number(report["target_delayed_patients"], "report.target_delayed_patients");
        }
        ReadDecision(root["decision"]);
        ReadCalibrate(root);
        ReadUncertainty(root);

        var serviceNames = (root["services"] as YMap)?.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        var interventions = ReadInterventions(root["interventions"], serviceNames, exits);
        var services = ReadServices(root["services"], interventions);
        var arrivals = ReadArrivals(root["arrivals"]);
        Places.Entry(ModelPath.Root.Member(nameof(Network.Routes)), root, "routing", "routing");
        var routes = ReadRouting(root["routing"], "routing", PlaceRoute);
        Economy = ReadEconomy(root, interventions, services);
        ReadOptimise(root, services, interventions);
        if (ctx.ErrorsSince(before))
        {
            return null;
        }
        return new Network
        {
            StartDate = _start,
            Groups = _groups,
            Services = services,
            Arrivals = arrivals,
            Routes = routes,
            Exits = exits,
            ExitPathways = exitPathways,
            ChildGroups = children.ToHashSet(),
            LeadCommissioner = lead,
            Population = population,
            RoutingChanges = [.. interventions.SelectMany(i => i.Routes.Select(r => new RoutingChange { From = i.From, To = i.To, Route = r }))],
            StayChanges = [.. interventions.SelectMany(i => i.Stays.Select(s => new StayChange { From = i.From, To = i.To, Service = s.Service, LengthOfStay = s.Stay }))],
        };
    }

    private void ReadOptions(YMap root)
    {
        double warmup = ctx.Days(root["warmup"], "warmup") ?? YearLength.CommonDays;
        double horizon = ctx.Days(root["horizon"], "horizon") ?? YearLength.CommonDays;
        int replications = ctx.Integer(root["replications"], "replications") ?? 20;
        ulong seed = 20160401;
        if (ctx.Text(root["seed"], "seed") is { } seedText)
        {
            if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
            {
                ctx.Error(root["seed"], "seed", $"'{seedText}' is not a seed: give a whole number from 0 to {ulong.MaxValue}.");
            }
        }
        if (warmup < 0)
        {
            ctx.Error(root["warmup"], "warmup", "the warm-up cannot be negative.");
        }
        // Limits that keep a run's memory sane (the daily census has one entry per service per day).
        if (horizon < 1 || horizon > 100 * YearLength.CommonDays)
        {
            ctx.Error(root["horizon"], "horizon", "the horizon must be from 1d to 100y.");
        }
        if (warmup > 100 * YearLength.CommonDays)
        {
            ctx.Error(root["warmup"], "warmup", "the warm-up can be at most 100y.");
        }
        if (replications > 100_000)
        {
            ctx.Error(root["replications"], "replications", $"at most 100000 replications, but was {replications}.");
        }
        if (replications < 1)
        {
            ctx.Error(root["replications"], "replications", $"at least 1 replication is needed, but was {replications}.");
        }
        // A negative warm-up or horizon is an error above, and options with errors are never run: hold it as no time.
        static Days Length(double days) => days >= 0 && double.IsFinite(days) ? Days.Of(days) : Days.Zero;
        Options = new RunOptions { Warmup = Length(warmup), Horizon = Length(horizon), Replications = Math.Max(1, replications), Seed = seed };
    }

    private List<string>? ReadNames(YNode node, string path)
    {
        if (node is not YSeq seq)
        {
            ctx.Error(node, path, $"expected a list of names, such as [frail, other], but found {ReadContext.Describe(node)}.");
            return null;
        }
        return [.. seq.Items.Select((n, i) => ctx.Text(n, $"{path}[{i}]") ?? "")];
    }

    /// <summary>
    /// Records a top-level list (or mapping of names, such as exits with their pathways) and each of
    /// its items, by position or by name, in <see cref="Places"/>.
    /// </summary>
    private void PlaceNames(YMap root, string key, ModelPath at, bool byName)
    {
        Places.Entry(at, root, key, key);
        switch (root[key])
        {
            case YSeq seq:
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    Places.Add(byName && seq.Items[i] is YScalar name ? at.Key(name.Value) : at.Index(i), seq.Items[i], $"{key}[{i}]");
                }
                break;
            case YMap map:
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    var name = map.Entries[i].Key;
                    Places.Add(byName ? at.Key(name.Value) : at.Index(i), name, $"{key}.{name.Value}");
                }
                break;
        }
    }

    private (List<string> Exits, Dictionary<string, DischargePathway?> Pathways) ReadExits(YNode? node)
    {
        var pathways = new Dictionary<string, DischargePathway?>();
        switch (node)
        {
            case null:
                return (["home"], pathways);
            case YSeq:
                return (ReadNames(node, "exits") ?? ["home"], pathways);
            case YMap map:
                var names = new List<string>();
                foreach (var (key, value) in map.Entries)
                {
                    names.Add(key.Value);
                    string? text = ctx.Text(value, $"exits.{key.Value}");
                    if (text is null || text == DischargePathwayWords.None)
                    {
                        pathways[key.Value] = text is null ? DischargePathway.P0 : null;
                    }
                    else if (ctx.Choice(value, $"exits.{key.Value}", DischargePathwayWords.Table) is { } p)
                    {
                        pathways[key.Value] = p;
                    }
                }
                return (names, pathways);
            default:
                ctx.Error(node, "exits", "expected a list of exits ([home, died]) or exits with their pathway ({home: P0, died: none}).");
                return (["home"], pathways);
        }
    }

    private SitRepIdentity? ReadSitRep(YNode? node)
    {
        if (ctx.Map(node, "sitrep") is not { } map)
        {
            return null;
        }
        ctx.Keys(map, "sitrep", ["provider_parent", "provider", "council"], ["provider_parent", "provider", "council"]);
        (string, string) Org(string key)
        {
            if (ctx.Map(map[key], $"sitrep.{key}") is not { } org)
            {
                return ("", "");
            }
            ctx.Keys(org, $"sitrep.{key}", ["code", "name"], ["code", "name"]);
            return (ctx.Text(org["code"], $"sitrep.{key}.code") ?? "", ctx.Text(org["name"], $"sitrep.{key}.name") ?? "");
        }
        var (pc, pn) = Org("provider_parent");
        var (oc, on) = Org("provider");
        var (cc, cn) = Org("council");
        return new SitRepIdentity(pc, pn, oc, on, cc, cn);
    }

    /// <summary>Days from the start date (day 0) of a calendar date.</summary>
    private double Day(DateOnly date) => date.DayNumber - _start.DayNumber;

    private double? Share(YNode? node, string path)
    {
        string? text = ctx.Text(node, path);
        if (text is null)
        {
            return null;
        }
        bool percent = text.EndsWith('%');
        var (value, error) = Quantities.Number(percent ? text[..^1] : text);
        if (error is not null)
        {
            ctx.Error(node, path, $"'{text}' is not a share: write a number from 0 to 1 or a percentage such as 15%.");
            return null;
        }
        return percent ? value / 100 : value;
    }

    /// <summary>A duration distribution (a length of stay, a wait) read as the model's distribution at <paramref name="at"/>.</summary>
    private Distribution? Stay(YNode? node, string path, ModelPath at) => DistributionReader.Read(ctx, Places, node, path, at, inDays: true);
}
