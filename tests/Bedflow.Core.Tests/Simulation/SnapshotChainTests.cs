using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>
/// A run from a census (<see cref="RunOptions.From"/>) with patients part-way along a chain of
/// resources (<see cref="StartingPatient.Steps"/>), resources with limited room, and which services
/// start from the census alone (<see cref="PatientSnapshot.Covers"/>).
/// </summary>
public class SnapshotChainTests
{
    private const double Day = 40.25;

    // acute → assessment (1 assessor, 5 days) → search (unlimited, 10 days) → care home (full for a year); no arrivals.
    private static Network Net(int homeStart = 0) => new NetworkBuilder()
        .Service("acute", 10, Distribution.Deterministic(4), kind: ServiceKind.Acute)
        .Service(new ServiceDefinition { Name = "assessment", Capacity = 1, LengthOfStay = Distribution.Deterministic(5), Kind = ServiceKind.Assessment, Role = ServiceRole.Resource })
        .Service(new ServiceDefinition { Name = "search", Capacity = Capacity.Unlimited, LengthOfStay = Distribution.Deterministic(10), Kind = ServiceKind.Other, Role = ServiceRole.Resource, DelayReason = DelayReason.Dii })
        .Service(new ServiceDefinition
        {
            Name = "care_home", Capacity = 1, LengthOfStay = Distribution.Deterministic(365), Kind = ServiceKind.NursingHome,
            Start = new StartingState { Occupied = homeStart },
        })
        .Arrivals("none", "acute", ArrivalRate.Constant(RatePerDay.Of(1e-9)))
        .Route("acute", ("home", 0.9), ("assessment", 0.1))
        .Route("assessment", "search")
        .Route("search", "care_home")
        .Route("care_home", "home")
        .Build();

    private static RunOptions From(params StartingPatient[] patients) => new()
    {
        Warmup = Days.Zero,
        Horizon = Days.Of(Day + 30),
        Replications = 1,
        RecordEpisodes = true,
        From = new PatientSnapshot(Day, patients),
    };

    private static StartingPatient ReadyAt(string step, double inStep) =>
        new() { Service = "acute", InBed = 20, ReadyFor = 12, Steps = [new(step, 1)], InStep = inStep };

    [Fact]
    public void A_patient_placed_part_way_along_the_chain_is_at_its_step_for_the_rest_of_that_step_not_back_at_the_start()
    {
        // 2 of the search's 10 days done: 8 left, then it waits for the (full) care home.
        var r = Replications.RunOne(Net(homeStart: 1), From(ReadyAt("search", 2)) with { Horizon = Days.Of(Day + 30) });
        var episodes = r.Episodes!;
        Assert.DoesNotContain(episodes, e => e.Service == 1);                    // never at the assessment
        var search = Assert.Single(episodes, e => e.Service == 2);
        Assert.Equal(Day, search.Start, 9);
        Assert.Equal(Day + 8, search.Ready, 9);
        // What it waits for: the search from the first instant (reason Dii), then the care home.
        var waits = r.Waits!.OrderBy(w => w.From).ToList();
        Assert.Equal([2, 3], waits.Select(w => w.Awaiting));
        Assert.Equal(Day, waits[0].From, 9);
        Assert.Equal(Day + 8, waits[1].From, 9);
        // Still in its acute bed, ready, at every midnight of the run (the care home is full for a year).
        Assert.All(r.Census!.Blocked[0], b => Assert.Equal(1, b));
    }

