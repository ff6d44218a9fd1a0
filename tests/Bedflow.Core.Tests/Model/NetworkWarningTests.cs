using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

/// <summary>Valid networks with parts that do nothing sensible: warnings, never errors.</summary>
public class NetworkWarningTests
{
    private const double WarmupDays = 100;

    [Fact]
    public void A_service_that_sends_every_patient_back_to_itself_is_a_warning()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", "acute")
            .Build();
        Assert.Empty(net.Validate());
        var w = Assert.Single(net.Warnings(WarmupDays));
        Assert.Equal((ProblemSeverity.Warning, "routes[acute]"), (w.Severity, w.Path.ToString()));
        Assert.Equal("sends every patient back to 'acute' itself: once there, they never leave.", w.Message);
    }

    [Fact]
    public void A_queue_limit_of_0_on_a_service_only_emergencies_enter_is_a_warning_that_says_why()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3), queueLimit: 0)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", "home")
            .Build();
        var w = Assert.Single(net.Warnings(WarmupDays));
        Assert.Equal(ModelPath.Service("acute").Member(nameof(ServiceDefinition.QueueLimit)), w.Path);
        Assert.Contains("emergencies are never turned away", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_limit_of_0_that_planned_arrivals_meet_is_no_warning()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3), queueLimit: 0)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Arrivals("elective", "acute", ArrivalRate.Constant(RatePerDay.Of(1)), ArrivalKind.Planned)
            .Route("acute", "home")
            .Build();
        Assert.Empty(net.Warnings(WarmupDays));
    }

    [Fact]
    public void Services_no_patient_can_reach_are_listed()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Service("ward", 10, Distribution.Exponential(3))
            .Service("orphan", 10, Distribution.Exponential(3))
            .Service("after_orphan", 10, Distribution.Exponential(3))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", ("ward", 0.5), ("home", 0.5))
            .Route("ward", "home")
            .Route("orphan", "after_orphan")
            .Route("after_orphan", "home")
            .Build();
        Assert.Equal(["orphan", "after_orphan"], net.UnreachableServices());
    }
}
