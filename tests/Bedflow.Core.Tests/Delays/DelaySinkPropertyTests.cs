using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using CsCheck;

namespace Bedflow.Core.Tests.Delays;

/// <summary>
/// Delays counted as the run goes (<see cref="DelaySink"/>, what every run uses) against delays
/// counted afterwards from the replication's full episode log (<see cref="SimulatedDelays.Records"/>
/// through <see cref="DelayCounter.Add"/>, the reference), on random networks with SitRep beds of
/// both types, every kind of service, resources kept while in a bed, patient choice, children,
/// exits on and off a pathway, delays shared between organisations, start dates across month ends
/// and fractional horizons.
/// </summary>
public class DelaySinkPropertyTests
{
    private static readonly ServiceKind[] Kinds = Enum.GetValues<ServiceKind>();

    private static readonly Gen<Network> Networks =
        from n in Gen.Int[2, 5]
        from kinds in Gen.Int[0, Kinds.Length - 1].Array[n]
        from capacities in Gen.Int[0, 4].Array[n]
        from keep in Gen.Bool.Array[n]
        from stays in Gen.Double[0.2, 4].Array[n]
        from choice in Gen.Int[0, 3].Array[n]
        from resource in Gen.Int[0, 3].Array[n]
        from weights in Gen.Double[0, 1].Array[n * (n + 3)]
        from streams in Gen.Int[1, 3]
        from targets in Gen.Int[0, n - 1].Array[streams]
        from rates in Gen.Double[0.5, 5].Array[streams]
        from startDay in Gen.Int[0, 400]
        select Build(n, kinds, capacities, keep, stays, choice, resource, weights, targets, rates, startDay);

    private static Network Build(int n, int[] kinds, int[] capacities, bool[] keep, double[] stays, int[] choice, int[] resource,
        double[] weights, int[] targets, double[] rates, int startDay)
    {
        string[] exits = ["home", "care_home", "died"];
        var services = new List<ServiceDefinition>();
        var routes = new List<RouteDefinition>();
        for (int i = 0; i < n; i++)
        {
            // A resource (an assessment used while keeping the bed) never takes arrivals; service 0 always does.
            bool isResource = resource[i] == 0 && i > 0 && !targets.Contains(i);
            services.Add(new ServiceDefinition
            {
                Name = $"s{i}",
                // The front door is a hospital, the next a community hospital (non-acute SitRep beds); the rest any kind.
                Kind = i switch { 0 => ServiceKind.Acute, 1 => ServiceKind.CommunityHospital, _ => Kinds[kinds[i]] },
                Capacity = capacities[i] == 0 ? new CapacitySchedule(Capacity.Unlimited) : new CapacitySchedule(Capacity.Of(capacities[i])),
                LengthOfStay = Distribution.Exponential(stays[i]),
                MovingOn = keep[i] ? MovingOn.KeepPlace : MovingOn.ReleasePlace,
                Role = isResource ? ServiceRole.Resource : ServiceRole.Place,
                Choice = choice[i] == 0 ? new PatientChoice { Share = 0.4, Wait = Distribution.Exponential(1.5) } : null,
                // Some services' delays shared between organisations (each patient's wait attributed by its own draw).
                DelaysResponsible = choice[i] == 1 ? ResponsibilityMix.Of([new(Responsibility.Nhs, 0.6), new(Responsibility.SocialCare, 0.4)]) : null,
            });
            var to = Enumerable.Range(0, n).Select(j => ($"s{j}", weights[(i * (n + 3)) + j]))
                .Concat(exits.Select((x, k) => (x, (k == 0 ? 0.15 : 0) + weights[(i * (n + 3)) + n + k])))
                .ToArray();
            double total = to.Sum(d => d.Item2);
            routes.Add(new RouteDefinition { From = services[i].Name, Destinations = [.. to.Select(d => (d.Item1, d.Item2 / total))] });
            // Children go home from wherever they are.
            routes.Add(new RouteDefinition { From = services[i].Name, Group = "child", Destinations = [("home", 1.0)] });
        }
        return new Network
        {
            StartDate = new DateOnly(2016, 1, 1).AddDays(startDay),
            Groups = ["adult", "child"],
            ChildGroups = new HashSet<string> { "child" },
            Services = services,
            Arrivals = [.. targets.Select((t, k) => new ArrivalStreamDefinition
            {
                Name = $"a{k}",
                Service = ServiceId.Of($"s{t}"),
                Rate = ArrivalRate.Constant(RatePerDay.Of(rates[k])),
                GroupMix = new Dictionary<string, double> { ["adult"] = 0.9, ["child"] = 0.1 },
            })],
            Routes = routes,
            Exits = exits,
            ExitPathways = new Dictionary<string, DischargePathway?> { ["care_home"] = DischargePathway.P3, ["died"] = null },
            Population = new Population(650_000, 500_000),
        };
    }

    private static readonly Gen<RunOptions> Options =
        from warmup in Gen.Int[0, 20]
        from horizon in Gen.Double[20, 90]
        from seed in Gen.ULong
        select new RunOptions { Warmup = Days.Of(warmup), Horizon = Days.Of(horizon), Replications = 1, Seed = seed, RecordEpisodes = true };

    [Fact]
    public void Counting_as_the_run_goes_gives_exactly_the_figures_of_counting_the_full_episode_log()
    {
        Gen.Select(Networks.Where(n => n.Validate().Count == 0), Options).Sample((network, options) =>
        {
            var sink = SimulatedDelays.Sink(network, options, 0);
            var replication = new Replication(new CompiledNetwork(network), options, 0, sink).Run();
            var streamed = sink.Figures();
            var logged = SimulatedDelays.Figures(network, replication, options);
            Assert.True(logged.TotalDays > 0 || logged.Discharges >= 0);
            Assert.True(streamed == logged,
                $"streamed {streamed.TotalDays} delayed days and {streamed.Discharges} discharges, the log {logged.TotalDays} and {logged.Discharges}; "
                + $"first different day {streamed.FirstDifferentDay(logged)}");
        }, iter: 150);
    }

    [Fact]
    public void The_random_networks_exercise_delays_of_every_kind()
    {
        // The equivalence above means something only if the networks it runs delay patients in
        // both bed types, by choice and not, and discharge them on pathways: count the networks
        // that do each (out of 100; each is common, so a shortfall is not bad luck).
        int acute = 0, nonAcute = 0, choice = 0, split = 0, discharges = 0;
        Gen.Select(Networks.Where(n => n.Validate().Count == 0), Options).Sample((network, options) =>
        {
            var sink = SimulatedDelays.Sink(network, options, 0);
            _ = new Replication(new CompiledNetwork(network), options, 0, sink).Run();
            var f = sink.Figures();
            acute += f.Days(SitRepBeds.Acute) > 0 ? 1 : 0;
            nonAcute += f.Days(SitRepBeds.NonAcute) > 0 ? 1 : 0;
            choice += f.Days(DelayReason.G) > 0 ? 1 : 0;
            split += f.Days(DelayReason.G) > 0 && f.Days(DelayReason.G) < f.TotalDays ? 1 : 0;
            discharges += f.Discharges > 0 ? 1 : 0;
        }, iter: 100, threads: 1);
        Assert.True(acute >= 15 && nonAcute >= 15 && choice >= 5 && split >= 3 && discharges >= 25,
            $"networks with acute delays {acute}, non-acute {nonAcute}, choice {choice}, choice and other reasons {split}, discharges {discharges}");
    }
}
