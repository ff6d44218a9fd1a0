using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

public class DeadlockTests
{
    // A and B send patients to each other; with both full of patients waiting for the other,
    // nobody can move. C runs on its own beside them.
    private static Network Loop(CapacitySchedule bCapacity) => new NetworkBuilder()
        .Service("a", 2, Distribution.Exponential(1))
        .Service("b", bCapacity, Distribution.Exponential(1))
        .Service("c", 3, Distribution.Exponential(1))
        .Arrivals("to_a", "a", ArrivalRate.Constant(RatePerDay.Of(3)))
        .Arrivals("to_c", "c", ArrivalRate.Constant(RatePerDay.Of(2)))
        .Route("a", "b")
        .Route("b", ("a", 0.8), ("home", 0.2))
        .Route("c", "home")
        .Build();

    [Fact]
    public void A_network_built_to_deadlock_is_detected_reported_and_does_not_hang()
    {
        var r = Simulator.Run(Loop(2), new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(400), Replications = 5, Seed = 3 });
        Assert.Equal(5, r.DeadlockedReplications);
        Assert.All(r.Deadlocks, d =>
        {
            Assert.Equal(["a", "b"], d.Services.Order().ToArray());
            Assert.Null(d.ReleasedOn);
            Assert.Null(d.ReleaseScheduledOn);
            Assert.InRange(d.Day, 0, 400);
        });
        // Deadlocked replications stay in the means: all five count.
        Assert.Equal(5, r.Service(ServiceId.Of("a"))[ServiceMetric.MeanOccupancy].Count);
        // The rest of the network keeps running: C admits patients until the end.
        Assert.All(r.Replications, rep => Assert.Contains(rep.Census!.Occupied[2].Skip(300), o => o > 0));
        Assert.All(r.Replications, rep => Assert.True(rep.Census!.Queued[0][^1] > 100, "arrivals to A pile up behind the deadlock"));
    }

    [Fact]
    public void A_scheduled_capacity_increase_releases_a_deadlock_and_the_report_says_when()
    {
        var r = Simulator.Run(Loop(new CapacitySchedule(Capacity.Of(2), [(300.0, Capacity.Of(50))])), new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(400), Replications = 3, Seed = 3 });
        Assert.NotEmpty(r.Deadlocks);
        Assert.All(r.Deadlocks.Where(d => d.Day < 300), d =>
        {
            Assert.Equal(300, d.ReleaseScheduledOn);
            Assert.Equal(300, d.ReleasedOn);
        });
    }

    [Fact]
    public void A_busy_network_without_a_loop_never_reports_a_deadlock()
    {
        var net = new NetworkBuilder()
            .Service("a", 2, Distribution.Exponential(1))
            .Service("b", 2, Distribution.Exponential(3))
            .Arrivals("in", "a", ArrivalRate.Constant(RatePerDay.Of(3)))
            .Route("a", "b")
            .Route("b", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(300), Replications = 3, Seed = 3 });
        Assert.True(r.Service(ServiceId.Of("a"))[ServiceMetric.MeanBlocked].Mean > 1);
        Assert.Empty(r.Deadlocks);
    }
}
