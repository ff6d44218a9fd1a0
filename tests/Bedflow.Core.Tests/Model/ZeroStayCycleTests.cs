using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

/// <summary>Routing cycles whose stays can all be zero would keep a run at one instant for ever.</summary>
public class ZeroStayCycleTests
{
    private static readonly Distribution Zero = Distribution.Deterministic(0);

    private static ModelProblem[] CycleProblems(Network network) =>
        [.. network.Validate().Where(p => p.Message.Contains("without time passing", StringComparison.Ordinal))];

    [Fact]
    public void A_service_routing_to_itself_with_a_zero_stay_is_an_error_naming_it()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Zero)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", ("acute", 0.5), ("home", 0.5))
            .Build();
        var p = Assert.Single(CycleProblems(net));
        Assert.Equal(ModelPath.Route("acute"), p.Path);
        Assert.StartsWith("'acute' routes patients back to itself and its length of stay can be zero: ", p.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Distribution> StaysThatCanBeZero => new()
    {
        Distribution.Deterministic(0),
        Distribution.Empirical([0, 2, 5]),
        Distribution.Uniform(0, 0),
        Distribution.Mixture([(0.9, Distribution.Exponential(3)), (0.1, Distribution.Deterministic(0))]),
    };

    [Theory]
    [MemberData(nameof(StaysThatCanBeZero))]
    public void Two_services_routing_to_each_other_with_stays_that_can_be_zero_are_an_error_naming_both(Distribution stay)
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Service("ward_a", 10, Zero)
            .Service("ward_b", 10, stay)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", "ward_a")
            .Route("ward_a", ("ward_b", 0.9), ("home", 0.1))
            .Route("ward_b", "ward_a")
            .Build();
        var p = Assert.Single(CycleProblems(net));
        Assert.Equal(ModelPath.Route("ward_a"), p.Path);
        Assert.StartsWith("services 'ward_a', 'ward_b' route patients round a cycle and every one of their lengths of stay can be zero", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_through_a_zero_stay_in_an_intervention_is_found()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", "home")
            .Build() with
        {
            RoutingChanges = [new RoutingChange { From = 10, To = 20, Route = new RouteDefinition { From = "acute", Destinations = [("acute", 0.2), ("home", 0.8)] } }],
            StayChanges = [new StayChange { From = 10, To = 20, Service = "acute", LengthOfStay = Zero }],
        };
        Assert.Equal(ModelPath.Route("acute"), Assert.Single(CycleProblems(net)).Path);
    }

    [Fact]
    public void A_cycle_with_one_stay_that_is_never_zero_is_fine()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Service("ward", 10, Zero)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", ("ward", 0.5), ("acute", 0.2), ("home", 0.3))
            .Route("ward", "acute")
            .Build();
        Assert.Empty(net.Validate());
    }

    [Fact]
    public void A_zero_stay_outside_any_cycle_is_fine()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Zero)
            .Service("ward", 10, Zero)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", ("ward", 0.5), ("acute", 0), ("home", 0.5))
            .Route("ward", "home")
            .Build();
        Assert.Empty(net.Validate());
    }
}
