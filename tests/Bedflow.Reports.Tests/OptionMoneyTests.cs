using System.Globalization;
using System.Text.RegularExpressions;
using Bedflow.Core.Experiments;
using Bedflow.Data.Scenarios;

namespace Bedflow.Reports.Tests;

/// <summary>Each option's money table in the board pack shows the price of unmet demand beside the totals, saying whether they hold it.</summary>
public class OptionMoneyTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Each_options_money_table_shows_the_price_of_unmet_demand_not_in_the_totals_with_its_saving_against_the_baseline()
    {
        var baseline = f.Results[0].Costs!;
        Assert.True(baseline.UnmetWaiting.Mean > 0, "the fixture's acute queue should have a price (hour_waiting_for_bed: £40)");
        foreach (var r in f.Results)
        {
            string table = MoneyTable(f.Html, r.Name);
            Assert.Contains(">Price of unmet demand (not in the totals)</th>", table, StringComparison.Ordinal);
            var costs = r.Costs!;
            // Level: the option's own mean; saving: the baseline's mean less the option's (paired means are differences of means).
            Assert.Equal(Millions(costs.UnmetWaiting.Mean), Row(table, "Hours waiting for a bed × its price")[0]);
            Assert.Equal(Millions(costs.UnmetElectives.Mean), Row(table, "Electives turned away × their price")[0]);
            var all = Row(table, "All unmet demand");
            Assert.Equal(Millions(costs.UnmetDemand.Mean), all[0]);
            if (r.VersusBaseline is null)
            {
                Assert.Single(all);
                continue;
            }
            Assert.Equal(Millions(baseline.UnmetDemand.Mean - costs.UnmetDemand.Mean), all[1]);
            Assert.Equal(Millions(baseline.UnmetWaiting.Mean - costs.UnmetWaiting.Mean), Row(table, "Hours waiting for a bed × its price")[1]);
        }
        Assert.Contains("It is not in the totals", f.Html, StringComparison.Ordinal);
        // The fixture turns no elective away: a saving of nothing is 0.00, never "-0.00".
        Assert.Equal("0.00", Row(MoneyTable(f.Html, "more_ic"), "Electives turned away × their price")[1]);
        Assert.DoesNotMatch(new Regex("-0\\.0+(?![0-9])"), f.Html);
    }

    [Fact]
    public void A_part_of_unmet_demand_the_scenario_gives_no_price_says_so_rather_than_costing_nothing()
    {
        // Without prices.unmet an hour waiting for a bed has no price; the fixture's acute queue still waits.
        var load = ScenarioFile.Parse(ReportFixture.Yaml.Replace("unmet: {hour_waiting_for_bed: £40}", "", StringComparison.Ordinal), "small.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var s = load.Scenario!;
        var results = Experiment.Run([.. s.AllVariants.Select(v => new ExperimentVariant(v.Name, v.Description, v.Network, v.Economy))], s.Options);
        Assert.Contains(results[0].Costs!.Replications, r => r.Unmet.HoursWaitedForBed > 0);
        string table = MoneyTable(BoardReport.Html(s, s.Options, results, "test"), "no_pilot");
        Assert.Matches(new Regex("<th scope=\"row\">Hours waiting for a bed &#215; its price</th><td>no price set</td><td>no price set</td>"), table);
        // No elective stream: nothing turned away, so 0.00 is the truth there.
        Assert.Equal(["0.00", "0.00"], Row(table, "Electives turned away × their price"));
    }

    [Fact]
    public void When_the_scenario_puts_unmet_demand_in_the_totals_the_money_table_says_so_and_who_pays()
    {
        var load = ScenarioFile.Parse(ReportFixture.Yaml.Replace("unmet: {hour_waiting_for_bed: £40}", "unmet: {hour_waiting_for_bed: £40, in_total: true, paid_by: social_care}", StringComparison.Ordinal), "small.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var s = load.Scenario!;
        var results = Experiment.Run([.. s.AllVariants.Select(v => new ExperimentVariant(v.Name, v.Description, v.Network, v.Economy))], s.Options);
        string html = BoardReport.Html(s, s.Options, results, "test");
        string table = MoneyTable(html, "more_ic");
        Assert.Contains(">Price of unmet demand (in the totals, paid by the council)</th>", table, StringComparison.Ordinal);
        Assert.DoesNotContain("not in the totals", html, StringComparison.Ordinal);
    }

    private static string Millions(double pounds) => (pounds / 1e6).ToString("N2", CultureInfo.InvariantCulture);

    private static string MoneyTable(string html, string option)
    {
        var match = Regex.Match(html, $"<section class=\"option\" id=\"option-{Regex.Escape(option)}\">.*?(<table class=\"breakdown\">\\n<thead><tr><th>Money over the period.*?</table>)", RegexOptions.Singleline);
        Assert.True(match.Success, $"no money table for {option}");
        return match.Groups[1].Value;
    }

    // The means in a row's cells, without their intervals.
    private static string[] Row(string table, string label)
    {
        var row = Regex.Match(table, $"<tr[^>]*><th scope=\"row\">{Regex.Escape(System.Net.WebUtility.HtmlEncode(label))}</th>(.*?)</tr>");
        Assert.True(row.Success, $"no row '{label}'");
        return [.. Regex.Matches(row.Groups[1].Value, "<td>([^<]*)").Select(m => m.Groups[1].Value)];
    }
}
