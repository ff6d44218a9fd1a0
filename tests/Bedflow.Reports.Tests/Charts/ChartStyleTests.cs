using System.Text.RegularExpressions;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests.Charts;

/// <summary>What a reader relies on across charts: one colour per reason and organisation, UK dates, the target in view.</summary>
public class ChartStyleTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Each_reason_and_each_organisation_has_one_colour_in_every_option_and_all_are_distinct()
    {
        var reasons = Enum.GetValues<DelayReason>().Select(SeriesColours.Of).ToList();
        Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var organisations = Enum.GetValues<Responsibility>().Select(SeriesColours.Of).ToList();
        Assert.Equal(3, organisations.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // The same organisation as commissioner: the same colour (the pooled fund is "both").
        Assert.Equal(SeriesColours.Of(Responsibility.Nhs), SeriesColours.Of(Commissioner.Nhs));
        Assert.Equal(SeriesColours.Of(Responsibility.SocialCare), SeriesColours.Of(Commissioner.SocialCare));
        Assert.Equal(SeriesColours.Of(Responsibility.Both), SeriesColours.Of(Commissioner.Pooled));

        // Two options (two runs of the network) draw each reason they share in the same colour,
        // whichever reasons each has and in whatever position.
        var baseline = ChartBuilder.ByReason(f.Results[0]).Series.ToDictionary(s => s.Name, s => s.Colour);
        var other = ChartBuilder.ByReason(f.Results[2]).Series.ToDictionary(s => s.Name, s => s.Colour);
        var shared = baseline.Keys.Intersect(other.Keys).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, name => Assert.Equal(baseline[name], other[name]));
        Assert.All(ChartBuilder.ByOrganisation(f.Results[1]).Series.Zip(SitRep.Responsibilities), p => Assert.Equal(SeriesColours.Of(p.Second), p.First.Colour));
        // And the SVG draws them in it.
        string svg = SvgRenderer.Render(ChartBuilder.ByReason(f.Results[0]));
        Assert.All(baseline.Values, colour => Assert.Contains(colour!, svg, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Dates_on_charts_and_in_the_pack_are_in_uk_form()
    {
        string svg = SvgRenderer.Render(ChartBuilder.DelayedPerDay(f.Results, 2));
        Assert.Matches(new Regex(">\\s*\\d{1,2} (Apr|May|Jun|Jul) 2016\\s*<"), svg);
        Assert.DoesNotMatch(new Regex("\\d{2}/\\d{2}/\\d{4}"), svg);
        Assert.Contains("Period reported: 1 Apr 2016 for 120 days", f.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(500.0)]
    [InlineData(-50.0)]
    public void The_target_line_is_always_inside_the_axes(double target)
    {
        var chart = ChartBuilder.DelayedPerDay(f.Results, target);
        var limits = SvgRenderer.Build(chart).Axes.GetLimits();
        Assert.InRange(target, limits.Bottom, limits.Top);
        // And the data still are: the axes grew to take the target, they did not move off the lines.
        Assert.InRange(chart.Series.Max(s => s.Y.Max()), limits.Bottom, limits.Top);
    }

    [Fact]
    public void A_year_of_months_fits_under_the_bars_and_a_long_title_over_them_when_the_legend_holds_the_sitrep_reasons()
    {
        // The Oxfordshire shape: twelve months, every SitRep reason (long entries), a long option name.
        string[] months = [.. Enumerable.Range(0, 12).Select(i => new DateOnly(2016, 4, 1).AddMonths(i).ToString("MMM'\n'yyyy", System.Globalization.CultureInfo.InvariantCulture))];
        var series = SitRep.Reasons.Select(r => new Series(DelayReasonWords.Label(r), [.. Enumerable.Range(0, 12).Select(i => (double)i)], [.. Enumerable.Range(0, 12).Select(i => 300.0 + i)]) { Colour = SeriesColours.Of(r) }).ToList();
        var chart = new ChartSpec("by-reason", "Delayed days by reason each month (acute_cut_150_with_community)", "", "Month", "Delayed days in the month", ChartKind.StackedBars, series) { Categories = months };
        var plot = SvgRenderer.Build(chart);
        plot.GetSvgXml(900, 420);
        var data = plot.RenderManager.LastRender.DataRect;
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans");
        using var ticks = new SkiaSharp.SKFont(typeface, plot.Axes.Bottom.TickLabelStyle.FontSize);
        double widest = months.SelectMany(m => m.Split('\n')).Max(line => ticks.MeasureText(line));
        // Each month's label fits its own slot, with room between neighbours.
        Assert.True(widest <= 0.85 * data.Width / 12, $"month labels {widest:0} px wide in slots of {data.Width / 12:0} px: they run together");
        using var heading = new SkiaSharp.SKFont(typeface, plot.Axes.Title.Label.FontSize);
        double title = heading.MeasureText(chart.Title);
        // ScottPlot centres the title over the data area: it must not run off the drawing's left edge.
        Assert.True((data.Left + data.Right - title) / 2 >= 0, $"the title ({title:0} px) starts left of the drawing over a data area {data}");
    }
}
