using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Experiments;

/// <summary>The instability detector on networks known to be overloaded and known to be stable.</summary>
public class StabilityTests
{
    private static VariantResult Run(double arrivalsPerDay, ArrivalRate? rate = null, ulong seed = 1, int replications = 10) =>
        Experiment.Run(
            [new ExperimentVariant("v", "", new NetworkBuilder()
                .Service("acute", 20, Distribution.Exponential(1), kind: ServiceKind.Acute)
                .Arrivals("ed", "acute", rate ?? ArrivalRate.Constant(RatePerDay.Of(arrivalsPerDay)))
                .Route("acute", "home")
                .Build())],
            new RunOptions { Warmup = Days.Of(50), Horizon = Days.Of(365), Replications = replications, Seed = seed })[0];

    [Fact]
    public void An_M_M_c_queue_at_120_percent_load_is_unstable_and_names_its_service()
    {
        // 24 a day into 20 servers of mean 1 day: the queue grows by about 4 a day, ~1,460 over the year.
        var s = Run(24).Stability;
        Assert.True(s.IsUnstable);
        var growth = Assert.Single(s.Growing);
        Assert.Equal("acute", growth.Service);
        Assert.InRange(growth.Growth.Mean, 1200, 1700);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void The_same_queue_at_80_percent_load_is_stable_even_with_strong_seasons(ulong seed)
    {
        Assert.False(Run(16, seed: seed).Stability.IsUnstable);
        // ±20% over a year, peaking at the end of the period (a winter that ends it, at 96% load): still stable.
        var seasonal = ArrivalRate.Sinusoidal(RatePerDay.Of(16), 0.2, Days.Of(365), phaseDays: 365.0 / 4 * 3);
        Assert.False(Run(16, seasonal, seed).Stability.IsUnstable);
    }

    [Fact]
    public void A_queue_that_only_just_keeps_up_is_stable_at_one_replication_too()
    {
        Assert.False(Run(18, replications: 1).Stability.IsUnstable);
        Assert.True(Run(24, replications: 1).Stability.IsUnstable);
    }

    [Fact]
    public void A_queue_built_up_before_the_period_that_drains_through_it_has_not_settled()
    {
        // 3,000 patients queueing at the start, no warm-up, 90% load: about 2 a day drain, ~700 over the year.
        var start = new StartingState { Occupied = 20, Queued = 3000 };
        var v = Experiment.Run(
            [new ExperimentVariant("v", "", new NetworkBuilder()
                .Service(new ServiceDefinition { Name = "acute", Kind = ServiceKind.Acute, Capacity = 20, LengthOfStay = Distribution.Exponential(1), Start = start })
                .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(18)))
                .Route("acute", "home")
                .Build())],
            new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(365), Replications = 5 })[0];
        var growth = Assert.Single(v.Stability.Growing);
        Assert.True(growth.Growth.Mean < -300, $"{growth.Growth}");
        Assert.True(v.Stability.IsUnstable);
    }

    private static VariantResult Stepped(int rehabBeds, bool allow = false) =>
        Experiment.Run(
            [new ExperimentVariant("v", "", new NetworkBuilder()
                .Service("acute", 20, Distribution.Exponential(1), queueLimit: 5, kind: ServiceKind.Acute)
                .Service(new ServiceDefinition { Name = "rehab", Kind = ServiceKind.IntermediateCare, Capacity = rehabBeds, LengthOfStay = Distribution.Exponential(1), AllowOverload = allow })
                .Arrivals("electives", "acute", ArrivalRate.Constant(RatePerDay.Of(15)), ArrivalKind.Planned)
                .Route("acute", "rehab")
                .Route("rehab", "home")
                .Build())],
            new RunOptions { Warmup = Days.Of(50), Horizon = Days.Of(365), Replications = 5 })[0];

    [Fact]
    public void A_service_the_flow_balance_overloads_is_unstable_though_turning_electives_away_keeps_every_queue_flat()
    {
        // 15 electives a day need 15 rehab beds of mean stay 1 day; 10 beds take 10 a day. The acute
        // ward fills with patients blocked waiting for rehab and turns electives away at its queue
        // limit, so no queue grows: the run settles only because the front door sheds the excess.
        var v = Stepped(10);
        Assert.Empty(v.Stability.Growing);
        var over = Assert.Single(v.Stability.OverCapacity);
        Assert.Equal(("rehab", LoadLevel.Over), (over.Load.Service, over.Level));
        Assert.Equal(1.5, over.Load.Mean.MustCarryRatio!.Value, 9);
        Assert.True(v.Stability.IsUnstable);
        Assert.True(v.Harms[HarmMeasure.ElectivesTurnedAway].Mean > 1000, "the excess is turned away");
    }

    [Fact]
    public void Allowing_an_overload_lets_it_run_but_does_not_make_it_stable()
    {
        var s = Stepped(10, allow: true).Stability;
        Assert.True(Assert.Single(s.OverCapacity).Allowed);
        Assert.True(s.IsUnstable);
    }

    [Fact]
    public void Enough_downstream_beds_for_the_flow_are_not_over_capacity()
    {
        var s = Stepped(20).Stability;
        Assert.Empty(s.OverCapacity);
        Assert.False(s.IsUnstable);
    }

    [Fact]
    public void A_busiest_month_over_capacity_is_not_an_overload_of_the_period()
    {
        // 18 a day into 20 beds, 30% higher in October, mid-period (the other months a little lower,
        // averaging 1): 117% that month, 90% over the year. The queue October builds clears after it.
        double rest = (12 - 1.3) / 11;
        double[] factors = [.. Enumerable.Repeat(rest, 9), 1.3, rest, rest];
        var v = Run(0, new SeasonalRate(new DateOnly(2016, 4, 1), RatePerDay.Of(18), monthFactors: factors));
        var load = v.Network.OfferedLoad(365).Services[0];
        Assert.True(load.BusiestMonth!.Ratio > 1.1 && load.Mean.Ratio < 0.95, $"{load}");
        Assert.Empty(v.Stability.OverCapacity);
        Assert.False(v.Stability.IsUnstable);
    }

    [Fact]
    public void The_slope_is_the_least_squares_line_through_the_days()
    {
        Assert.Equal(2.0, Stability.Slope([1, 3, 5, 7]), 12);
        Assert.Equal(0.0, Stability.Slope([4, 4, 4]), 12);
    }
}
