using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

/// <summary>Parameter recovery: a register simulated from a known network gives back its routing and arrivals within their intervals.</summary>
public class RegisterCalibrationTests
{
    private static readonly double[] Months = [1.15, 1.10, 1.05, 1.0, 0.95, 0.90, 0.90, 0.90, 0.95, 1.0, 1.05, 1.05];
    private static readonly double[] Weekdays = [1.15, 1.05, 1.0, 1.0, 1.05, 0.85, 0.90];

    private static Network Network(double homeCare, double reablement) => new NetworkBuilder()
        .StartingOn(new DateOnly(2016, 4, 1))
        .Service("acute", 200, Distribution.Exponential(3), kind: ServiceKind.Acute)
        .Service("community_hospital", 60, Distribution.Exponential(10), kind: ServiceKind.CommunityHospital)
        .Service("home_care", 100, Distribution.Exponential(10), kind: ServiceKind.HomeCare)
        .Service("reablement", 100, Distribution.Exponential(10), kind: ServiceKind.Reablement)
        .Arrivals("ed", "acute", new SeasonalRate(new DateOnly(2016, 4, 1), RatePerDay.Of(30), monthFactors: Months, weekdayFactors: Weekdays))
        .Route("acute", ("home", 0.6), ("died", 0.05), ("community_hospital", 0.15), ("home_care", homeCare), ("reablement", reablement))
        .Route("community_hospital", "home")
        .Route("home_care", "home")
        .Route("reablement", "home")
        .Exits("died")
        .Build() with { ExitPathways = new Dictionary<string, DischargePathway?> { ["died"] = null } };

