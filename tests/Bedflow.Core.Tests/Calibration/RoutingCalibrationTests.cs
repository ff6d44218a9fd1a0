using Bedflow.Core.Calibration;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Randomness;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

/// <summary>Routing fitted through what a register can see: the EM fit, and its bootstrap intervals' coverage.</summary>
public class RoutingCalibrationTests
{
    // The ward sends patients home (P0), to reablement (P1), or to an assessment done while they
    // keep the bed, which sends 65% on to a care home (P3) and 35% to home care (P1).
    private static readonly Network Network = new NetworkBuilder()
        .Service("ward", 100, Distribution.Exponential(3), kind: ServiceKind.Acute)
        .Service(new ServiceDefinition { Name = "assessment", Capacity = Capacity.Unlimited, LengthOfStay = Distribution.Exponential(2), Role = ServiceRole.Resource, Kind = ServiceKind.Assessment })
        .Service("care_home", 500, Distribution.Exponential(300), kind: ServiceKind.ResidentialHome)
        .Service("home_care", 500, Distribution.Exponential(30), kind: ServiceKind.HomeCare)
        .Service("reablement", 500, Distribution.Exponential(20), kind: ServiceKind.Reablement)
        .Arrivals("ed", "ward", ArrivalRate.Constant(RatePerDay.Of(10)))
        .Route("ward", ("home", 0.5), ("reablement", 0.2), ("assessment", 0.3))
        .Route("assessment", ("care_home", 0.65), ("home_care", 0.35))
        .Route("care_home", "home")
        .Route("home_care", "home")
        .Route("reablement", "home")
        .Build();

    private static ServiceEvidence Counts(int p0, int p1, int p3) => new()
    {
        Service = "ward",
        Beds = SitRepBeds.Acute,
        TimesToReady = [],
        Next = new Dictionary<Destination, int>
        {
            [Destination.Discharged(DischargePathway.P0)] = p0,
            [Destination.Discharged(DischargePathway.P1)] = p1,
            [Destination.Discharged(DischargePathway.P3)] = p3,
        },
        AdmissionsByDay = [],
        TransfersInByDay = [],
        Delays = [],
        DischargedOnTime = 0,
        DelaysWithChoice = 0,
    };

    [Fact]
    public void A_destination_seen_through_an_assessment_is_fitted_from_the_pathways_it_leads_to()
    {
        // Exactly the expected counts of 1,000 stays at p = (0.4, 0.1, 0.5): P0 400, P1 100 + 175, P3 325.
        var fit = RoutingCalibration.Of(Network, Counts(400, 275, 325))!;
        var p = fit.Probabilities.ToDictionary(r => r.To);
        Assert.Equal(0.4, p["home"].Probability, 6);
        Assert.Equal(0.1, p["reablement"].Probability, 6);
        Assert.Equal(0.5, p["assessment"].Probability, 6);
        Assert.Equal(["P1", "P3"], p["assessment"].SeenAs.Order(StringComparer.Ordinal));
        Assert.True(p["assessment"].Shared && p["reablement"].Shared && !p["home"].Shared);
        Assert.All(fit.Probabilities, r => Assert.True(r.Lower <= r.Probability && r.Probability <= r.Upper));
    }

    [Fact]
    public void The_bootstrap_intervals_cover_the_true_routing_about_95_percent_of_the_time()
    {
        double[] truth = [0.5, 0.2, 0.3]; // home, reablement, assessment
        double[] cells = [truth[0], truth[1] + (0.35 * truth[2]), 0.65 * truth[2]]; // P0, P1, P3
        const int repetitions = 120, n = 400;
        var covered = new int[3];
        for (int r = 0; r < repetitions; r++)
        {
            var random = RandomStreams.ForResampling(99, r, 7);
            var counts = new int[3];
            for (int i = 0; i < n; i++)
            {
                double u = random.NextDouble();
                counts[u < cells[0] ? 0 : u < cells[0] + cells[1] ? 1 : 2]++;
            }
            var fit = RoutingCalibration.Of(Network, Counts(counts[0], counts[1], counts[2]))!;
            for (int j = 0; j < 3; j++)
            {
                var route = fit.Probabilities[j];
                covered[j] += route.Lower <= truth[j] && truth[j] <= route.Upper ? 1 : 0;
            }
        }
        Assert.All(covered, c => Assert.InRange((double)c / repetitions, 0.89, 0.99));
    }

    [Fact]
    public void A_destination_the_scenario_gives_no_probability_is_still_fitted_when_the_register_sees_it()
    {
        // The scenario sends nobody to the assessment; the register has care-home (P3) discharges, which only it leads to.
        var network = Network with
        {
            Routes = [.. Network.Routes.Select(r => r.From == "ward" ? r with { Destinations = [("home", 0.7), ("reablement", 0.3), ("assessment", 0.0)] } : r)],
        };
        var fit = RoutingCalibration.Of(network, Counts(400, 275, 325))!;
        var p = fit.Probabilities.ToDictionary(r => r.To);
        Assert.Equal(0.5, p["assessment"].Probability, 4);
        Assert.Equal(1.0, fit.Probabilities.Sum(r => r.Probability), 9);
        Assert.All(fit.Probabilities, r => Assert.True(r.Lower <= r.Probability && r.Probability <= r.Upper, $"{r.To}"));
    }
}
