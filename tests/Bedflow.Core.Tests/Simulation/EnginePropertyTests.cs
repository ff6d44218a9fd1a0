using Bedflow.Core.Distributions;
using Bedflow.Core.Examples;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>Properties every run must have, whatever the network.</summary>
public class EnginePropertyTests
{
    private static readonly RunOptions Demo = new() { Warmup = Days.Of(365), Horizon = Days.Of(365), Replications = 4, Seed = 99 };

    [Fact]
    public void Patients_are_conserved_in_every_replication()
    {
        var r = Simulator.Run(DemoCounty.Create(), Demo);
        foreach (var rep in r.Replications)
        {
            var c = rep.Counts;
            Assert.True(c.Arrived > 10_000);
            Assert.Equal(c.Arrived, c.Exited + c.InSystemAtEnd);
        }
        // The demo has turned-away electives and blocked patients, so the property is not trivial.
        Assert.True(r.Replications.Sum(x => x.Counts.TurnedAway) > 0);
        Assert.True(r.Service(ServiceId.Of("acute"))[ServiceMetric.MeanBlocked].Mean > 1);
    }

    [Fact]
    public void Littles_law_holds_for_every_service()
    {
        // L = λW per service: time-average places held = leaving rate × mean time in the place.
        // Care-home stays average over 200 days: a 15-year horizon keeps edge effects small.
        var r = Simulator.Run(DemoCounty.Create(), Demo with { Horizon = Days.Of(15 * 365), Replications = 2, DailyCensus = false });
        foreach (var rep in r.Replications)
        {
            for (int s = 0; s < r.Services.Count; s++)
            {
                double l = rep.Get(s, ServiceMetric.MeanOccupancy);
                double lambdaW = rep.Get(s, ServiceMetric.Throughput) * rep.Get(s, ServiceMetric.MeanTimeInPlace);
                // Edge effects (patients in place at the window's ends) are of order (mean stay / horizon).
                Assert.True(Math.Abs(l - lambdaW) <= 0.05 * l, $"{r.Services[s].Name}: L = {l:F2}, λW = {lambdaW:F2}");
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_results_whatever_the_thread_count()
    {
        var net = DemoCounty.Create();
        var options = Demo with { Replications = 6, RecordEpisodes = true };
        var one = Simulator.Run(net, options with { MaxDegreeOfParallelism = 1 });
        var two = Simulator.Run(net, options with { MaxDegreeOfParallelism = 2 });
        var eight = Simulator.Run(net, options with { MaxDegreeOfParallelism = 8 });
        foreach (var other in new[] { two, eight })
        {
            for (int rep = 0; rep < one.Replications.Count; rep++)
            {
                for (int s = 0; s < net.Services.Count; s++)
                {
                    Assert.Equal(one.Replications[rep].ServiceMetrics[s], other.Replications[rep].ServiceMetrics[s]);
                }
                Assert.Equal(one.Replications[rep].Counts, other.Replications[rep].Counts);
                Assert.Equal(one.Replications[rep].Episodes, other.Replications[rep].Episodes);
            }
            foreach (var s in one.Services)
            {
                Assert.Equal(s.All, other.Service(s.Id).All);
            }
        }
    }

    [Fact]
    public void A_different_seed_gives_different_results()
    {
        var net = DemoCounty.Create();
        var a = Simulator.Run(net, Demo with { Replications = 1 });
        var b = Simulator.Run(net, Demo with { Replications = 1, Seed = Demo.Seed + 1 });
        Assert.NotEqual(a.Replications[0].Counts.Events, b.Replications[0].Counts.Events);
    }

    [Fact]
    public void A_downstream_capacity_change_leaves_patients_needs_unchanged()
    {
        // Common random numbers: more community beds change who waits, not how long each patient
        // needs in acute care or where they go next.
        Network With(int communityBeds) => new NetworkBuilder()
            .Service("acute", 60, Distribution.LogNormal(5, 4))
            .Service("community", communityBeds, Distribution.Gamma(2, 10))
            .Arrivals("in", "acute", ArrivalRate.Constant(RatePerDay.Of(11)))
            .Route("acute", ("home", 0.7), ("community", 0.3))
            .Route("community", "home")
            .Build();
        var options = new RunOptions { Warmup = Days.Of(100), Horizon = Days.Of(365), Replications = 2, Seed = 4, RecordEpisodes = true };
        var before = Simulator.Run(With(25), options);
        var after = Simulator.Run(With(40), options);
        Assert.True(before.Service(ServiceId.Of("acute"))[ServiceMetric.MeanBlocked].Mean > after.Service(ServiceId.Of("acute"))[ServiceMetric.MeanBlocked].Mean + 1,
            "the change must matter to the flow for this test to mean anything");

        for (int rep = 0; rep < 2; rep++)
        {
            var stays = after.Replications[rep].Episodes!
                .Where(e => !double.IsNaN(e.Ready))
                .ToDictionary(e => (e.Stream, e.Patient, e.Visit), e => (e.Service, Los: e.Ready - e.Start));
            var baseline = before.Replications[rep].Episodes!;
            // Ready − start loses the last bits of the stay to rounding at different start times.
            int same = baseline.Count(e => stays.TryGetValue((e.Stream, e.Patient, e.Visit), out var s)
                && s.Service == e.Service && Math.Abs(s.Los - (e.Ready - e.Start)) <= 1e-9 * (1 + s.Los));
            Assert.True(same >= 0.95 * baseline.Count, $"only {same} of {baseline.Count} stays identical");
        }
    }

    [Fact]
    public void After_a_capacity_cut_nobody_is_admitted_until_occupancy_is_below_the_new_capacity()
    {
        var net = new NetworkBuilder()
            .Service("ward", new CapacitySchedule(Capacity.Of(20), [(50.0, Capacity.Of(12))]), Distribution.Exponential(6))
            .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(4)))
            .Route("ward", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(30), Horizon = Days.Of(200), Replications = 3, Seed = 2, RecordEpisodes = true });
        foreach (var rep in r.Replications)
        {
            var episodes = rep.Episodes!;
            Assert.Contains(episodes, e => e.Start < 50 && (e.IsOpen || e.Exit > 50)); // the ward was full at the cut
            foreach (var admitted in episodes.Where(e => e.Start >= 50))
            {
                // Places held at the instant of this admission by patients admitted earlier.
                int held = episodes.Count(e => e.Start < admitted.Start && (e.IsOpen || e.Exit > admitted.Start));
                Assert.True(held < 12, $"admitted at {admitted.Start:F3} with {held} places held (new capacity 12)");
            }
            Assert.All(rep.Census!.Occupied[0].Skip(50), occupied => Assert.True(occupied <= 20));
        }
        // Over 20 beds before the cut, at most 12 after it settles.
        var daily = r.Service(ServiceId.Of("ward")).Daily!;
        Assert.True(daily.Occupied[40] > 15);
        Assert.True(daily.Occupied[150] <= 12);
    }

