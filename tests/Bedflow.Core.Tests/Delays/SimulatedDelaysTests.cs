using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Examples;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Delays;

/// <summary>Delays that emerge from a simulated network, counted by the same module as real ones.</summary>
public class SimulatedDelaysTests
{
    private static readonly RunOptions Exact = new() { Warmup = Days.Zero, Horizon = Days.Of(30), RecordEpisodes = true };

    [Fact]
    public void A_patient_waits_first_for_an_assessment_then_for_a_care_home_and_the_delay_is_split_by_reason()
    {
        // Day 0 = 1 April 2016. Acute stays 1 day; one assessor, 2 days per assessment, used while
        // the patient keeps its acute bed; one residential place, 10-day stays.
        var net = new NetworkBuilder()
            .Service("acute", Capacity.Unlimited, Distribution.Deterministic(1), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition { Name = "assessment", Kind = ServiceKind.Assessment, Role = ServiceRole.Resource, Capacity = 1, LengthOfStay = Distribution.Deterministic(2) })
            .Service("residential_home", 1, Distribution.Deterministic(10), kind: ServiceKind.ResidentialHome)
            .Arrivals("ed", "acute", ArrivalRate.Scripted(0.5, 0.6))
            .Route("acute", "assessment")
            .Route("assessment", "residential_home")
            .Route("residential_home", "home")
            .Build();
        var f = SimulatedDelays.Figures(net, Simulator.RunOne(net, Exact), Exact);
        // Patient 1: ready 1.5, assessed 1.5–3.5, moves at 3.5: midnights 2 and 3, both A.
        // Patient 2: ready 1.6, waits for the assessor to 3.5, assessed to 5.5 (A: midnights 2–5),
        // then waits for the home, freed at 13.5 (Di: midnights 6–13).
        Assert.Equal(6, f.Days(DelayReason.A));
        Assert.Equal(8, f.Days(DelayReason.Di));
        Assert.Equal(14, f.TotalDays);
        Assert.Equal(14, f.Days(Responsibility.SocialCare)); // assessment and care homes default to the council
        Assert.Equal(14, f.Days(SitRepBeds.Acute));
        Assert.Equal(2, f.DischargesOn(DischargePathway.P3));
        Assert.Equal(1, f.DischargesIn(DelayBand.TwoToThree));      // 2 April → 4 April
        Assert.Equal(1, f.DischargesIn(DelayBand.SevenToThirteen)); // 2 April → 14 April
    }

    [Fact]
    public void A_network_whose_only_delays_are_choices_reports_only_G_capped_by_the_interim_placement_policy()
    {
        // Everyone wants 20 days to choose, the policy caps it at 7; the home always has room.
        var net = new NetworkBuilder()
            .Service("acute", Capacity.Unlimited, Distribution.Deterministic(1), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition
            {
                Name = "nursing_home",
                Kind = ServiceKind.NursingHome,
                Capacity = Capacity.Unlimited,
                LengthOfStay = Distribution.Deterministic(100),
                Choice = new PatientChoice { Share = 1, Wait = Distribution.Deterministic(20), Cap = 7 },
            })
            .Arrivals("ed", "acute", ArrivalRate.Scripted(0.5, 2.25))
            .Route("acute", "nursing_home")
            .Route("nursing_home", "home")
            .Build();
        var f = SimulatedDelays.Figures(net, Simulator.RunOne(net, Exact), Exact);
        Assert.Equal(14, f.TotalDays); // 7 midnights each
        Assert.Equal(14, f.Days(DelayReason.G));
        Assert.Equal(14, f.Days(Responsibility.SocialCare));
    }

    [Fact]
    public void With_random_choices_and_ample_places_every_delayed_day_is_G()
    {
        var net = ChoiceNetwork(share: 0.3);
        var options = new RunOptions { Warmup = Days.Of(30), Horizon = Days.Of(365), RecordEpisodes = true, Seed = 11 };
        var f = SimulatedDelays.Figures(net, Simulator.RunOne(net, options), options);
        Assert.True(f.TotalDays > 0);
        Assert.Equal(f.TotalDays, f.Days(DelayReason.G));
    }

    [Fact]
    public void With_ample_downstream_capacity_and_no_choice_there_are_no_delays()
    {
        var net = ChoiceNetwork(share: 0);
        var options = new RunOptions { Warmup = Days.Of(30), Horizon = Days.Of(365), RecordEpisodes = true, Seed = 11 };
        var f = SimulatedDelays.Figures(net, Simulator.RunOne(net, options), options);
        Assert.Equal(0, f.TotalDays);
        Assert.True(f.Discharges > 1000);
        Assert.Equal(1.0, f.ShareDischargedOnReadyDate);
    }

