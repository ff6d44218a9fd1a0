using Bedflow.Core.Delays;
using Bedflow.Core.Statistics;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests;

/// <summary>Charts are tested on their data: every series drawn equals the results.</summary>
public class ChartDataTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Delayed_patients_per_day_are_the_mean_daily_counts_with_their_95_percent_band_for_every_variant()
    {
        var chart = ChartBuilder.DelayedPerDay(f.Results, 2);
        Assert.Equal(f.Results.Select(r => r.Name), chart.Series.Select(s => s.Name));
        Assert.Equal((2.0, "Target"), chart.Reference);
        for (int v = 0; v < f.Results.Count; v++)
        {
            var figures = f.Results[v].Run.Delays!.Replications;
            var s = chart.Series[v];
            Assert.Equal(120, s.Y.Count);
            for (int d = 0; d < 120; d++)
            {
                var e = Estimate.Of(figures.Select(x => (double)x.DelayedOn(f.Scenario.Baseline.StartDate.AddDays(d))));
                Assert.Equal(e.Mean, s.Y[d], 12);
                Assert.Equal(e.Lower ?? e.Mean, s.Low![d], 12);
                Assert.Equal(e.Upper ?? e.Mean, s.High![d], 12);
            }
            // Averaged over the days, the line is the variant's headline figure.
            Assert.Equal(f.Results[v].DelayedPatients.Mean, s.Y.Average(), 9);
        }
    }

    [Fact]
    public void Stacked_months_add_up_to_each_months_delayed_days_by_reason_and_by_organisation()
    {
        var baseline = f.Results[0];
        var byReason = ChartBuilder.ByReason(baseline);
        var byOrg = ChartBuilder.ByOrganisation(baseline);
        var months = baseline.Run.Delays!.Months;
        Assert.Equal(months.Count, byReason.Categories.Count);
        for (int m = 0; m < months.Count; m++)
        {
            Assert.Equal(months[m].DelayedDays.Mean, byReason.Series.Sum(s => s.Y[m]), 9);
            Assert.Equal(months[m].DelayedDays.Mean, byOrg.Series.Sum(s => s.Y[m]), 9);
        }
        Assert.All(byReason.Series, s => Assert.Contains(s.Y, y => y > 0));
        Assert.Equal(["NHS", "Social Care", "Both"], byOrg.Series.Select(s => s.Name));
    }

    [Fact]
    public void Occupancy_charts_draw_the_daily_census_against_capacity()
    {
        var baseline = f.Results[0];
        var charts = ChartBuilder.Occupancy(baseline).ToList();
        Assert.Equal(["occupancy-acute", "occupancy-intermediate_care", "occupancy-reablement"], charts.Select(c => c.Id));
        var ic = charts[1];
        Assert.Equal(baseline.Run.Service("intermediate_care").Daily!.Occupied, ic.Series[0].Y);
        // The pilot's two beds in June and July show on the capacity line.
        Assert.Equal(4, ic.Series[2].Y[30]);
        Assert.Equal(6, ic.Series[2].Y[70]);
    }

    [Fact]
    public void The_frontier_puts_each_variant_at_its_delayed_days_and_cost_with_both_intervals()
    {
        var chart = ChartBuilder.Frontier(f.Results);
        for (int v = 0; v < f.Results.Count; v++)
        {
            var s = chart.Series[v];
            Assert.Equal(f.Results[v].DelayedDaysPerYear.Mean, s.X[0], 9);
            Assert.Equal(f.Results[v].Costs!.Total.Mean / 1e6, s.Y[0], 9);
            Assert.Equal(f.Results[v].DelayedDaysPerYear.Lower!.Value, s.XInterval!.Value.Low, 9);
            Assert.Equal(f.Results[v].Costs!.Total.Upper!.Value / 1e6, s.High![0], 9);
        }
    }

    [Fact]
    public void Savings_and_pooled_fund_charts_show_the_plan_and_the_funds_result()
    {
        var savings = ChartBuilder.Budgets(f.Results[0])!;
        Assert.Equal([1.0, 0.4, 0.6], savings.Series.Select(s => s.Y[0]));
        var pool = ChartBuilder.Pool(f.Results[0])!;
        var costs = f.Results[0].Costs!;
        Assert.Equal(costs.PoolContributions!.Mean / 1e6, pool.Series[0].Y[0], 12);
        Assert.Equal(costs.PoolSpend!.Mean / 1e6, pool.Series[0].Y[1], 12);
        Assert.Equal(costs.PoolResult!.Mean / 1e6, pool.Series[0].Y[2], 12);
        Assert.Equal(costs.PoolResult.Mean / 1e6, pool.Series[0].Y[3] + pool.Series[0].Y[4], 9); // the shares add up to the result
    }

    [Fact]
    public void Every_chart_renders_to_svg_naming_every_series()
    {
        foreach (var chart in ChartBuilder.All(f.Results, 2))
        {
            string svg = SvgRenderer.Render(chart);
            Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
            foreach (var s in chart.Series)
            {
                Assert.Contains(System.Security.SecurityElement.Escape(s.Name), svg, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_report_is_self_contained_and_highlights_the_best_option_and_the_assumptions()
    {
        string html = f.Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        // Ids are page-wide: each chart's clip paths are its own.
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ChartBuilder.All(f.Results, 2).Count, CountOf(html, "<figure "));
        Assert.Equal(CountOf(html, "<figure "), CountOf(html, "<svg "));
        Assert.Contains("What the numbers rest on", html, StringComparison.Ordinal);
        Assert.Contains("seed 5", html, StringComparison.Ordinal);
        Assert.Contains("Bedflow test", html, StringComparison.Ordinal);
        Assert.Contains("target 2", html, StringComparison.Ordinal);
        var verdict = Core.Finance.Verdict.Of([.. f.Results.Skip(1).Select(r => r.VersusBaseline!)], 3);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(verdict.Statement), html, StringComparison.Ordinal);
        if (verdict.Best is { } best)
        {
            Assert.Contains($"<tr class=\"best\"><th scope=\"row\">{best} <span class=\"tag\">best option</span>", html, StringComparison.Ordinal);
        }
        Assert.Contains(SitRep.Describe(DelayReason.C), html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
