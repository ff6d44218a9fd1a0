using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation.Realism;

/// <summary>Interventions that change routing or a length of stay for a while.</summary>
public class TimedChangeTests
{
    private static Network Net(params double[] arrivals) => new NetworkBuilder()
        .Service("acute", Capacity.Unlimited, Distribution.Deterministic(1))
        .Service("community", Capacity.Unlimited, Distribution.Deterministic(1))
        .Arrivals("ed", "acute", ArrivalRate.Scripted(arrivals))
        .Route("acute", "home")
        .Route("community", "home")
        .Build();

    private static readonly double[] Daily = [.. Enumerable.Range(0, 30).Select(d => d + 0.5)];
    private static readonly RunOptions Options = new() { Warmup = Days.Zero, Horizon = Days.Of(40), RecordEpisodes = true };

    [Fact]
    public void A_routing_change_applies_to_patients_who_become_ready_inside_its_window()
    {
        var net = Net(Daily) with
        {
            RoutingChanges = [new RoutingChange { From = 10, To = 20, Route = new RouteDefinition { From = "acute", Destinations = [("community", 1.0)] } }],
        };
        Assert.Empty(net.Validate());
        var episodes = Simulator.RunOne(net, Options).Episodes!;
        var moved = episodes.Where(e => e.Service == 0 && e.Next == 1).Select(e => e.Ready).Order().ToArray();
        // Ready at 10.5 … 19.5: ten patients.
        Assert.Equal([.. Enumerable.Range(10, 10).Select(d => d + 0.5)], moved);
    }

    [Fact]
    public void A_length_of_stay_change_applies_to_patients_who_ask_for_a_place_inside_its_window()
    {
        var net = Net(Daily) with
        {
            StayChanges = [new StayChange { From = 5, To = 8, Service = "acute", LengthOfStay = Distribution.Deterministic(3) }],
        };
        var stays = Simulator.RunOne(net, Options).Episodes!.Where(e => e.Service == 0).OrderBy(e => e.Start)
            .Select(e => Math.Round(e.Ready - e.Start, 9)).ToArray();
        Assert.Equal([1, 1, 1, 1, 1, 3, 3, 3, 1, 1], stays.Take(10));
    }

    [Fact]
    public void Overlapping_changes_of_the_same_service_are_an_error()
    {
        var route = new RouteDefinition { From = "acute", Destinations = [("community", 0.5)] };
        var net = Net(Daily) with
        {
            RoutingChanges = [new RoutingChange { From = 10, To = 20, Route = route with { Destinations = [("community", 1.0)] } }, new RoutingChange { From = 15, To = 12, Route = route }],
            StayChanges =
            [
                new StayChange { From = 5, To = 8, Service = "acute", LengthOfStay = Distribution.Deterministic(3) },
                new StayChange { From = 7, To = 9, Service = "acute", Group = "all", LengthOfStay = Distribution.Deterministic(2) },
                new StayChange { From = 7, To = 9, Service = "nowhere", LengthOfStay = Distribution.Deterministic(2) },
            ],
        };
        var problems = net.Validate().Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("routingChanges[1].to: a change must end after it starts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("routingChanges[1].route: routing out of 'acute' sums to 0.5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("stayChanges[1]: changes the length of stay of 'acute' while stayChanges[0]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("stayChanges[2].service", StringComparison.Ordinal));
    }
}