    private static RegisterEvidence Evidence(Network network, int days, ulong seed)
    {
        var options = new RunOptions { Warmup = Days.Of(30), Horizon = Days.Of(days), Replications = 1, Seed = seed, RecordEpisodes = true, DailyCensus = false };
        var replication = Replications.Run(network, options)[0];
        var stays = SimulatedDelays.Stays(network, replication, options).Select(s => new ObservedStay(((long)s.Episode.Stream << 40) | s.Episode.Patient, s.Record));
        var day0 = network.StartDate.ToDateTime(TimeOnly.MinValue);
        return RegisterEvidence.Of(stays, day0, day0.AddDays(days));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void The_routing_of_a_simulated_register_is_recovered_within_its_intervals(ulong seed)
    {
        var network = Network(0.15, 0.05);
        var evidence = Evidence(network, 365, seed);
        var fit = RoutingCalibration.Of(network, evidence.For("acute")!)!;
        Assert.Empty(fit.Unplaced);
        var truth = network.Routes.Single(r => r.From == "acute").Destinations.ToDictionary(d => d.To, d => d.Probability);
        Assert.Equal(truth.Keys, fit.Probabilities.Select(p => p.To));
        Assert.Equal(1.0, fit.Probabilities.Sum(p => p.Probability), 9);
        foreach (var p in fit.Probabilities)
        {
            Assert.True(p.Lower <= truth[p.To] && truth[p.To] <= p.Upper, $"{p.To}: {truth[p.To]} outside {p.Lower:F4} to {p.Upper:F4}");
        }
        // Home care and reablement are both pathway P1 in a register: their share is split 3 : 1 as in the scenario.
        var homeCare = fit.Probabilities.Single(p => p.To == "home_care");
        var reablement = fit.Probabilities.Single(p => p.To == "reablement");
        Assert.True(homeCare.Shared && reablement.Shared);
        Assert.Equal(3.0, homeCare.Probability / reablement.Probability, 9);
        Assert.False(fit.Probabilities.Single(p => p.To == "community_hospital").Shared);
    }

    [Fact]
    public void A_register_destination_the_scenario_has_no_route_to_is_reported_not_dropped_silently()
    {
        // Simulated with patients going to reablement; calibrated onto a scenario that has no route there.
        var evidence = Evidence(Network(0.15, 0.05), 120, 3);
        var withoutP1 = new NetworkBuilder()
            .Service("acute", 200, Distribution.Exponential(3), kind: ServiceKind.Acute)
            .Service("community_hospital", 60, Distribution.Exponential(10), kind: ServiceKind.CommunityHospital)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(30)))
            .Route("acute", ("home", 0.8), ("community_hospital", 0.2))
            .Route("community_hospital", "home")
            .Build();
        var fit = RoutingCalibration.Of(withoutP1, evidence.For("acute")!)!;
        var destinations = fit.Unplaced.Select(u => u.Destination).ToList();
        Assert.Contains(Destination.Discharged(DischargePathway.P1), destinations);
        Assert.Contains(Destination.Discharged(null), destinations); // died: not a discharge
    }

    [Fact]
    public void The_arrival_rate_and_its_month_and_weekday_factors_are_recovered_within_their_intervals()
    {
        var network = Network(0.15, 0.05);
        var evidence = Evidence(network, 3650, 4);
        var fit = ArrivalCalibration.Of(network, evidence, evidence.For("acute")!)!;
        Assert.True(fit.Separable);
        Assert.Equal(fit.Fit.BaseRate.Value, Assert.Single(fit.Streams).Fitted);
        Assert.True(fit.Fit.BaseRate.Covers(30), $"base rate {fit.Fit.BaseRate}");
        int missed = Enumerable.Range(0, 12).Count(m => !fit.Fit.MonthFactors[m].Covers(Months[m]))
            + Enumerable.Range(0, 7).Count(d => !fit.Fit.WeekdayFactors[d].Covers(Weekdays[d]));
        Assert.True(missed <= 3, $"{missed} of 19 factors outside their 95% intervals: " + string.Join("; ", fit.Fit.MonthFactors.Select((f, m) => $"{Months[m]}: {f}")) + " | " + string.Join("; ", fit.Fit.WeekdayFactors.Select((f, d) => $"{Weekdays[d]}: {f}")));
    }

    [Fact]
    public void Several_streams_into_one_service_keep_their_shapes_and_are_scaled_by_the_registers_total()
    {
        // Simulated: 20 emergencies a day every day and 10 planned a day on weekdays only.
        double[] weekdays = [1.4, 1.4, 1.4, 1.4, 1.4, 0, 0];
        Network With(double emergency, double planned) => new NetworkBuilder()
            .StartingOn(new DateOnly(2016, 4, 1))
            .Service("acute", 300, Distribution.Exponential(3), kind: ServiceKind.Acute)
            .Arrivals("emergency", "acute", ArrivalRate.Constant(RatePerDay.Of(emergency)))
            .Arrivals("planned", "acute", new SeasonalRate(new DateOnly(2016, 4, 1), RatePerDay.Of(planned), weekdayFactors: weekdays), ArrivalKind.Planned)
            .Route("acute", "home")
            .Build();
        var evidence = Evidence(With(20, 10), 365, 6);
        // Calibrated onto the same network with every rate halved: the scale is about 2.
        var fit = ArrivalCalibration.Of(With(10, 5), evidence, evidence.For("acute")!)!;
        Assert.False(fit.Separable);
        Assert.True(fit.Scale.Covers(2), $"scale {fit.Scale}");
        // 365 days from Friday 1 April 2016: 52 weeks and one more Friday (factor 1.4).
        Assert.Equal((10 * 365) + (5 * (364 + 1.4)), fit.Expected, 1e-6);
        Assert.Equal(fit.Scale.Value * 10, fit.Streams.Single(s => s.Stream == "emergency").Fitted, 9);
        Assert.Equal(fit.Scale.Value * 5, fit.Streams.Single(s => s.Stream == "planned").Fitted, 9);
    }

    [Fact]
    public void Routing_by_patient_group_is_not_fitted_from_a_register_which_has_no_groups()
    {
        var network = new NetworkBuilder()
            .Groups("frail", "other")
            .Service("acute", 200, Distribution.Exponential(3), kind: ServiceKind.Acute)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(30)))
            .RouteGroup("acute", "frail", ("home", 1.0))
            .RouteGroup("acute", "other", ("home", 1.0))
            .Build();
        var evidence = Evidence(Network(0.15, 0.05), 60, 5);
        Assert.Null(RoutingCalibration.Of(network, evidence.For("acute")!));
    }
}
