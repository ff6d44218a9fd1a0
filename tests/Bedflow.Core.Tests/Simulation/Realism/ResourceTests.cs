using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Simulation.Realism;

/// <summary>Non-bed resources: assessors used while the patient keeps its bed, carer hours per package.</summary>
public class ResourceTests
{
    private static readonly RunOptions Scripted = new() { Warmup = Days.Zero, Horizon = Days.Of(3), Replications = 1, RecordEpisodes = true };

    [Fact]
    public void A_patient_waiting_for_an_assessor_keeps_its_acute_bed_and_is_counted_as_blocked()
    {
        // Three patients arrive at 0.0, 0.1, 0.2; acute stay 1 day; one assessor, assessment 0.5 days.
        // Ready at 1.0, 1.1, 1.2; assessed 1.0–1.5, 1.5–2.0, 2.0–2.5; each leaves acute when assessed.
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Deterministic(1), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition { Name = "assessment", Kind = ServiceKind.Assessment, Role = ServiceRole.Resource, Capacity = 1, LengthOfStay = Distribution.Deterministic(0.5) })
            .Arrivals("ed", "acute", ArrivalRate.Scripted(0.0, 0.1, 0.2))
            .Route("acute", "assessment")
            .Route("assessment", "home")
            .Build();
        var r = Simulator.RunOne(net, Scripted);
        var acute = r.Episodes!.Where(e => e.Service == 0).OrderBy(e => e.Patient).ToList();
        var assessed = r.Episodes!.Where(e => e.Service == 1).OrderBy(e => e.Patient).ToList();
        Assert.Equal([1.5, 2.0, 2.5], acute.Select(e => e.Exit));
        Assert.Equal([1.0, 1.1, 1.2], acute.Select(e => Math.Round(e.Ready, 9)));
        Assert.Equal([1.0, 1.5, 2.0], assessed.Select(e => e.Start));
        Assert.Equal([1.0, 1.1, 1.2], assessed.Select(e => Math.Round(e.Requested, 9)));
        Assert.All(acute, e => Assert.Equal(-1, e.Next)); // left for home
        // Time ready in the acute bed: 0.5 + 0.9 + 1.3 = 2.7 patient-days over 3 days.
        Assert.Equal(0.9, r.Get(0, ServiceMetric.MeanBlocked), 9);
        // Midnight at day 2: two patients still in acute, both ready (one being assessed, one waiting).
        Assert.Equal(2, r.Census!.Occupied[0][1]);
        Assert.Equal(2, r.Census.Blocked[0][1]);
        Assert.Equal(1, r.Census.Occupied[1][1]);
        Assert.Equal(r.Counts.Arrived, r.Counts.Exited + r.Counts.InSystemAtEnd);
    }

    [Fact]
    public void The_assessor_queue_is_first_come_first_served_and_the_patient_then_waits_for_a_care_home_in_its_bed()
    {
        var net = new NetworkBuilder()
            .Service("acute", 200, Distribution.LogNormal(4, 3), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition { Name = "assessment", Role = ServiceRole.Resource, Capacity = 3, LengthOfStay = Distribution.Exponential(1) })
            .Service("care_home", 60, Distribution.Exponential(60), kind: ServiceKind.ResidentialHome)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(10)))
            .Route("acute", ("home", 0.7), ("assessment", 0.3))
            .Route("assessment", ("care_home", 0.5), ("home", 0.5))
            .Route("care_home", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Of(50), Horizon = Days.Of(400), RecordEpisodes = true });
        var assessments = r.Episodes!.Where(e => e.Service == 1).OrderBy(e => e.Requested).ThenBy(e => e.Start).ToList();
        Assert.True(assessments.Count > 500);
        for (int i = 1; i < assessments.Count; i++)
        {
            Assert.True(assessments[i].Start >= assessments[i - 1].Start, "nobody overtakes in the assessor queue");
        }
        Assert.True(assessments.Count(a => a.Start > a.Requested) > 50, "the assessors were busy enough for the order to matter");
        // Patients go from the acute bed straight into the care home (no gap, never home in between).
        var byVisit = r.Episodes!.ToDictionary(e => (e.Stream, e.Patient, e.Visit));
        var toCareHome = r.Episodes!.Where(e => e.Service == 0 && e.Next == 2 && !e.IsOpen).ToList();
        Assert.NotEmpty(toCareHome);
        foreach (var e in toCareHome)
        {
            var assessment = byVisit[(e.Stream, e.Patient, e.Visit + 1)];
            var home = byVisit[(e.Stream, e.Patient, e.Visit + 2)];
            Assert.Equal(1, assessment.Service);
            Assert.Equal(e.Exit, home.Start);
            Assert.True(e.Exit >= assessment.Exit);
        }
        Assert.True(r.Get(0, ServiceMetric.MeanBlocked) > r.Get(1, ServiceMetric.MeanOccupancy), "blocked beds include those waiting for the care home after assessment");
    }

    [Theory]
    [InlineData(200, 10.0)]
    [InlineData(100, 5.0)]
    public void Home_care_packages_are_limited_by_carer_hours(int carerHoursPerWeek, double packagesPerWeek)
    {
        // Saturated: a package needs 10 carer hours a week and lasts 14 days, so the workforce
        // carries hours ÷ 10 packages, each replaced every two weeks: hours ÷ 10 ÷ 2 starts a week.
        var net = new NetworkBuilder()
            .Service("acute", Capacity.Unlimited, Distribution.Deterministic(0.5), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition
            {
                Name = "home_care",
                Kind = ServiceKind.HomeCare,
                Capacity = carerHoursPerWeek,
                Demand = Distribution.Deterministic(10),
                LengthOfStay = Distribution.Deterministic(14),
            })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(5)))
            .Route("acute", "home_care")
            .Route("home_care", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Of(70), Horizon = Days.Of(700), DailyCensus = false });
        double weekly = r.Get(1, ServiceMetric.Admissions) / 100;
        Assert.Equal(packagesPerWeek, weekly, 1);
        Assert.Equal(carerHoursPerWeek, r.Get(1, ServiceMetric.MeanUnitsInUse), 6);
        Assert.Equal(carerHoursPerWeek / 10.0, r.Get(1, ServiceMetric.MeanOccupancy), 6);
        Assert.True(r.Get(0, ServiceMetric.MeanBlocked) > 100, "patients wait in hospital for packages");
    }

    [Fact]
    public void A_large_need_at_the_head_of_the_queue_is_not_overtaken_by_smaller_ones()
    {
        var net = new NetworkBuilder()
            .Service("acute", Capacity.Unlimited, Distribution.Exponential(1))
            .Service(new ServiceDefinition
            {
                Name = "home_care",
                Capacity = 40,
                Demand = Distribution.Empirical([3, 7.5, 21]),
                LengthOfStay = Distribution.Exponential(20),
            })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(0.4)))
            .Route("acute", "home_care")
            .Route("home_care", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Of(50), Horizon = Days.Of(1000), RecordEpisodes = true });
        var packages = r.Episodes!.Where(e => e.Service == 1).OrderBy(e => e.Requested).ToList();
        for (int i = 1; i < packages.Count; i++)
        {
            Assert.True(packages[i].Start >= packages[i - 1].Start, "first come, first served: no overtaking");
        }
        Assert.True(r.Get(1, ServiceMetric.MeanUnitsInUse) <= 40);
        Assert.True(r.Get(0, ServiceMetric.MeanBlocked) > 0.5, "some patients had to wait for carer hours");
    }
}
