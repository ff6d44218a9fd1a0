using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Simulation.Realism;

/// <summary>A system that starts full: equilibrium starting occupancy, and the warm-up diagnostic and warning.</summary>
public class StartingStateTests
{
    // A care home with one-year stays fed at 300/365 a day: an equilibrium of 300 residents.
    private static Network CareHome(Distribution stay, StartingState? start) => new NetworkBuilder()
        .Service(new ServiceDefinition { Name = "care_home", Kind = ServiceKind.ResidentialHome, Capacity = 1000, LengthOfStay = stay, Start = start })
        .Arrivals("placements", "care_home", ArrivalRate.Constant(RatePerDay.Of(300.0 / 365)))
        .Route("care_home", "died")
        .Exits("died")
        .Build();

    private static readonly RunOptions NoWarmup = new() { Warmup = Days.Zero, Horizon = Days.Of(364), Replications = 20, Seed = 12 };

    private static (double First, double Second) Halves(RunResult r)
    {
        var daily = r.Service(ServiceId.Of("care_home")).Daily!.Occupied;
        return (daily.Take(182).Average(), daily.Skip(182).Average());
    }

    [Theory]
    [InlineData("exponential")]
    [InlineData("lognormal")]
    [InlineData("weibull")]
    public void A_long_stay_service_started_at_equilibrium_shows_no_drift_in_its_first_year(string shape)
    {
        Distribution stay = shape switch
        {
            "exponential" => Distribution.Exponential(365),
            "lognormal" => Distribution.LogNormal(365, 250),
            _ => Distribution.Weibull(0.8, 365 / 1.1330),
        };
        var r = Simulator.Run(CareHome(stay, new StartingState { Occupied = 300 }), NoWarmup);
        var (first, second) = Halves(r);
        // Occupancy ~ Poisson(300): sd 17 per replication, about 4 over 20; a drift would be tens.
        Assert.InRange(first, 290, 310);
        Assert.InRange(second - first, -12, 12);
        Assert.DoesNotContain(r.Warnings, w => w.Path == ModelPath.Service("care_home"));
    }

    [Fact]
    public void The_same_service_started_empty_drifts_up_and_the_diagnostic_and_warning_say_so()
    {
        var r = Simulator.Run(CareHome(Distribution.Exponential(365), null), NoWarmup);
        var (first, second) = Halves(r);
        // m(t) = 300(1 − e^(−t/365)): about 64 in the first half-year and 157 in the second.
        Assert.InRange(first, 55, 75);
        Assert.True(second - first > 70);
        var warning = Assert.Single(r.Warnings, w => w.Path == ModelPath.Service("care_home"));
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("1095", warning.Message, StringComparison.Ordinal);
        var diagnostic = Assert.Single(r.Warmup);
        Assert.False(diagnostic.Adequate);
        Assert.True(diagnostic.SuggestedDays > 60, $"MSER-5 suggested {diagnostic.SuggestedDays} days");
    }

    [Fact]
    public void Starting_patients_are_conserved_and_starting_queues_are_served()
    {
        var net = new NetworkBuilder()
            .Service(new ServiceDefinition { Name = "ward", Capacity = 10, LengthOfStay = Distribution.Exponential(3), Start = new StartingState { Occupied = 10, Queued = 5 } })
            .Arrivals("ed", "ward", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("ward", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(60), RecordEpisodes = true });
        Assert.Equal(15, r.Counts.StartedIn);
        Assert.Equal(r.Counts.Arrived, r.Counts.Exited + r.Counts.InSystemAtEnd);
        Assert.Equal(10, r.Episodes!.Count(e => e.Start == 0 && e.Requested == 0));
        Assert.Equal(5, r.Episodes!.Count(e => e.Start > 0 && e.Requested == 0));
    }

    [Fact]
    public void MSER5_finds_the_end_of_a_ramp()
    {
        // 100 days climbing from 0 to 100, then 400 days around 100.
        var rng = new Bedflow.Core.Randomness.Xoshiro256StarStar(3);
        var series = Enumerable.Range(0, 500).Select(d => (d < 100 ? d : 100) + ((rng.NextDouble() - 0.5) * 4)).ToArray();
        int truncation = Mser.Truncation(series);
        // MSER never stops inside the ramp; noise may make it discard a little of the flat part.
        Assert.InRange(truncation, 100, 200);
        Assert.True(Mser.Truncation(Enumerable.Range(0, 500).Select(_ => 50 + ((rng.NextDouble() - 0.5) * 4)).ToArray()) < 100);
    }
}
