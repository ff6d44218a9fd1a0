using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>
/// What the front door counts — waits over 4 and 12 hours, the day's longest queue, and what
/// happened to each stream's patients — on a scripted day-by-day script worked out by hand.
/// </summary>
public class FrontDoorCountsTests
{
    // One bed, stays of exactly one day, no queue for planned patients. Emergencies arrive at
    // 0.1 (A), 0.2 (B), 0.3 (C), 2.9 (D) and 4.6 (E); electives at 0.5 and 4.5.
    // A 0.1–1.1; B waits 0.9 d, 1.1–2.1; C waits 1.8 d, 2.1–3.1; D waits 0.2 d (4.8 h), 3.1–4.1;
    // the 0.5 elective finds the bed taken and is turned away; the 4.5 elective takes the free
    // bed, 4.5–5.5; E is still waiting at the end (day 5) after 0.4 d (9.6 h).
    private static ReplicationResult Run() => Simulator.RunOne(new NetworkBuilder()
            .Service("acute", 1, Distribution.Deterministic(1), queueLimit: 0)
            .Arrivals(new ArrivalStreamDefinition { Name = "emergency", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals([0.1, 0.2, 0.3, 2.9, 4.6]) })
            .Arrivals(new ArrivalStreamDefinition { Name = "elective", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals([0.5, 4.5]), Kind = ArrivalKind.Planned })
            .Route("acute", "home")
            .Build(),
        new RunOptions { Warmup = Days.Of(0), Horizon = Days.Of(5), Replications = 1, DailyCensus = true });

    [Fact]
    public void Waits_over_4_and_12_hours_count_the_admitted_and_those_still_waiting_at_the_end()
    {
        var r = Run();
        Assert.Equal(4, r.Get(0, ServiceMetric.QueueWaitsOver4Hours));  // B, C, D, E
        Assert.Equal(2, r.Get(0, ServiceMetric.QueueWaitsOver12Hours)); // B, C
    }

    [Fact]
    public void The_days_longest_queue_includes_the_queue_the_day_starts_with()
    {
        var census = Run().Census!;
        Assert.Equal([2, 2, 1, 1, 1], census.MaxQueued[0]);
        Assert.Equal([2, 1, 1, 0, 1], census.Queued[0]); // E is waiting at the last midnight
    }

    [Fact]
    public void Each_stream_counts_its_arrivals_admissions_and_patients_turned_away()
    {
        var r = Run();
        Assert.Equal(new StreamCounts(Arrived: 5, Admitted: 4, TurnedAway: 0, Diverted: 0), r.Streams[0]);
        Assert.Equal(new StreamCounts(Arrived: 2, Admitted: 1, TurnedAway: 1, Diverted: 0), r.Streams[1]);
    }

    [Fact]
    public void Arrivals_during_the_warm_up_are_not_counted_as_arrived_in_the_period()
    {
        // Two arrive in the warm-up (−1.5, −0.2; the second waits into the period), three after the start (0 exactly, 0.5, 3).
        var r = Simulator.RunOne(new NetworkBuilder()
                .Service("acute", 1, Distribution.Deterministic(1))
                .Arrivals(new ArrivalStreamDefinition { Name = "emergency", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals([-1.5, -0.2, 0, 0.5, 3]) })
                .Route("acute", "home")
                .Build(),
            new RunOptions { Warmup = Days.Of(2), Horizon = Days.Of(5), Replications = 1 });
        // −1.5 stays to −0.5; −0.2 starts at once and stays to 0.8; so in the period 0 is admitted at
        // 0.8, 0.5 at 1.8 and 3 at 3: three arrivals and three admissions.
        Assert.Equal(3, r.Streams[0].Arrived);
        Assert.Equal(3, r.Streams[0].Admitted);
    }

    [Fact]
    public void A_planned_patient_sent_to_its_diversion_is_counted_as_diverted_and_admitted_there()
    {
        var r = Simulator.RunOne(new NetworkBuilder()
                .Service("acute", 1, Distribution.Deterministic(1), queueLimit: 0)
                .Service("independent_sector", 1, Distribution.Deterministic(1), queueLimit: 0)
                .Arrivals(new ArrivalStreamDefinition { Name = "elective", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals([0.1, 0.2, 0.3]), Kind = ArrivalKind.Planned, DivertTo = ServiceId.Of("independent_sector") })
                .Route("acute", "home")
                .Route("independent_sector", "home")
                .Build(),
            new RunOptions { Warmup = Days.Of(0), Horizon = Days.Of(5), Replications = 1 });
        // 0.1 takes the acute bed, 0.2 is diverted and takes the other, 0.3 is diverted and finds it full.
        Assert.Equal(new StreamCounts(Arrived: 3, Admitted: 2, TurnedAway: 1, Diverted: 2), r.Streams[0]);
    }
}
