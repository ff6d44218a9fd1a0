using System.Globalization;
using ScottPlot;

namespace Bedflow.Reports.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as SVG with ScottPlot. Colours are the Okabe–Ito palette
/// (distinguishable with the common colour-vision deficiencies) and every line also has its own
/// dash pattern, so series stay apart in greyscale print. The SVG scales to the width it is given
/// (it has a <c>viewBox</c>: without one a browser crops the drawing instead of shrinking it to an
/// A4 page), and a thin frame in <see cref="FrameColour"/> marks its edges, so that a printed page
/// shows, and a test can check, that nothing of the chart was cut off.
/// </summary>
public static class SvgRenderer
{
    /// <summary>The colour of the thin frame drawn along the chart's outer edges (a muted blue-grey used nowhere else in a chart).</summary>
    public const string FrameColour = "#7F9DBF";

    // Okabe–Ito first (yellow last: too pale for points and thin lines on white), then Tol's muted wine and teal.
    private static readonly Color[] Palette = Color.FromHex(["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255", "#44AA99", "#999999", "#F0E442"]);

    private const string MeasuredFont = "DejaVu Sans";

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>The chart as an SVG document (width × height pixels).</summary>
    public static string Render(ChartSpec chart, int width = 900, int height = 420) => Framed(Build(chart, width, height).GetSvgXml(width, height), width, height);

    /// <summary>The chart as a ScottPlot plot for a drawing of width × height pixels, its axes set (the reference line, e.g. a target, always inside them).</summary>
    internal static Plot Build(ChartSpec chart, int width = 900, int height = 420) => Build(chart, width, height, out _);

