using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>A run from a census of the beds (<see cref="RunOptions.From"/>): every patient back where it was, for as long as it had been.</summary>
public class SnapshotStartTests
{
    // acute (10 beds, 4 days) → community (2 beds, 20 days) or home; no arrivals unless asked.
    private static Network Net(double arrivalsPerDay = 0) => new NetworkBuilder()
        .Service("acute", 10, Distribution.Deterministic(5), kind: ServiceKind.Acute)
        .Service("community", 2, Distribution.Deterministic(20), kind: ServiceKind.CommunityHospital)
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(Math.Max(arrivalsPerDay, 1e-9))))
        .Route("acute", ("community", 0.5), ("home", 0.5))
        .Route("community", "home")
        .Build();

    private static RunOptions From(double day, params StartingPatient[] patients) => new()
    {
        Warmup = Days.Zero,
        Horizon = Days.Of(Math.Floor(day) + 10),
        Replications = 1,
        RecordEpisodes = true,
        From = new PatientSnapshot(day, patients),
    };

    [Fact]
    public void A_patient_not_yet_ready_keeps_its_admission_and_is_ready_when_the_rest_of_its_stay_is_over()
    {
        // A 5-day stay 3 days in: ready 2 days after the snapshot (deterministic, so exactly).
        var r = Replications.RunOne(Net(), From(100.25, new StartingPatient { Service = "acute", InBed = 3 }));
        var stay = Assert.Single(r.Episodes!, e => e.Service == 0);
        Assert.Equal(97.25, stay.Start, 9);
        Assert.Equal(102.25, stay.Ready, 9);
        Assert.Equal(1, r.Counts.StartedIn);
    }

    [Fact]
    public void Ready_patients_wait_from_the_first_instant_for_what_they_are_said_to_wait_for_even_over_capacity()
    {
        // Three ready patients waiting for the 2-bed community hospital, one of them there already: 12
        // in 10 acute beds (a census can exceed today's capacity; nobody is evicted).
        var waiting = new StartingPatient { Service = "acute", InBed = 6, ReadyFor = 1, Steps = [new("community", 1)] };
        StartingPatient[] patients =
        [
            .. Enumerable.Repeat(waiting, 3),
            .. Enumerable.Repeat(new StartingPatient { Service = "acute", InBed = 1 }, 9),
            new StartingPatient { Service = "community", InBed = 19.5 },
            new StartingPatient { Service = "community", InBed = 2 },
        ];
        var r = Replications.RunOne(Net(), From(50.5, patients) with { DailyCensus = true });
        var census = r.Census!;
        Assert.Equal(50, census.FirstDay);
        // The first midnight (day 51): all 12 acute still in, 3 of them ready; 2 in community.
        Assert.Equal(12, census.Occupied[0][0]);
        Assert.Equal(3, census.Blocked[0][0]);
        Assert.Equal(2, census.Occupied[1][0]);
        // At 51.0 (half a day in) the 19.5-day community patient is done and one waiter moves in.
        var moved = r.Episodes!.Where(e => e.Service == 1 && e.Start > 50.5).OrderBy(e => e.Start).First();
        Assert.Equal(51.0, moved.Start, 9);
        var waits = r.Waits!.Where(w => w.From == 50.5).ToList();
        Assert.Equal(3, waits.Count);
        Assert.All(waits, w => Assert.Equal(1, w.Awaiting));
        var readyStays = r.Episodes!.Where(e => e.Service == 0 && e.Ready < 50.5).ToList();
        Assert.Equal(3, readyStays.Count);
        Assert.All(readyStays, e => Assert.Equal(49.5, e.Ready, 9));
    }

    [Fact]
    public void A_snapshot_with_a_warm_up_or_outside_the_horizon_or_an_unknown_service_is_refused()
    {
        var p = new StartingPatient { Service = "acute", InBed = 1 };
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(10, p) with { Warmup = Days.Of(5) }));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(10, p) with { Horizon = Days.Of(10) }));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(10, p with { Service = "ward 9" })));
        Assert.Throws<InvalidModelException>(() => Replications.Run(Net(), From(10, p with { ReadyFor = 2 })));
    }

    [Fact]
    public void The_same_snapshot_gives_the_same_numbers_whatever_the_thread_count()
    {
        var patients = Enumerable.Range(0, 12).Select(i => new StartingPatient { Service = "acute", InBed = 0.5 + (i * 0.4), ReadyFor = i % 3 == 0 ? 0.1 : null }).ToArray();
        var options = From(30.75, patients) with { Replications = 6, RecordEpisodes = false, DailyCensus = true };
        var one = Replications.Run(Net(3), options with { MaxDegreeOfParallelism = 1 });
        var two = Replications.Run(Net(3), options with { MaxDegreeOfParallelism = 2 });
        for (int r = 0; r < 6; r++)
        {
            Assert.Equal(one[r].Census!.Occupied[0], two[r].Census!.Occupied[0]);
            Assert.Equal(one[r].Census!.Blocked[0], two[r].Census!.Blocked[0]);
        }
    }
}
