using System.Text.RegularExpressions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;
using Bedflow.Reports.Charts;
using Bedflow.Reports.Tests.Workbook;

namespace Bedflow.Reports.Tests;

/// <summary>
/// The optimisation pages, their charts and report.xlsx, from a constructed search result whose
/// numbers are known: estimates of three replications, so that each interval is mean ± t(2) × sd / √3
/// with t(2; 97.5%) = 4.302652729749464 — e.g. {900, 1000, 1100}: 1,000 (752 to 1,248).
/// </summary>
public class OptimiseReportTests
{
    private const double T2 = 4.302652729749464;

    private static readonly Scenario Scenario = ScenarioFile.Parse("""
        name: Two levers
        description: Two services downstream of an ample acute ward.
        start: 2016-04-01
        warmup: 100d
        horizon: 1y
        replications: 3
        seed: 11
        services:
          acute: {kind: acute, capacity: 2000, length_of_stay: {exponential: {mean: 1d}}}
          intermediate_care: {kind: intermediate_care, capacity: 4, length_of_stay: {exponential: {mean: 3d}}}
          reablement: {kind: reablement, capacity: 4, length_of_stay: {exponential: {mean: 3d}}}
        arrivals:
          ed: {service: acute, rate: 2/d}
        routing:
          acute: {intermediate_care: 0.5, reablement: 0.5}
          intermediate_care: {home: 1}
          reablement: {home: 1}
        optimise:
          levers:
            more_ic: {service: intermediate_care, max: 20, cost: £100k}
            more_reab: {service: reablement, max: 20, cost: £25k}
          budgets: [£1m, £2m]
          delayed_day_price: £300
        """, "two-levers.yaml").Scenario!;

    private static Estimate Of(params double[] values) => Estimate.Of(values);

    private static Allocation A(int ic, int reab) => new([ic, reab]);

    /// <summary>The search result: start 3,000 delayed days; £1m buys +8 reablement (…); £2m buys +10 IC and +4 reablement.</summary>
    internal static OptimiseResult Result(bool priced = true)
    {
        var levers = new[]
        {
            new Lever("more_ic", "intermediate_care", 1, 0, 20, Money.FromPounds(100_000), Commissioner.Nhs),
            new Lever("more_reab", "reablement", 1, 0, 20, Money.FromPounds(25_000), Commissioner.Pooled),
        };
        var harms = new Dictionary<HarmMeasure, Estimate>
        {
            [HarmMeasure.WaitingForAcuteBed] = Of(-0.1, 0.1, -0.05), // mean -0.0167: written 0.0, never -0.0
            [HarmMeasure.ElectiveAdmissions] = Of(10, 20, 30),
        };
        var one = new FrontierPoint(Money.FromPounds(1_000_000), A(5, 8), Money.FromPounds(700_000), Of(2_400, 2_500, 2_600), Of(400, 500, 600),
            priced ? Of(1_400_000, 1_450_000, 1_500_000) : null, [A(4, 12), A(6, 4)], A(3, 16), 12,
            [new MarginalValue("more_ic", Of(0.1, 0.2, 0.3)), new MarginalValue("more_reab", Of(-0.002, 0.001, -0.001))], harms);
        var two = new FrontierPoint(Money.FromPounds(2_000_000), A(10, 4), Money.FromPounds(1_100_000), Of(1_900, 2_000, 2_100), Of(900, 1_000, 1_100),
            priced ? Of(1_600_000, 1_700_000, 1_800_000) : null, [], A(9, 8), 6,
            [new MarginalValue("more_ic", Of(0.04, 0.05, 0.06)), new MarginalValue("more_reab", Of(0.1, 0.2, 0.3))], harms);
        return new OptimiseResult
        {
            Levers = levers,
            Goal = OptimiseGoal.DelayedDays,
            Start = A(0, 0),
            StartDelayedDays = Of(2_900, 3_000, 3_100),
            Frontier = [one, two],
            Marginal = [new MarginalValue("more_ic", Of(1, 2, 3)), new MarginalValue("more_reab", Of(4, 5, 6))],
            EconomicallyEssential = priced ? one : null,
            Indifference = 30,
            Confidence = 0.95,
            FirstStage = 3,
            Candidates = 41,
            ReplicationsSimulated = 1_234,
        };
    }

