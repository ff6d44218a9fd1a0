using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests.Charts;

/// <summary>The cost-against-delays chart on its data: paired differences from the baseline, and the frontier of acceptable, undominated options.</summary>
public class FrontierChartTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    private const double Years = 120 / 365.25; // the fixture reports 120 days

    [Fact]
    public void Each_option_is_drawn_at_its_paired_delayed_days_avoided_and_extra_cost_a_year_with_both_intervals()
    {
        var chart = ChartBuilder.Frontier(f.Results[0].Name, f.Decision);
        var baseline = f.Results[0];
        Assert.Equal(ChartKind.Points, chart.Kind);
        Assert.Equal([.. f.Results.Select(r => r.Name), "Frontier"], chart.Series.Select(s => s.Name));
        Assert.Equal((0.0, 0.0, PointMark.Reference), (chart.Series[0].X[0], chart.Series[0].Y[0], chart.Series[0].Mark));
        for (int v = 1; v < f.Results.Count; v++)
        {
            var r = f.Results[v];
            var s = chart.Series[v];
            // Paired means are the differences of the means; the intervals are the paired comparison's.
            Assert.Equal(baseline.DelayedDaysPerYear.Mean - r.DelayedDaysPerYear.Mean, s.X[0], 6);
            Assert.Equal((r.Costs!.Total.Mean - baseline.Costs!.Total.Mean) / Years / 1e6, s.Y[0], 6);
            var c = r.VersusBaseline!;
            Assert.Equal(c.DelayedDaysAvoided.Lower!.Value, s.XInterval!.Value.Low, 6);
            Assert.Equal(c.DelayedDaysAvoided.Upper!.Value, s.XInterval!.Value.High, 6);
            Assert.Equal(c.TotalCost.Lower!.Value / Years / 1e6, s.Low![0], 6);
            Assert.Equal(c.TotalCost.Upper!.Value / Years / 1e6, s.High![0], 6);
            Assert.True(s.Labelled);
            Assert.Equal(f.Decision.For(r.Name)!.Acceptable ? PointMark.Filled : PointMark.Hollow, s.Mark);
        }
        // more_ic (the best option) is acceptable and on the frontier, from the baseline.
        var line = chart.Series[^1];
        Assert.Equal(PointMark.Line, line.Mark);
        Assert.Equal((0.0, 0.0), (line.X[0], line.Y[0]));
        Assert.Contains(chart.Series[2].X[0], line.X);
        Assert.Contains("more_ic", ChartBuilder.FrontierOf(f.Decision).Select(a => a.Variant));
    }

    [Fact]
    public void The_frontier_joins_the_baseline_and_the_acceptable_undominated_options_by_delayed_days_avoided()
    {
        // far: avoids the most at a price; near: avoids fewer, cheaply; dear: as near but dearer
        // (dominated by near); harmful: avoids most of all but treats fewer patients (not acceptable).
        var decision = Decision.Judge(
            [Option("far", 3000, 900_000), Option("harmful", 5000, -500_000, HarmMeasure.ElectiveAdmissions, -4000), Option("near", 1000, 100_000), Option("dear", 1000, 600_000)],
            DecisionRules.Default, 10, priced: true);
        Assert.Equal(["near", "far"], ChartBuilder.FrontierOf(decision).Select(a => a.Variant));
        var chart = ChartBuilder.Frontier("baseline", decision);
        var line = chart.Series[^1];
        // The noise's mean over ten replications is small, not nought: within 1% of delays, £0.01m of cost.
        Assert.Equal([0.0, 1000, 3000], line.X.Select(x => Math.Round(x / 100) * 100));
        Assert.Equal([0.0, 0.1, 0.9], line.Y.Select(y => Math.Round(y, 2)));
        var marks = chart.Series.Take(chart.Series.Count - 1).ToDictionary(s => s.Name, s => s.Mark);
        Assert.Equal(PointMark.Reference, marks["baseline"]);
        Assert.Equal(PointMark.Hollow, marks["harmful"]);
        Assert.Equal(PointMark.Filled, marks["dear"]); // acceptable, drawn filled, but off the frontier
        Assert.Equal(PointMark.Filled, marks["far"]);
        string svg = SvgRenderer.Render(chart);
        Assert.All(["baseline", "far", "harmful", "near", "dear", "Frontier: acceptable, undominated", "Not acceptable (or unstable)"],
            name => Assert.Contains(name, svg, StringComparison.Ordinal));
    }

    // Ten replications about the given means (spread 1% of delays, 10% of cost), no harm unless one is named.
    private static OptionEvidence Option(string name, double avoided, double cost, HarmMeasure? harm = null, double change = 0)
    {
        double[] Around(double mean, double spread) => [.. Enumerable.Range(0, 10).Select(i => mean + (spread * (i % 2 == 0 ? 1 : -1) * (1 + (i % 3 * 0.5))))];
        return new(name, Around(avoided, avoided / 100), Around(cost, 10_000),
            Enum.GetValues<HarmMeasure>().ToDictionary(m => m, m => Around(m == harm ? change : 0, 0.01)),
            Enum.GetValues<HarmMeasure>().ToDictionary(m => m, _ => 10.0), [], 0, []);
    }
}
