using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

public class DailyCensusTests
{
    [Fact]
    public void The_census_gives_each_days_capacity_as_a_capacity_unlimited_included()
    {
        var net = new NetworkBuilder()
            .Service("ward", new CapacitySchedule(Capacity.Of(3), [(10.0, Capacity.Of(5))]), Distribution.Deterministic(1))
            .Service("at_home", Capacity.Unlimited, Distribution.Deterministic(1))
            .Route("ward", "at_home")
            .Route("at_home", "home")
            .Arrivals("ed", "ward", ArrivalRate.Constant(RatePerDay.Of(1)))
            .Build();
        var census = Replications.RunOne(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(20), Replications = 1 }).Census!;
        // Day d is the midnight ending it (time d + 1), counted before any event at that instant: the
        // change at time 10 is not yet in force at day 9's midnight, and is at day 10's.
        Assert.Equal(Capacity.Of(3), census.CapacityOn(0, 9));
        Assert.Equal(Capacity.Of(5), census.CapacityOn(0, 10));
        Assert.All(Enumerable.Range(0, census.Days), d => Assert.Equal(Capacity.Unlimited, census.CapacityOn(1, d)));
    }
}
