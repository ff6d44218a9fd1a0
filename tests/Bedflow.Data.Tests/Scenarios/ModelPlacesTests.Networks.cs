using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

public partial class ModelPlacesTests
{
    /// <summary>Every part the validator looks at, written once: a capacity schedule, groups, escalation, choice, redirection, interventions.</summary>
    internal const string Rich = """
        name: Rich
        start: 2016-04-01
        warmup: 60d
        horizon: 60d
        replications: 2
        lead_commissioner: nhs
        population: {total: 1000, adults: 800}
        groups: [frail, other]
        child_groups: [other]
        exits: {home: P0, died: none}
        services:
          acute:
            kind: acute
            capacity:
              initial: 20
              changes: {2016-05-01: 22, 2016-04-15: 18}
            queue_limit: 50
            length_of_stay:
              default: {exponential: {mean: 3d}}
              frail: {lognormal: {mean: 6d, sd: 4d}}
            escalation: {beds: 2, open_at: 95%, close_below: 80%}
            start: {occupied: 10, groups: {frail: 0.5, other: 0.5}}
          intermediate_care:
            kind: intermediate_care
            capacity: 5
            length_of_stay: {exponential: {mean: 10d}}
            accepts: {days: weekdays, from: 9, to: 17}
            choice: {share: 20%, wait: {exponential: {mean: 5d}}, cap: 14d}
            start: {occupied: 3}
            allow_overload: true   # 5 beds for a tenth of ed and a fifth of frail patients: overloaded on purpose
        arrivals:
          ed:
            service: acute
            rate: 5/d
            groups: {frail: 0.4, other: 0.6}
            redirect: {to: intermediate_care, share: 10%}
          gp:
            service: acute
            kind: planned
            rate: 1/d
            divert_to: intermediate_care
        routing:
          acute:
            frail: {home: 0.7, intermediate_care: 0.2, died: 0.1}
            other: {home: 0.95, died: 0.05}
          intermediate_care: {home: 1}
        interventions:
          winter:
            from: 2016-05-01
            to: 2016-05-20
            add_capacity: {intermediate_care: 2}
            routing: {acute: {home: 0.6, intermediate_care: 0.4}}
            length_of_stay: {intermediate_care: {exponential: {mean: 8d}}}
        """;

