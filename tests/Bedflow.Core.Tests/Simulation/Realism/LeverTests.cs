using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using CsCheck;

namespace Bedflow.Core.Tests.Simulation.Realism;

/// <summary>The levers managers pull: escalation beds and days on which transfers are accepted.</summary>
public class LeverTests
{
    [Fact]
    public void Escalation_beds_open_at_the_opening_share_and_close_below_the_closing_share()
    {
        // 10 beds, 4 escalation beds opening at 100% and closing below 80%; stays of 5 days.
        // Twelve patients arrive 0.1 apart from 0.1: the 10th fills the ward at 1.0 and escalation
        // opens; the 11th and 12th take escalation beds at once. Leaving from 5.1, occupancy falls
        // to 7 (below 8) at 5.5, when escalation closes.
        var net = new NetworkBuilder()
            .Service(new ServiceDefinition
            {
                Name = "ward",
                Capacity = 10,
                LengthOfStay = Distribution.Deterministic(5),
                Escalation = new Escalation { Beds = 4, OpenAt = 1.0, CloseBelow = 0.8 },
            })
            .Arrivals("ed", "ward", ArrivalRate.Scripted([.. Enumerable.Range(1, 12).Select(i => i / 10.0)]))
            .Route("ward", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(10), RecordEpisodes = true });
        Assert.Equal(1, r.Get(0, ServiceMetric.EscalationOpenings));
        Assert.Equal(4.5 / 10, r.Get(0, ServiceMetric.EscalationOpenShare), 9);
        // Escalation beds in use: 1 from 1.1 to 1.2, 2 from 1.2 to 5.1, 1 from 5.1 to 5.2 = 8 bed-days.
        Assert.Equal(0.8, r.Get(0, ServiceMetric.MeanEscalationInUse), 9);
        Assert.Equal(((10 * 10) + (4 * 4.5)) / 10, r.Get(0, ServiceMetric.MeanCapacity), 9);
        Assert.All(r.Episodes!, e => Assert.Equal(e.Requested, e.Start, 12)); // nobody waited
    }

    [Fact]
    public void Escalation_that_closes_does_not_evict_and_admits_nobody_above_normal_capacity()
    {
        var net = new NetworkBuilder()
            .Service(new ServiceDefinition
            {
                Name = "ward",
                Capacity = 20,
                LengthOfStay = Distribution.Exponential(4),
                Escalation = new Escalation { Beds = 5, OpenAt = 0.95, CloseBelow = 0.85 },
            })
            .Arrivals("ed", "ward", ArrivalRate.Constant(RatePerDay.Of(5)))
            .Route("ward", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Of(10), Horizon = Days.Of(500), RecordEpisodes = true });
        Assert.True(r.Get(0, ServiceMetric.EscalationOpenings) > 5);
        Assert.InRange(r.Get(0, ServiceMetric.EscalationOpenShare), 0.05, 0.95);
        Assert.All(r.Census!.Occupied[0], o => Assert.True(o <= 25));
        Assert.Equal(r.Counts.Arrived, r.Counts.Exited + r.Counts.InSystemAtEnd);
    }

    [Fact]
    public void A_care_home_that_accepts_only_on_weekdays_in_office_hours_makes_friday_evening_patients_wait_until_monday()
    {
        // Day 0 is Friday 1 April 2016. Acute stays of 0.75 days; the care home admits Monday to
        // Friday, 09:00–17:00, and has room.
        var net = new NetworkBuilder()
            .StartingOn(new DateOnly(2016, 4, 1))
            .Service("acute", 50, Distribution.Deterministic(0.75))
            .Service(new ServiceDefinition
            {
                Name = "care_home",
                Capacity = 50,
                LengthOfStay = Distribution.Deterministic(30),
                Accepts = AcceptanceWindow.Weekdays(9, 17),
            })
            .Arrivals("ed", "acute", ArrivalRate.Scripted(0.0, 0.2, 1.5, 2.8, 3.0))
            .Route("acute", "care_home")
            .Route("care_home", "home")
            .Build();
        var r = Simulator.RunOne(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(20), RecordEpisodes = true });
        var starts = r.Episodes!.Where(e => e.Service == 1).OrderBy(e => e.Patient).Select(e => Math.Round(e.Start, 9)).ToArray();
        const double monday9 = 3 + (9.0 / 24), tuesday9 = 4 + (9.0 / 24);
        // Ready Fri 18:00, Fri 22:48, Sun 06:00 → Monday 09:00; Mon 13:12 → at once; Mon 18:00 → Tuesday 09:00.
        Assert.Equal([monday9, monday9, monday9, 3.55, tuesday9], starts);
        Assert.True(r.Get(0, ServiceMetric.MeanBlocked) > 0);
    }

    [Fact]
    public void The_next_opening_of_any_window_is_open_and_nothing_before_it_is()
    {
        // Regression: an opening hour such as 8/24 computed back as (t − day) × 24 fell just short
        // of 8, so the service looked shut at its own opening and the run never ended.
        var gen = from opens in Gen.Int[0, 23]
                  from span in Gen.Int[1, 24]
                  from weekdays in Gen.Bool
                  from t in Gen.Double[0, 30]
                  select (Opens: opens, Closes: Math.Min(24, opens + span), Weekdays: weekdays, T: t);
        gen.Sample(c =>
        {
            var window = c.Weekdays ? AcceptanceWindow.Weekdays(c.Opens, c.Closes) : new AcceptanceWindow { FromHour = c.Opens, ToHour = c.Closes };
            var net = new NetworkBuilder()
                .Service(new ServiceDefinition { Name = "home_care", Capacity = 1, LengthOfStay = Distribution.Deterministic(1), Accepts = window })
                .Arrivals("gp", "home_care", ArrivalRate.Constant(RatePerDay.Of(1)))
                .Route("home_care", "home")
                .Build();
            var compiled = new CompiledNetwork(net);
            double open = compiled.NextOpening(0, c.T);
            Assert.True(compiled.IsOpen(0, open), $"shut at its own opening {open}");
            Assert.True(open - c.T < 8, "an opening within a week");
            for (double u = c.T; u < open; u += 1.0 / 96)
            {
                Assert.False(compiled.IsOpen(0, u), $"open at {u}, before the next opening {open}");
            }
        }, iter: 300);
    }
}