    private static string Html(bool priced = true) => OptimiseReport.Html(Scenario, Result(priced), "9.9.9");

    // The words a reader sees: without the stylesheet, the charts' SVG and the tags.
    private static string Text(string html)
    {
        string body = Regex.Replace(html, "<style>.*?</style>|<svg.*?</svg>", " ", RegexOptions.Singleline);
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(body, "<[^>]+>", " "), "\\s+", " "));
    }

    [Fact]
    public void Each_budget_has_a_headline_sentence_with_its_allocation_and_services_and_the_delayed_days_it_avoids_with_their_interval()
    {
        string text = Text(Html());
        double h = T2 * 100 / Math.Sqrt(3); // 248.4
        Assert.Equal("752", (500 + 500 - h).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("With £2,000,000 a year: add 10 to intermediate_care (more_ic) and add 4 to reablement (more_reab), spending £1,100,000 — avoids 1,000 delayed days a year (95% CI 752 to 1,248) against spending nothing more.", text, StringComparison.Ordinal);
        Assert.Contains("With £1,000,000 a year: add 5 to intermediate_care (more_ic) and add 8 to reablement (more_reab), spending £700,000 — avoids 500 delayed days a year (95% CI 252 to 748) against spending nothing more.", text, StringComparison.Ordinal);
        Assert.Contains("The start (nothing more spent) has 3,000 (95% CI 2,752 to 3,248) delayed days a year.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_budget_shows_its_allocation_lever_by_lever_its_figures_and_harms_with_intervals_and_what_it_cannot_be_told_apart_from()
    {
        string html = Html();
        string text = Text(html);
        // Lever, service, amount added, its cost a year.
        Assert.Contains("more_ic intermediate_care +10 £1,000,000", text, StringComparison.Ordinal);
        Assert.Contains("more_reab reablement +4 £100,000", text, StringComparison.Ordinal);
        Assert.Contains("Spend £1,100,000 of £2,000,000", text, StringComparison.Ordinal);
        Assert.Contains("Delayed days a year 2,000 1,752 to 2,248", text, StringComparison.Ordinal);
        Assert.Contains("Total system cost a year £1,700,000 £1,451,586 to £1,948,414", text, StringComparison.Ordinal);
        Assert.Contains("Harms: the change from the start (paired) Elective patients admitted (a year) +20 -4.8 to +45 Patients waiting for an acute bed (at midnight) 0.0 -0.3 to +0.2", text, StringComparison.Ordinal);
        Assert.Contains("Cannot be told apart from it at 12 replications; treat as equally good: +4 intermediate_care (more_ic), +12 reablement (more_reab); +6 intermediate_care (more_ic), +4 reablement (more_reab).", text, StringComparison.Ordinal);
        Assert.Contains("Told apart from the runner-up (+3 intermediate_care (more_ic), +16 reablement (more_reab)) at 95% confidence.", text, StringComparison.Ordinal);
        Assert.Contains("Told apart from the runner-up (+9 intermediate_care (more_ic), +8 reablement (more_reab))", text, StringComparison.Ordinal);
        Assert.Contains("The economically essential allocation", text, StringComparison.Ordinal);
        Assert.Contains("at £300 a delayed day", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_marginal_values_are_ranked_by_their_value_at_the_start_with_each_cells_rank_in_its_column()
    {
        string html = Html();
        var table = Regex.Match(html, "<h2>Where the next pound frees most beds</h2>.*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(table, "<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", RegexOptions.Singleline);
        // more_reab avoids 5 a £1,000 at the start, more_ic 2: more_reab first.
        Assert.Equal(["more_reab (reablement)", "more_ic (intermediate_care)"], rows.Select(r => r.Groups[1].Value));
        string reab = Text(rows[0].Groups[2].Value), ic = Text(rows[1].Groups[2].Value);
        // At the start; at the best within £1m (more_reab's -0.000667 is 0.00, not -0.00); within £2m; at the economically essential (£1m's).
        Assert.Equal(" 5.00 2.52 to 7.48 1st 0.00 0.00 to 0.00 2nd 0.20 -0.05 to 0.45 1st 0.00 0.00 to 0.00 2nd ", reab);
        Assert.Equal(" 2.00 -0.48 to 4.48 2nd 0.20 -0.05 to 0.45 1st 0.05 0.03 to 0.07 2nd 0.20 -0.05 to 0.45 1st ", ic);
    }

    [Fact]
    public void No_figure_is_written_minus_zero_and_the_method_and_settings_are_stated()
    {
        string text = Text(Html());
        Assert.DoesNotMatch(new Regex("-[0.,]+(?![0-9.,]*[1-9])"), text);
        Assert.Contains("Kim and Nelson", text, StringComparison.Ordinal);
        Assert.Contains("Probability of correct selection aimed at 95%", text, StringComparison.Ordinal);
        Assert.Contains("Indifference zone 30 delayed days a year", text, StringComparison.Ordinal);
        Assert.Contains("First-stage replications of every allocation 3", text, StringComparison.Ordinal);
        Assert.Contains("Allocations simulated (candidates) 41", text, StringComparison.Ordinal);
        Assert.Contains("Replications simulated in all 1,234", text, StringComparison.Ordinal);
        Assert.Contains("Period simulated: 1 Apr 2016 for 365 days", text, StringComparison.Ordinal);
        Assert.Contains("Lever more_reab reablement: 0 to +20 in steps of 1, £25,000 a unit a year, paid by pooled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_frontier_chart_draws_each_budget_against_the_delayed_days_its_best_allocation_avoids_with_its_interval_and_marks_the_economically_essential_point()
    {
        var chart = OptimiseCharts.Frontier(Result());
        Assert.Equal(ChartKind.Points, chart.Kind);
        Assert.Equal("Budget a year (£ million)", chart.XLabel);
        var start = chart.Series[0];
        Assert.Equal((0.0, 0.0, PointMark.Reference), (start.X[0], start.Y[0], start.Mark));
        var points = chart.Series.Where(s => s.Legend == "Best allocation within the budget").ToList();
        Assert.Equal([1.0, 2.0], points.Select(s => s.X[0]));
        Assert.Equal([500.0, 1_000.0], points.Select(s => s.Y[0]));
        Assert.Equal(1_000 - (T2 * 100 / Math.Sqrt(3)), points[1].Low![0], 9);
        Assert.Equal(1_000 + (T2 * 100 / Math.Sqrt(3)), points[1].High![0], 9);
        var line = chart.Series.Single(s => s.Mark == PointMark.Line);
        Assert.Equal([0.0, 1.0, 2.0], line.X);
        Assert.Equal([0.0, 500.0, 1_000.0], line.Y);
        // The economically essential point: at what it spends (£700,000), named beside it.
        var essential = chart.Series.Single(s => s.Name == OptimiseCharts.EssentialLabel);
        Assert.True(essential.Labelled);
        Assert.Equal((0.7, 500.0), (essential.X[0], essential.Y[0]));
        Assert.Contains("<svg", SvgRenderer.Render(chart), StringComparison.Ordinal);
    }

    [Fact]
    public void The_total_cost_chart_draws_each_budgets_total_system_cost_in_millions_and_is_left_out_when_a_delayed_day_has_no_price()
    {
        var chart = OptimiseCharts.TotalCost(Result())!;
        Assert.Equal("Total system cost a year (£ million)", chart.YLabel);
        var points = chart.Series.Where(s => s.Legend == "Best allocation within the budget").ToList();
        Assert.Equal([1.45, 1.7], points.Select(s => Math.Round(s.Y[0], 9)));
        Assert.Equal(1.7 - (T2 * 0.1 / Math.Sqrt(3)), points[1].Low![0], 9);
        Assert.Equal((0.7, 1.45), (chart.Series[^1].X[0], Math.Round(chart.Series[^1].Y[0], 9)));
        Assert.Null(OptimiseCharts.TotalCost(Result(priced: false)));
        string html = Html(priced: false);
        Assert.Single(Regex.Matches(html, "<figure "));
        Assert.DoesNotContain("economically essential allocation</h2>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not priced", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_has_a_frontier_sheet_with_each_budgets_numbers_in_numeric_columns_and_a_marginal_sheet_ranked()
    {
        using var stream = new MemoryStream();
        Reports.Workbook.OptimiseWorkbook.Write(stream, Scenario.Name, Result());
        var book = new WorkbookReader(stream.ToArray());
        Assert.Equal(["Frontier", "Marginal"], book.SheetNames);
        const string f = "Frontier";
        double h = T2 * 100 / Math.Sqrt(3);
        Assert.Equal(2_000_000, book.Number(f, $"{book.Column(f, "Budget a year (£)")}3"));
        Assert.Equal(1_100_000, book.Number(f, $"{book.Column(f, "Spend a year (£)")}3"));
        Assert.Equal(10, book.Number(f, $"{book.Column(f, "more_ic: added to intermediate_care")}3"));
        Assert.Equal(4, book.Number(f, $"{book.Column(f, "more_reab: added to reablement")}3"));
        Assert.Equal(1_000, book.Number(f, $"{book.Column(f, "Delayed days avoided a year (against the start)")}3")!.Value, 9);
        Assert.Equal(1_000 - h, book.Number(f, $"{book.Column(f, "Delayed days avoided a year (against the start): 95% CI from")}3")!.Value, 9);
        Assert.Equal(1_000 + h, book.Number(f, $"{book.Column(f, "Delayed days avoided a year (against the start): 95% CI to")}3")!.Value, 9);
        Assert.Equal(1_700_000 - (1_000 * h), book.Number(f, $"{book.Column(f, "Total system cost a year (£): 95% CI from")}3")!.Value, 6);
        Assert.Equal("\"£\"#,##0;\\-\"£\"#,##0", book.Format(f, $"{book.Column(f, "Total system cost a year (£)")}3"));
        Assert.Equal("+9 intermediate_care (more_ic), +8 reablement (more_reab)", book.Text(f, $"{book.Column(f, "Runner-up told apart from")}3"));
        Assert.Equal("+4 intermediate_care (more_ic), +12 reablement (more_reab); +6 intermediate_care (more_ic), +4 reablement (more_reab)",
            book.Text(f, $"{book.Column(f, "Cannot be told apart from (treat as equally good)")}2"));
        Assert.Equal("Economically essential (least total system cost)", book.Text(f, "A4"));
        Assert.Equal(20, book.Number(f, $"{book.Column(f, "Elective patients admitted (a year): change from the start")}2")!.Value, 9);

        const string m = "Marginal";
        // At the start first, levers ranked: more_reab (5 a £1,000) then more_ic (2).
        Assert.Equal(("At the start", "more_reab", "reablement"), (book.Text(m, "A2"), book.Text(m, "B2"), book.Text(m, "C2")));
        Assert.Equal(5, book.Number(m, "D2")!.Value, 9);
        Assert.Equal(5 - h / 100, book.Number(m, "E2")!.Value, 9);
        Assert.Equal(1, book.Number(m, "G2"));
        Assert.Equal(("more_ic", 2.0, 2.0), (book.Text(m, "B3"), book.Number(m, "D3")!.Value, book.Number(m, "G3")!.Value));
        Assert.Equal("#,##0.00", book.Format(m, "D2"));
        Assert.Equal("At the best within £2,000,000", book.Text(m, "A6"));
        Assert.Equal(1, book.Number(m, "G6"));
    }
}