    /// <summary>
    /// The network broken in every way the validator can see, one way at a time, each part that
    /// the file gives: every service's capacity, changes, queue limit, escalation, window, start,
    /// choice and SitRep pair; every stream, route, destination, routing and stay change; exits,
    /// groups, the lead commissioner and the population.
    /// </summary>
    private static IEnumerable<(string What, Network Broken)> Breakages(Network n)
    {
        Network Service(int i, ServiceDefinition s) => n with { Services = [.. n.Services.Select((x, j) => j == i ? s : x)] };
        for (int i = 0; i < n.Services.Count; i++)
        {
            var s = n.Services[i];
            yield return ($"{s.Name} queue limit", Service(i, s with { QueueLimit = -1 }));
            // A capacity below 0 cannot be built (Capacity.Of refuses it); the reader's own message is tested with the reader.
            for (int c = 0; c < s.Capacity.Changes.Count; c++)
            {
                int k = c;
                // The last change, moved to no finite day, keeps its place in the schedule's order.
                if (k == s.Capacity.Changes.Count - 1)
                {
                    yield return ($"{s.Name} capacity change {k}", Service(i, s with { Capacity = new CapacitySchedule(s.Capacity.Initial, s.Capacity.Changes.Select((x, j) => j == k ? (double.PositiveInfinity, x.Capacity) : x)) }));
                }
            }
            if (s.Escalation is { } e)
            {
                yield return ($"{s.Name} escalation", Service(i, s with { Escalation = e with { Beds = 0, OpenAt = 2, CloseBelow = -1 } }));
            }
            if (s.Accepts is { } a)
            {
                yield return ($"{s.Name} window", Service(i, s with { Accepts = a with { FromHour = 30, ToHour = 2 } }));
            }
            if (s.Start is { } start)
            {
                yield return ($"{s.Name} start", Service(i, s with { Start = start with { Occupied = -1, Queued = -1 } }));
                if (s.Demand is null)
                {
                    yield return ($"{s.Name} start too full", Service(i, s with { Start = start with { Occupied = s.Capacity.Initial.Places + 1 } }));
                }
                if (start.GroupMix.Count > 0)
                {
                    yield return ($"{s.Name} start shares", Service(i, s with { Start = start with { GroupMix = start.GroupMix.ToDictionary(g => g.Key, g => -g.Value) } }));
                }
            }
            if (s.Choice is { } choice)
            {
                yield return ($"{s.Name} choice", Service(i, s with { Choice = choice with { Share = 2, Cap = -1 } }));
            }
            yield return ($"{s.Name} SitRep pair", Service(i, s with { DelayReason = DelayReason.C, Commissioner = Commissioner.SocialCare, DelaysResponsible = null }));
        }
        for (int i = 0; i < n.Arrivals.Count; i++)
        {
            var a = n.Arrivals[i];
            Network Stream(ArrivalStreamDefinition x) => n with { Arrivals = [.. n.Arrivals.Select((y, j) => j == i ? x : y)] };
            yield return ($"{a.Name} service", Stream(a with { Service = ServiceId.Of("nowhere") }));
            yield return ($"{a.Name} diversion", Stream(a with { Kind = Core.Model.ArrivalKind.Emergency, DivertTo = a.Service }));
            if (a.GroupMix.Count > 0)
            {
                yield return ($"{a.Name} shares", Stream(a with { GroupMix = a.GroupMix.ToDictionary(g => g.Key, g => -g.Value) }));
            }
        }
        for (int i = 0; i < n.Routes.Count; i++)
        {
            var r = n.Routes[i];
            yield return ($"route {r.From} {r.Group}", n with { Routes = [.. n.Routes.Select((x, j) => j == i ? x with { Destinations = [.. x.Destinations.Select(d => (d.To, -1.0))] } : x)] });
        }
        for (int i = 0; i < n.RoutingChanges.Count; i++)
        {
            var c = n.RoutingChanges[i];
            var broken = c with { To = c.From - 1, Route = c.Route with { Destinations = [.. c.Route.Destinations.Select(d => (d.To, -1.0))] } };
            yield return ($"routing change {i}", n with { RoutingChanges = [.. n.RoutingChanges.Select((x, j) => j == i ? broken : x)] });
        }
        for (int i = 0; i < n.StayChanges.Count; i++)
        {
            var c = n.StayChanges[i];
            yield return ($"stay change {i}", n with { StayChanges = [.. n.StayChanges.Select((x, j) => j == i ? c with { To = c.From - 1, Service = "nowhere" } : x)] });
        }
        for (int i = 0; i < n.Exits.Count; i++)
        {
            yield return ($"exit {i}", n with { Exits = [.. n.Exits.Select((x, j) => j == i ? n.Services[0].Name : x)] });
        }
        if (n.Groups.Count > 1)
        {
            yield return ("groups", n with { Groups = [n.Groups[0], .. n.Groups.Skip(2), n.Groups[0]] });
        }
        yield return ("lead commissioner", n with { LeadCommissioner = Responsibility.Both });
        yield return ("population", n with { Population = new Population(100, 200) });
    }

    public static TheoryData<string> Files => ["rich", "oxfordshire"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_problem_the_validator_can_return_for_a_loaded_scenario_is_placed_at_its_part_of_the_file(string which)
    {
        string text = which == "rich" ? Rich : File.ReadAllText(OxfordshireExampleTests.RepoFile("examples", "oxfordshire", "scenario.yaml"));
        var load = ScenarioFile.Parse(text, $"{which}.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var lines = text.Split('\n');
        int problems = 0, exact = 0;
        foreach (var (what, broken) in Breakages(load.Scenario!.Baseline))
        {
            var found = broken.Validate();
            Assert.True(found.Count > 0, $"{what} breaks nothing"); // each breakage has teeth
            foreach (var p in found)
            {
                var place = load.Places!.Find(p.Path);
                string said = $"{what}: {p} placed at {place}";
                Assert.True(place.Recorded, said);
                Assert.InRange(place.At.Line, 1, lines.Length);
                string line = lines[place.At.Line - 1];
                Assert.InRange(place.At.Column, 1, line.Length);
                if (place.Exact && !place.Key.EndsWith(']'))
                {
                    // At the key itself, or at the value written after it.
                    string key = place.Key[(place.Key.LastIndexOf('.') + 1)..];
                    Assert.True(line[(place.At.Column - 1)..].StartsWith(key, StringComparison.Ordinal) || line[..(place.At.Column - 1)].TrimEnd().EndsWith(key + ":", StringComparison.Ordinal), said);
                    exact++;
                }
                problems++;
            }
        }
        Assert.True(problems > 40 && exact > problems / 2, $"only {problems} problems, {exact} at their own key: the breakages lost their teeth");
    }
}