    [Fact]
    public void Adding_choice_to_a_service_leaves_every_other_draw_where_it_was()
    {
        var options = new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(200), RecordEpisodes = true, Seed = 3 };
        var without = Simulator.RunOne(ChoiceNetwork(share: 0), options).Episodes!.Where(e => e.Service == 0).OrderBy(e => e.Patient);
        var with = Simulator.RunOne(ChoiceNetwork(share: 0.5), options).Episodes!.Where(e => e.Service == 0).OrderBy(e => e.Patient);
        Assert.Equal(without.Select(e => (e.Patient, e.Start, e.Ready, e.Next)), with.Select(e => (e.Patient, e.Start, e.Ready, e.Next)));
    }

    [Fact]
    public void Each_days_delayed_patients_are_the_census_count_of_ready_patients_in_sitrep_beds()
    {
        // The metrics module and the engine's census use one definition of the midnight.
        var net = DemoCounty.Create();
        var options = new RunOptions { Warmup = Days.Of(60), Horizon = Days.Of(120), RecordEpisodes = true, Seed = 4 };
        var rep = Simulator.RunOne(net, options);
        var f = SimulatedDelays.Figures(net, rep, options);
        var sitrep = ServiceDelays.For(net).Select((s, i) => (s, i)).Where(x => x.s.Beds != SitRepBeds.None).Select(x => x.i).ToList();
        Assert.NotEmpty(sitrep);
        Assert.True(f.TotalDays > 0);
        for (int d = 0; d < 120; d++)
        {
            int census = sitrep.Sum(s => rep.Census!.Blocked[s][d]);
            Assert.Equal(census, f.DelayedOn(net.StartDate.AddDays(d)));
        }
    }

    [Fact]
    public void A_new_stay_in_the_same_service_is_not_a_discharge()
    {
        var net = new NetworkBuilder()
            .Service("community_hospital", Capacity.Unlimited, Distribution.Deterministic(2), kind: ServiceKind.CommunityHospital)
            .Arrivals("gp", "community_hospital", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("community_hospital", ("community_hospital", 0.5), ("home", 0.5))
            .Build();
        var options = new RunOptions { Warmup = Days.Of(10), Horizon = Days.Of(100), RecordEpisodes = true, Seed = 2 };
        var rep = Simulator.RunOne(net, options);
        var f = SimulatedDelays.Figures(net, rep, options);
        int home = rep.Episodes!.Count(e => !e.IsOpen && e.Next < 0 && e.Exit >= 0 && e.Exit < 100);
        Assert.Equal(home, f.Discharges);
        Assert.Equal(home, f.DischargesOn(DischargePathway.P0));
        Assert.Equal(0, f.DischargesOn(DischargePathway.P2));
    }

    [Fact]
    public void Children_are_not_counted()
    {
        var net = ChoiceNetwork(share: 1) with { Groups = ["child"], ChildGroups = new HashSet<string> { "child" } };
        var options = new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(100), RecordEpisodes = true };
        Assert.Equal(0, SimulatedDelays.Figures(net, Simulator.RunOne(net, options), options).TotalDays);
    }

    [Fact]
    public void A_home_care_workforce_cut_shows_up_as_fewer_packages_and_more_E_delays()
    {
        // Capacity is carer hours a week; each package needs 10 hours. 1 patient a day needs a package of about 60 days.
        Network Net(int hours) => new NetworkBuilder()
            .Service("acute", Capacity.Unlimited, Distribution.Deterministic(2), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition { Name = "home_care", Kind = ServiceKind.HomeCare, Capacity = hours, Demand = Distribution.Deterministic(10), LengthOfStay = Distribution.Exponential(60) })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1)))
            .Route("acute", "home_care")
            .Route("home_care", "home")
            .Build();
        var options = new RunOptions { Warmup = Days.Of(200), Horizon = Days.Of(365), Replications = 4, Seed = 9, CountDelays = true };
        var ample = Simulator.Run(Net(900), options);
        var cut = Simulator.Run(Net(500), options);
        Assert.True(cut.Service(ServiceId.Of("home_care"))[ServiceMetric.Admissions].Mean < 0.9 * ample.Service(ServiceId.Of("home_care"))[ServiceMetric.Admissions].Mean);
        Assert.True(cut.Delays!.DaysPerYear.Mean > 10 * Math.Max(1, ample.Delays!.DaysPerYear.Mean));
        Assert.Equal(cut.Delays.DaysPerYear.Mean, cut.Delays.ByReason[DelayReason.E].Mean, 6);
        Assert.Equal(cut.Delays.DaysPerYear.Mean, cut.Delays.ByResponsibility[Responsibility.SocialCare].Mean, 6);
    }

    private static Network ChoiceNetwork(double share) => new NetworkBuilder()
        .Service("acute", 400, Distribution.Exponential(5), kind: ServiceKind.Acute)
        .Service(new ServiceDefinition
        {
            Name = "residential_home",
            Kind = ServiceKind.ResidentialHome,
            Capacity = Capacity.Unlimited,
            LengthOfStay = Distribution.Exponential(200),
            Choice = new PatientChoice { Share = share, Wait = Distribution.Exponential(6), Cap = 14 },
        })
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(10)))
        .Route("acute", ("home", 0.8), ("residential_home", 0.2))
        .Route("residential_home", "home")
        .Build();
}
