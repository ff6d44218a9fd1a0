using Bedflow.Core.Delays;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests.Charts;

/// <summary>The Figures page's charts as data: hand-made figures, hand-counted values; missing is left out, never zero.</summary>
public class FiguresChartsTests
{
    [Fact]
    public void The_sitrep_chart_stacks_each_reasons_days_by_organisation_and_shows_only_reasons_with_days()
    {
        // Two patients in November 2016: one awaiting a care home (Di, social care) from the 10th 12:00 to the 13th 09:00
        // (the midnights ending the 10th, 11th and 12th), one awaiting a package (E, NHS) from the 29th 08:00, still there.
        DelayRecord Stay(DateTime ready, DateTime? exit, DelayReason reason, Responsibility who) => new()
        {
            Service = "acute", Beds = SitRepBeds.Acute, Admitted = ready.AddDays(-3), Ready = ready, Exit = exit,
            Reasons = [new ReasonChange(ready, reason, who)],
        };
        var counter = new DelayCounter(new(2016, 11, 1), new(2016, 11, 30));
        counter.AddRange([Stay(new(2016, 11, 10, 12, 0, 0), new(2016, 11, 13, 9, 0, 0), DelayReason.Di, Responsibility.SocialCare),
            Stay(new(2016, 11, 29, 8, 0, 0), null, DelayReason.E, Responsibility.Nhs)]);
        var chart = FiguresCharts.SitRepMonth(counter.Figures().Months[0]);
        Assert.Equal(ChartKind.StackedBars, chart.Kind);
        Assert.Equal(["Di", "E"], chart.Categories);
        Assert.Equal(["NHS", "Social Care", "Both"], chart.Series.Select(s => s.Name));
        Assert.Equal([0.0, 2.0], chart.Series[0].Y); // E: the midnights ending the 29th and 30th
        Assert.Equal([3.0, 0.0], chart.Series[1].Y);
        Assert.Equal([0.0, 0.0], chart.Series[2].Y);
        Assert.Contains("<svg", SvgRenderer.Render(chart), StringComparison.Ordinal);
    }

    [Fact]
    public void The_benchmark_chart_gives_each_reasons_share_and_leaves_out_a_reason_missing_for_either()
    {
        var mine = SitRep.Reasons.ToDictionary(r => r, r => r switch { DelayReason.A => 30L, DelayReason.C => 10L, DelayReason.O => (long?)null, _ => 0L });
        var england = SitRep.Reasons.ToDictionary(r => r, r => r switch { DelayReason.A => 100L, DelayReason.C => 300L, _ => (long?)0L });
        var chart = FiguresCharts.Benchmark("Oxfordshire", mine, england);
        Assert.DoesNotContain("O", chart.Categories);
        Assert.Contains("left out: O", chart.Caption, StringComparison.Ordinal);
        int a = chart.Categories.ToList().IndexOf("A"), c = chart.Categories.ToList().IndexOf("C");
        Assert.Equal(75.0, chart.Series[0].Y[a], 9);
        Assert.Equal(25.0, chart.Series[0].Y[c], 9);
        Assert.Equal(25.0, chart.Series[1].Y[a], 9);
        Assert.Equal(75.0, chart.Series[1].Y[c], 9);
        Assert.Equal(100.0, chart.Series[1].Y.Sum(), 9);
    }

    [Fact]
    public void The_trend_charts_leave_out_months_without_data_and_give_each_seasonal_effect_its_interval()
    {
        var first = new DateOnly(2014, 1, 1);
        var y = Enumerable.Range(0, 36).Select(t => t == 20 ? null : (double?)(10 + (t % 12 == 0 ? 2 : 0) + (t % 5 * 0.1))).ToArray();
        var d = SeasonalDecomposition.Of(first, y);
        var trend = FiguresCharts.Trend("Oxfordshire", d);
        Assert.Equal(35, trend.Series[0].Y.Count); // month 20 has no data
        Assert.DoesNotContain(first.AddMonths(20).DayNumber - first.DayNumber, trend.Series[0].X.Select(x => (int)x));
        Assert.Equal(d.Trend.Count(double.IsFinite), trend.Series[1].Y.Count);
        Assert.Equal(first, trend.Start);
        var seasonal = FiguresCharts.Seasonal("Oxfordshire", d);
        var months = Enumerable.Range(0, 12).Where(m => double.IsFinite(d.SeasonalByMonth[m])).ToList();
        Assert.Equal(months.Count, seasonal.Categories.Count);
        for (int i = 0; i < months.Count; i++)
        {
            Assert.Equal(d.SeasonalByMonth[months[i]], seasonal.Series[0].Y[i]);
            if (seasonal.Series[0].Low is { } low)
            {
                Assert.True(low[i] <= seasonal.Series[0].Y[i] && seasonal.Series[0].Y[i] <= seasonal.Series[0].High![i]);
            }
        }
    }
}
