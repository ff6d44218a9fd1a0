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
}
