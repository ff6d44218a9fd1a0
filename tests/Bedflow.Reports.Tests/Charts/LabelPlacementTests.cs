using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests.Charts;

/// <summary>Point names placed so that none covers another, a marker or the plot's edge — on points built to collide, and on a drawn chart.</summary>
public class LabelPlacementTests
{
    private static readonly Box Area = new(60, 40, 800, 300);

    [Fact]
    public void Names_of_points_almost_on_top_of_each_other_do_not_overlap_and_stay_inside_the_plot()
    {
        // Five long names within a few pixels of each other, as the step-up options fall on the frontier chart.
        PointLabel[] labels = [.. Enumerable.Range(0, 5).Select(k => new PointLabel(300 + (k * 4), 250 + (k * 3), 110, 12))];
        var placed = LabelPlacement.Place(labels, Area, 6);
        AssertApart(placed.Select(p => p.Box).ToList());
        Assert.All(placed, p => Assert.True(p.Box.Inside(Area), $"{p.Box} leaves the plot"));
        // Each name clears every marker, its own included.
        foreach (var p in placed)
        {
            Assert.All(labels, l => Assert.False(p.Box.Overlaps(new Box(l.X - 6, l.Y - 6, 12, 12)), $"{p.Box} covers the point at ({l.X}, {l.Y})"));
        }
        // Those moved away from their points are joined to them.
        Assert.Contains(placed, p => p.Leader);
    }

    [Fact]
    public void A_name_at_the_top_or_right_edge_is_placed_inside_the_plot_not_clipped()
    {
        PointLabel[] labels = [new(850, 42, 120, 12), new(70, 338, 120, 12)];
        var placed = LabelPlacement.Place(labels, Area, 6);
        Assert.All(placed, p => Assert.True(p.Box.Inside(Area), $"{p.Box} leaves the plot"));
        // A lone name stays right beside its point: no leader line.
        Assert.All(placed, p => Assert.False(p.Leader));
    }

    [Fact]
    public void The_cost_against_delays_chart_draws_crowded_option_names_apart_and_inside_its_axes()
    {
        // The Oxfordshire shape: four options about (-65,000, -17) within a few thousand days and
        // £0.5m of each other, one near the top edge, the baseline at (0, 0).
        var series = new List<Series> { new("baseline", [0.0], [0.0]) { Mark = PointMark.Reference, Labelled = true } };
        (string Name, double X, double Y)[] points =
        [
            ("step_up_beds[5%]", -57_261, -16.0), ("step_up_beds[10%]", -61_260, -16.5), ("step_up_beds[15%]", -66_746, -17.2),
            ("step_up_beds[20%]", -71_374, -17.7), ("pilot_all_year", 12_173, 2.6), ("pilot_stopped", -10_167, -2.5),
        ];
        series.AddRange(points.Select(p => new Series(p.Name, [p.X], [p.Y]) { Mark = PointMark.Hollow, Labelled = true, Legend = "Not acceptable" }));
        var chart = new ChartSpec("crowded", "Extra cost against delayed days avoided", "", "Delayed days avoided a year", "Extra cost a year (£ million)", ChartKind.Points, series);
        var plot = SvgRenderer.Build(chart, 900, 420, out var labels);
        Assert.Equal(series.Select(s => s.Name).Order(), labels.Select(l => l.Name).Order());
        AssertApart([.. labels.Select(l => l.Label.Box)]);
        plot.GetSvgXml(900, 420);
        var data = plot.RenderManager.LastRender.DataRect;
        Assert.All(labels, l => Assert.True(l.Label.Box.Inside(new Box(data.Left, data.Top, data.Width, data.Height)), $"{l.Name} at {l.Label.Box} leaves the axes {data}"));
        // Drawn where placed: each name's text is in the SVG.
        string svg = SvgRenderer.Render(chart);
        Assert.All(points, p => Assert.Contains(p.Name, svg, StringComparison.Ordinal));
    }

    private static void AssertApart(List<Box> boxes)
    {
        for (int a = 0; a < boxes.Count; a++)
        {
            for (int b = a + 1; b < boxes.Count; b++)
            {
                Assert.False(boxes[a].Overlaps(boxes[b]), $"names overlap: {boxes[a]} and {boxes[b]}");
            }
        }
    }
}
