using System.Text.RegularExpressions;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests;

/// <summary>The board pack has a section for each option, with its description and its own charts and tables.</summary>
public class OptionSectionTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Every_option_has_a_section_with_its_description_its_delays_by_reason_and_organisation_how_full_its_services_are_and_its_money()
    {
        foreach (var r in f.Results)
        {
            string section = Section(r.Name);
            Assert.Contains($"id=\"delays-by-reason-{r.Name}\"", section, StringComparison.Ordinal);
            Assert.Contains($"id=\"delays-by-organisation-{r.Name}\"", section, StringComparison.Ordinal);
            Assert.Contains($"id=\"occupancy-all-{r.Name}\"", section, StringComparison.Ordinal);
            Assert.Contains("<th>Delayed days a year</th>", section, StringComparison.Ordinal);
            Assert.Contains("<th>Money over the period (£m)</th>", section, StringComparison.Ordinal);
            Assert.Contains(r.Name == "baseline" ? "<th>Cost</th></tr>" : "<th>Saving against the baseline</th>", section, StringComparison.Ordinal);
        }
        Assert.Contains("<h2>more_ic <span class=\"description\">— Twice the intermediate-care beds.</span></h2>", Section("more_ic"), StringComparison.Ordinal);
        // The description beside the name in the headline too.
        Assert.Matches(new Regex("<th scope=\"row\">more_ic <span class=\"tag\">best option</span><span class=\"description\">Twice the intermediate-care beds.</span>"), f.Html);
        // The baseline's services in detail, in its own section only.
        Assert.Contains("id=\"occupancy-acute\"", Section("baseline"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"occupancy-acute\"", Section("more_ic"), StringComparison.Ordinal);
    }

    [Fact]
    public void How_full_each_service_is_draws_every_service_with_beds_of_that_option_as_a_share_of_its_capacity()
    {
        var more = f.Results[2];
        var chart = ChartBuilder.Load(more)!;
        Assert.Equal(["acute", "intermediate_care", "reablement"], chart.Series.Select(s => s.Name));
        Assert.Equal((100.0, "Full"), chart.Reference);
        int ic = more.Network.Services.ToList().FindIndex(s => s.Name == "intermediate_care");
        var occupied = more.Run.Services[ic].Daily!.Occupied;
        // 8 beds throughout in more_ic (its pilot adds 2 in June and July: 10 then).
        Assert.Equal(100 * occupied[0] / 8, chart.Series[1].Y[0], 9);
        Assert.Equal(100 * occupied[70] / 10, chart.Series[1].Y[70], 9);
    }

    private string Section(string option)
    {
        var match = Regex.Match(f.Html, $"<section class=\"option\" id=\"option-{Regex.Escape(option)}\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no section for {option}");
        return match.Groups[1].Value;
    }
}
