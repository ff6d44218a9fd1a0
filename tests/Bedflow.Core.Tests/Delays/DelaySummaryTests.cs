using Bedflow.Core.Delays;
using Bedflow.Core.Examples;
using Bedflow.Core.Experiments;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Delays;

public class DelaySummaryTests
{
    [Fact]
    public void A_run_summary_gives_every_figure_a_confidence_interval_and_its_parts_add_up()
    {
        var net = DemoCounty.Create() with { Population = new(680_000, 510_000) };
        var run = Simulator.Run(net, new RunOptions { Warmup = Days.Of(120), Horizon = Days.Of(365), Replications = 4, Seed = 8, RecordEpisodes = true });
        var s = DelaySummary.Of(net, run.Replications, run.Options);
        Assert.Equal(4, s.DaysPerYear.Count);
        Assert.NotNull(s.DaysPerYear.HalfWidth);
        Assert.NotNull(s.DaysPer1000AdultsPerYear.HalfWidth);
        Assert.True(s.DaysPerYear.Mean > 0);
        Assert.Equal(s.DaysPerYear.Mean, s.ByReason.Values.Sum(e => e.Mean), 6);
        Assert.Equal(s.DaysPerYear.Mean, s.ByResponsibility.Values.Sum(e => e.Mean), 6);
        Assert.Equal(s.DaysPerYear.Mean, s.ByBeds.Values.Sum(e => e.Mean), 6);
        Assert.Equal(1.0, s.ByBand.Values.Sum(e => e.Mean), 9);
        Assert.Equal(s.DaysPerYear.Mean / 510_000 * 1000, s.DaysPer1000AdultsPerYear.Mean, 6);
        Assert.Equal(12, s.Months.Count); // April 2016 to March 2017
        Assert.All(s.Months, m => Assert.NotNull(m.Snapshot));
        Assert.Equal(s.Replications.Average(f => f.TotalDays), s.Months.Sum(m => m.DelayedDays.Mean), 6);
    }

    [Fact]
    public void Figures_over_different_periods_cannot_be_summarised_together()
    {
        var a = new DelayCounter(new(2016, 4, 1), new(2016, 4, 30)).Figures();
        var b = new DelayCounter(new(2016, 4, 1), new(2016, 5, 31)).Figures();
        Assert.Throws<ArgumentException>(() => DelaySummary.Of([a, b]));
        Assert.Null(DelaySummary.Of([a]).DaysPerYear.HalfWidth); // one replication: no made-up interval
    }

    [Fact]
    public void Counting_delays_in_the_run_gives_the_same_figures_as_counting_from_the_episode_log_and_drops_the_log()
    {
        var net = DemoCounty.Create();
        var options = new RunOptions { Warmup = Days.Of(60), Horizon = Days.Of(90), Replications = 3, Seed = 2, MaxDegreeOfParallelism = 2 };
        var counted = Simulator.Run(net, options with { CountDelays = true });
        var logged = Simulator.Run(net, options with { RecordEpisodes = true });
        Assert.All(counted.Replications, r => Assert.Null(r.Episodes));
        Assert.Equal(DelaySummary.Of(net, logged.Replications, logged.Options).Replications.Select(f => f.TotalDays), counted.Delays!.Replications.Select(f => f.TotalDays));
        Assert.Equal(logged.Services[0][ServiceMetric.MeanBlocked].Mean, counted.Services[0][ServiceMetric.MeanBlocked].Mean);
    }
}
