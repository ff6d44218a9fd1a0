using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Charts;
using Bedflow.Reports.Wording;

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
        // Three replications: mean ± t(0.975, 2) × sd / √3, with t from the tables, cut at 0 below.
        const double t2 = 4.302652729749464;
        for (int v = 0; v < f.Results.Count; v++)
        {
            var figures = f.Results[v].Run.Delays!.Replications;
            Assert.Equal(3, figures.Count);
            var s = chart.Series[v];
            Assert.Equal(120, s.Y.Count);
            for (int d = 0; d < 120; d++)
            {
                var day = new DateOnly(2016, 4, 1).AddDays(d); // the scenario's start
                double a = figures[0].DelayedOn(day), b = figures[1].DelayedOn(day), c = figures[2].DelayedOn(day);
                double mean = (a + b + c) / 3;
                double sd = Math.Sqrt((((a - mean) * (a - mean)) + ((b - mean) * (b - mean)) + ((c - mean) * (c - mean))) / 2);
                double halfWidth = t2 * sd / Math.Sqrt(3);
                Assert.Equal(mean, s.Y[d], 9);
                Assert.Equal(Math.Max(0, mean - halfWidth), s.Low![d], 9); // a count's band stops at 0
                Assert.Equal(mean + halfWidth, s.High![d], 9);
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
        Assert.Equal(baseline.Run.Service(ServiceId.Of("intermediate_care")).Daily!.Occupied, ic.Series[0].Y);
        // The pilot's two beds in June and July show on the capacity line.
        Assert.Equal(4, ic.Series[2].Y[30]);
        Assert.Equal(6, ic.Series[2].Y[70]);
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
        foreach (var chart in ChartBuilder.All(f.Results, f.Decision, 2))
        {
            string svg = SvgRenderer.Render(chart);
            Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
            // Scales to the page instead of being cropped by it, inside the frame the print test looks for.
            Assert.Contains("viewBox=\"0 0 900 420\"", svg, StringComparison.Ordinal);
            Assert.Contains($"stroke=\"{SvgRenderer.FrameColour}\"", svg, StringComparison.Ordinal);
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
        Assert.Equal(ChartBuilder.All(f.Results, f.Decision, 2).Count, CountOf(html, "<figure "));
        Assert.Equal(CountOf(html, "<figure "), CountOf(html, "<svg "));
        Assert.Contains("What the numbers rest on", html, StringComparison.Ordinal);
        Assert.Contains("seed 5", html, StringComparison.Ordinal);
        Assert.Contains("Bedflow test", html, StringComparison.Ordinal);
        Assert.Contains("target 2", html, StringComparison.Ordinal);
        // Intermediate care is the short service (about 6.4 places needed, 4 there; reablement has
        // room): doubling it clearly avoids delays, dropping the pilot adds them. more_ic is the best option.
        Assert.Contains("Best option: more_ic, which avoids ", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"best\"><th scope=\"row\">more_ic <span class=\"tag\">best option</span>", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "<tr class=\"best\">"));
        Assert.Contains("Awaiting further non-acute NHS care", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_board_pack_states_the_verdict_in_the_words_every_face_uses()
    {
        var verdict = Core.Decisions.Decision.Of(f.Results, f.Scenario.Decision).Verdict;
        Assert.Equal(VerdictKind.Recommended, verdict.Kind);
        Assert.Contains($"<p class=\"verdict\">{System.Net.WebUtility.HtmlEncode(VerdictWording.Statement(verdict))}</p>", f.Html, StringComparison.Ordinal);
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