    /// <summary>As <see cref="Build(ChartSpec, int, int)"/>, with where each point's name went (pixels; empty when no point is named).</summary>
    internal static Plot Build(ChartSpec chart, int width, int height, out IReadOnlyList<(string Name, PlacedLabel Label)> labels)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        plot.Title(chart.Title, size: 16);
        plot.Axes.Bottom.Label.Text = chart.XLabel;
        plot.Axes.Left.Label.Text = chart.YLabel;
        switch (chart.Kind)
        {
            case ChartKind.Lines:
                Lines(plot, chart);
                break;
            case ChartKind.StackedBars:
                Stacked(plot, chart);
                break;
            case ChartKind.Bars:
                Grouped(plot, chart);
                break;
            case ChartKind.Points:
                Points(plot, chart);
                break;
        }
        labels = [];
        if (chart.Reference is { } reference)
        {
            var line = plot.Add.HorizontalLine(reference.Value);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
            line.LegendText = reference.Label;
        }
        plot.ShowLegend(LegendBelow(chart) ? Edge.Bottom : Edge.Right);
        // Set last: it styles the title, axes and legend already added. Measured with DejaVu Sans (a
        // wide face, so narrower fallbacks still fit); ScottPlot's own "sans" detection picks a serif here.
        plot.Font.Set(MeasuredFont);
        if (chart.Reference is { } target)
        {
            plot.Axes.AutoScale();
            var limits = plot.Axes.GetLimits();
            if (target.Value < limits.Bottom || target.Value > limits.Top)
            {
                double bottom = Math.Min(limits.Bottom, target.Value), top = Math.Max(limits.Top, target.Value);
                double pad = (top - bottom) * 0.05;
                plot.Axes.SetLimitsY(bottom - pad, top + pad);
            }
        }
        if (chart.Kind == ChartKind.Points)
        {
            labels = Labels(plot, chart, width, height);
        }
        return plot;
    }

    /// <summary>The longest legend entry (characters) that still goes beside the plot rather than below it.</summary>
    internal const int LongestLegendBeside = 36;

    // Points are named beside them: the width goes to the plot, the legend (what the marks mean)
    // below it. Long entries (the SitRep reasons) also go below: beside the plot they take half the
    // width, and a year of months then no longer fits under the bars, nor a long title over them.
    private static bool LegendBelow(ChartSpec chart) =>
        chart.Kind == ChartKind.Points || chart.Series.Any(s => (s.Legend ?? s.Name).Length > LongestLegendBeside);

    private static Color ColourOf(Series series, int index) => series.Colour is { } hex ? Color.FromHex(hex) : Palette[index % Palette.Length];

    // The drawing's own coordinates as its viewBox, so that it shrinks to fit; the frame lies wholly
    // inside them (a 2-unit stroke centred 1 unit in from each edge).
    private static string Framed(string svg, int width, int height)
    {
        svg = svg.Replace($"font-family=\"{MeasuredFont}\"", $"font-family=\"{MeasuredFont}, 'Liberation Sans', Arial, sans-serif\"", StringComparison.Ordinal);
        string size = string.Create(CultureInfo.InvariantCulture, $"width=\"{width}\" height=\"{height}\"");
        int open = svg.IndexOf("<svg", StringComparison.Ordinal);
        int at = open < 0 ? -1 : svg.IndexOf(size, open, StringComparison.Ordinal);
        int close = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        if (open < 0 || at < 0 || close < 0)
        {
            throw new InvalidOperationException("ScottPlot's SVG no longer starts with <svg … width=… height=…>: the viewBox cannot be set.");
        }
        string frame = string.Create(CultureInfo.InvariantCulture,
            $"<rect x=\"1\" y=\"1\" width=\"{width - 2}\" height=\"{height - 2}\" fill=\"none\" stroke=\"{FrameColour}\" stroke-width=\"2\" />\n");
        return svg[..at] + $"viewBox=\"0 0 {width} {height}\" " + svg[at..close] + frame + svg[close..];
    }

    private static void Lines(Plot plot, ChartSpec chart)
    {
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var s = chart.Series[i];
            double[] xs = chart.Start is { } start
                ? [.. s.X.Select(x => start.ToDateTime(TimeOnly.MinValue).AddDays(x).ToOADate())]
                : [.. s.X];
            var color = ColourOf(s, i);
            if (s.Low is { } low && s.High is { } high)
            {
                var band = plot.Add.FillY(xs, [.. low], [.. high]);
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, [.. s.Y]);
            line.LegendText = s.Name;
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LinePattern = Patterns[i % Patterns.Length];
        }
        if (chart.Start is not null && plot.Axes.DateTimeTicksBottom().TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = date => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture); // UK form: 1 Apr 2016
        }
    }

    private static void Stacked(Plot plot, ChartSpec chart)
    {
        int n = chart.Categories.Count;
        var bottoms = new double[n];
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var s = chart.Series[i];
            var color = ColourOf(s, i);
            var bars = new List<Bar>();
            for (int k = 0; k < n; k++)
            {
                bars.Add(new Bar { Position = k, ValueBase = bottoms[k], Value = bottoms[k] + s.Y[k], FillColor = color, Size = 0.8 });
                bottoms[k] += s.Y[k];
            }
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = s.Name;
        }
        Categories(plot, chart);
    }

    private static void Grouped(Plot plot, ChartSpec chart)
    {
        int m = chart.Series.Count;
        double width = 0.8 / m;
        for (int i = 0; i < m; i++)
        {
            var s = chart.Series[i];
            var color = ColourOf(s, i);
            var bars = new List<Bar>();
            for (int k = 0; k < s.Y.Count; k++)
            {
                double position = k - 0.4 + (width * (i + 0.5));
                var bar = new Bar { Position = position, Value = s.Y[k], FillColor = color, Size = width * 0.95 };
                if (s.Low is { } low && s.High is { } high)
                {
                    bar.Error = (high[k] - low[k]) / 2;
                }
                bars.Add(bar);
            }
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = s.Name;
        }
        Categories(plot, chart);
    }

    private static readonly Color Grey = Color.FromHex("#8C8C8C");

    private static void Points(Plot plot, ChartSpec chart)
    {
        MarkerShape[] shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond, MarkerShape.Cross];
        var shown = new HashSet<string>();
        // Each legend entry once; a series without one of its own stands for itself.
        string Entry(Series s) => shown.Add(s.Legend ?? s.Name) ? s.Legend ?? s.Name : "";
        // Zero both ways: the quadrants against the point the others are measured from.
        if (chart.Series.Any(s => s.Mark == PointMark.Reference))
        {
            foreach (ScottPlot.Plottables.AxisLine axis in new ScottPlot.Plottables.AxisLine[] { plot.Add.VerticalLine(0), plot.Add.HorizontalLine(0) })
            {
                axis.Color = Colors.Black.WithAlpha(0.35);
                axis.LineWidth = 1;
            }
        }
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var s = chart.Series[i];
            var color = s.Mark switch { PointMark.Hollow => Grey, PointMark.Reference => Colors.Black, _ => ColourOf(s, i) };
            if (s.Mark == PointMark.Line)
            {
                var line = plot.Add.Scatter(s.X.ToArray(), s.Y.ToArray());
                line.Color = color;
                line.LineWidth = 2.5f;
                line.MarkerSize = 0;
                line.LegendText = Entry(s);
                continue;
            }
            double x = s.X[0], y = s.Y[0];
            if (s.XInterval is { } xi)
            {
                var h = plot.Add.Line(xi.Low, y, xi.High, y);
                h.Color = color;
                h.LineWidth = 1.5f;
            }
            if (s.Low is { } low && s.High is { } high)
            {
                var v = plot.Add.Line(x, low[0], x, high[0]);
                v.Color = color;
                v.LineWidth = 1.5f;
            }
            var marker = plot.Add.Marker(x, y);
            marker.Color = color;
            marker.Shape = s.Mark switch
            {
                PointMark.Hollow => MarkerShape.OpenCircle,
                PointMark.Reference => MarkerShape.FilledSquare,
                _ => s.Legend is null ? shapes[i % shapes.Length] : MarkerShape.FilledCircle,
            };
            marker.Size = MarkerSize;
            marker.LegendText = Entry(s);
        }
        plot.Axes.AutoScale();
    }

    private const float MarkerSize = 10;

    private const float LabelFontSize = 10;

    // Each name beside its point, clear of the other names and markers and inside the axes
    // (LabelPlacement); a name moved away from its point is joined to it by a thin leader line. The
    // chart is laid out once first, at its final size, to know where each point falls.
    private static List<(string Name, PlacedLabel Label)> Labels(Plot plot, ChartSpec chart, int width, int height)
    {
        var labelled = chart.Series.Where(s => s.Labelled).ToList();
        if (labelled.Count == 0)
        {
            return [];
        }
        plot.GetSvgXml(width, height);
        var data = plot.RenderManager.LastRender.DataRect;
        var area = new Box(data.Left, data.Top, data.Width, data.Height);
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(MeasuredFont);
        using var font = new SkiaSharp.SKFont(typeface, LabelFontSize);
        var anchors = labelled.Select(s => plot.GetPixel(new Coordinates(s.X[0], s.Y[0]))).ToList();
        var placed = LabelPlacement.Place(
            [.. labelled.Select((s, k) => new PointLabel(anchors[k].X, anchors[k].Y, font.MeasureText(s.Name) + 2, font.Spacing))], area, (MarkerSize / 2) + 1);
        var result = new List<(string, PlacedLabel)>();
        for (int k = 0; k < labelled.Count; k++)
        {
            var s = labelled[k];
            var box = placed[k].Box;
            if (placed[k].Leader)
            {
                var (lx, ly) = box.Nearest(anchors[k].X, anchors[k].Y);
                var leader = plot.Add.Line(new Coordinates(s.X[0], s.Y[0]), plot.GetCoordinates(new Pixel((float)lx, (float)ly)));
                leader.Color = Colors.Black.WithAlpha(0.45);
                leader.LineWidth = 1;
            }
            var label = plot.Add.Text(s.Name, s.X[0], s.Y[0]);
            label.LabelFontSize = LabelFontSize;
            label.LabelFontName = MeasuredFont;
            label.LabelFontColor = s.Mark == PointMark.Hollow ? Colors.Black.WithAlpha(0.7) : Colors.Black;
            label.LabelAlignment = Alignment.UpperLeft;
            label.OffsetX = (float)(box.Left - anchors[k].X);
            label.OffsetY = (float)(box.Top - anchors[k].Y);
            result.Add((s.Name, placed[k]));
        }
        return result;
    }

    private static void Categories(Plot plot, ChartSpec chart)
    {
        var ticks = chart.Categories.Select((c, k) => new Tick(k, c)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = chart.Categories.Count > 14 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = chart.Categories.Count > 14 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Margins(bottom: 0);
    }
}