    [Fact]
    public void A_limited_resource_starts_occupied_by_the_patient_there_longest_and_the_others_wait_their_turn()
    {
        // Three patients at the one-assessor assessment, 1, 3 and 2 days there (listed in that order).
        var r = Replications.RunOne(Net(), From(ReadyAt("assessment", 1), ReadyAt("assessment", 3), ReadyAt("assessment", 2)));
        var assessments = r.Episodes!.Where(e => e.Service == 1).OrderBy(e => e.Start).ToList();
        Assert.Equal(3, assessments.Count);
        // The one 3 days in is being assessed: 2 days left. Then the one 2 days in, then the one 1 day in, 5 days each.
        Assert.Equal([Day, Day + 2, Day + 7], assessments.Select(e => Math.Round(e.Start, 9)));
        Assert.Equal([Day + 2, Day + 7, Day + 12], assessments.Select(e => Math.Round(e.Ready, 9)));
        Assert.Equal([1L, 2L, 0L], assessments.Select(e => e.Patient));   // by their place in the census list
        Assert.Equal(1, r.Census!.Occupied[1][0]);                          // the assessor busy at the first midnight
        // Served in the order they reached the assessment (first come, first served from then).
        Assert.Equal([Day - 3, Day - 2, Day - 1], assessments.Select(e => Math.Round(e.Requested, 9)));
    }

    [Fact]
    public void The_services_a_census_covers_start_with_its_patients_alone_and_the_others_from_their_start_occupancy()
    {
        var notReady = new StartingPatient { Service = "acute", InBed = 1 };
        // Covering acute only (its patients' service): the care home keeps its one starting resident.
        var acuteOnly = Replications.RunOne(Net(homeStart: 1), From(notReady));
        Assert.Equal(1, acuteOnly.Census!.Occupied[0][0]);
        Assert.Equal(1, acuteOnly.Census!.Occupied[3][0]);
        // Covering the care home too, with nobody in it: it starts empty.
        var both = Replications.RunOne(Net(homeStart: 1), From(notReady) with { From = new PatientSnapshot(Day, [notReady], ["acute", "care_home"]) });
        Assert.Equal(1, both.Census!.Occupied[0][0]);
        Assert.Equal(0, both.Census!.Occupied[3][0]);
        // A service's start: occupancy is never added to its census (acute would otherwise hold 1 + 5).
        var acuteStart = new NetworkBuilder()
            .Service(new ServiceDefinition { Name = "acute", Capacity = 10, LengthOfStay = Distribution.Deterministic(400), Kind = ServiceKind.Acute, Start = new StartingState { Occupied = 5 } })
            .Arrivals("none", "acute", ArrivalRate.Constant(RatePerDay.Of(1e-9)))
            .Route("acute", "home")
            .Build();
        Assert.Equal(1, Replications.RunOne(acuteStart, From(notReady)).Census!.Occupied[0][0]);
        Assert.Equal(5, Replications.RunOne(acuteStart, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(2), Replications = 1 }).Census!.Occupied[0][0]);
    }

    [Fact]
    public void A_census_s_occupancy_for_a_service_it_does_not_cover_replaces_its_start_one_table_per_replication()
    {
        var notReady = new StartingPatient { Service = "acute", InBed = 1 };
        var snapshot = new PatientSnapshot(Day, [notReady]) { Occupancy = [new Dictionary<string, int> { ["care_home"] = 0 }, new Dictionary<string, int> { ["care_home"] = 1 }] };
        var runs = Replications.Run(Net(homeStart: 1), From(notReady) with { From = snapshot, Replications = 3 });
        // Replication r takes table r mod 2: 0, 1, 0 residents, whatever the start: says.
        Assert.Equal([0, 1, 0], runs.Select(r => r.Census!.Occupied[3][0]));
        // Naming a covered service, a resource or a negative count is refused.
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(notReady) with { From = snapshot with { Occupancy = [new Dictionary<string, int> { ["acute"] = 3 }] } }));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(notReady) with { From = snapshot with { Occupancy = [new Dictionary<string, int> { ["search"] = 3 }] } }));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(notReady) with { From = snapshot with { Occupancy = [new Dictionary<string, int> { ["care_home"] = -1 }] } }));
    }

    [Fact]
    public void A_step_that_is_not_the_networks_or_a_census_of_a_resource_is_refused()
    {
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(ReadyAt("ward_9", 1))));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(ReadyAt("search", 1)) with { From = new PatientSnapshot(Day, [ReadyAt("search", 1)], ["acute", "search"]) }));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(ReadyAt("search", 13))));   // longer at the step than ready
    }
}