    [Fact]
    public void Blocked_patients_go_before_queued_arrivals_by_default_and_after_them_when_configured()
    {
        // "ward" is fed both by its own queue and by patients blocked in "acute".
        Network With(WaitingPriority priority) => new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(2))
            .Service("ward", 5, Distribution.Exponential(5), priority: priority)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Arrivals("gp", "ward", ArrivalRate.Constant(RatePerDay.Of(0.6)))
            .Route("acute", ("home", 0.6), ("ward", 0.4))
            .Route("ward", "home")
            .Build();
        var options = new RunOptions { Warmup = Days.Of(50), Horizon = Days.Of(1000), Replications = 2, Seed = 6, DailyCensus = false };
        var blockedFirst = Simulator.Run(With(WaitingPriority.BlockedFirst), options);
        var queuedFirst = Simulator.Run(With(WaitingPriority.QueuedFirst), options);
        double WaitInQueue(RunResult r) => r.Service(ServiceId.Of("ward"))[ServiceMetric.MeanWaitInQueue].Mean;
        double Blocked(RunResult r) => r.Service(ServiceId.Of("acute"))[ServiceMetric.MeanBlockedTimePerBlockedPatient].Mean;
        Assert.True(WaitInQueue(blockedFirst) > WaitInQueue(queuedFirst));
        Assert.True(Blocked(blockedFirst) < Blocked(queuedFirst));
    }

    [Fact]
    public void Planned_arrivals_are_diverted_when_there_is_no_place_and_turned_away_when_the_diversion_is_full_too()
    {
        var net = new NetworkBuilder()
            .Service("step_up", 2, Distribution.Exponential(5), queueLimit: 0)
            .Service("acute", 3, Distribution.Exponential(5), queueLimit: 0)
            .Arrivals("gp", "step_up", ArrivalRate.Constant(RatePerDay.Of(2)), ArrivalKind.Planned, divertTo: "acute")
            .Route("step_up", "home")
            .Route("acute", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(10), Horizon = Days.Of(500), Replications = 2, Seed = 1 });
        var step = r.Service(ServiceId.Of("step_up"));
        var acute = r.Service(ServiceId.Of("acute"));
        Assert.True(step[ServiceMetric.Diversions].Mean > 0);
        Assert.True(acute[ServiceMetric.Rejections].Mean > 0);
        Assert.Equal(0, step[ServiceMetric.Rejections].Mean);
        // Every diverted patient either got an acute bed or was turned away there.
        Assert.Equal(step[ServiceMetric.Diversions].Mean, acute[ServiceMetric.Admissions].Mean + acute[ServiceMetric.Rejections].Mean, 6);
        foreach (var rep in r.Replications)
        {
            Assert.Equal(rep.Counts.Arrived, rep.Counts.Exited + rep.Counts.InSystemAtEnd);
        }
    }

    [Fact]
    public void Emergency_arrivals_wait_whatever_the_queue_limit()
    {
        var net = new NetworkBuilder()
            .Service("acute", 2, Distribution.Exponential(1), queueLimit: 0)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1.8)))
            .Route("acute", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(10), Horizon = Days.Of(2000), Replications = 2, Seed = 1 });
        Assert.Equal(0, r.Service(ServiceId.Of("acute"))[ServiceMetric.Rejections].Mean);
        Assert.True(r.Service(ServiceId.Of("acute"))[ServiceMetric.MeanQueue].Mean > 0.5);
        Assert.All(r.Replications, x => Assert.Equal(0, x.Counts.TurnedAway));
    }

    [Fact]
    public void A_departure_releases_a_chain_of_blocked_patients_at_the_same_instant()
    {
        // Deterministic stays make the chain visible: the rehab patient leaves at day 4 and,
        // at that same instant, the step-down patient moves up and the acute patient follows.
        var net = new NetworkBuilder()
            .Service("acute", 1, Distribution.Deterministic(1), queueLimit: 0)
            .Service("stepdown", 1, Distribution.Deterministic(1), queueLimit: 0)
            .Service("rehab", 1, Distribution.Deterministic(10), queueLimit: 0)
            .Arrivals("in", "acute", ArrivalRate.Constant(RatePerDay.Of(5)), ArrivalKind.Planned)
            .Route("acute", "stepdown")
            .Route("stepdown", "rehab")
            .Route("rehab", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(30), Replications = 1, RecordEpisodes = true });
        var eps = r.Episodes!;
        var firstRehab = eps.Single(e => e.Service == 2 && e.Visit == 2 && e.Exit is > 11 and < 13);
        var moved = eps.Where(e => e.Exit == firstRehab.Exit && e.Service != 2).ToList();
        Assert.Contains(moved, e => e.Service == 1 && e.Blocked > 0);
        Assert.Contains(moved, e => e.Service == 0 && e.Blocked > 0);
        // Rehab and step-down both start someone at that instant (acute has no queue to admit from).
        Assert.Equal(2, eps.Count(e => e.Start == firstRehab.Exit));
    }
}
