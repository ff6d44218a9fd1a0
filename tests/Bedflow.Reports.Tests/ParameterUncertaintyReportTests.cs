using System.Globalization;
using System.Net;
using Bedflow.Core.Experiments;
using Bedflow.Data.Scenarios;
using Bedflow.Reports.Tests.Workbook;
using Bedflow.Reports.Workbook;

namespace Bedflow.Reports.Tests;

/// <summary>A run with parameter uncertainty shows both intervals in the board pack and the workbook; an ordinary run shows none of it.</summary>
public class ParameterUncertaintyReportTests(ReportFixture ordinary) : IClassFixture<ReportFixture>
{
    private static readonly Lazy<(Scenario Scenario, IReadOnlyList<VariantResult> Results)> Uncertain = new(() =>
    {
        var load = ScenarioFile.Parse(ReportFixture.Yaml.Replace("replications: 3", "replications: 6", StringComparison.Ordinal) + """

            uncertainty:
              services.intermediate_care.length_of_stay.exponential.mean: {mean: 10d, ci95: [7d, 14d]}
              arrivals.ed.rate: {min: 7/d, max: 9/d}
            """, "uncertain.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        return (load.Scenario!, Experiment.RunWithParameterUncertainty(load.Scenario!, load.Scenario!.Options));
    });

    private static string N(double value, string format) => WebUtility.HtmlEncode(value.ToString(format, CultureInfo.InvariantCulture));

    [Fact]
    public void The_pack_gives_each_headline_figure_with_parameters_beside_randomness_and_the_parameters_share()
    {
        var (scenario, results) = Uncertain.Value;
        string html = BoardReport.Html(scenario, scenario.Options, results, "test");
        Assert.Contains("<section class=\"uncertainty\" id=\"parameter-uncertainty\">", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(BoardReport.TwoIntervals), html, StringComparison.Ordinal);
        Assert.Contains("services.intermediate_care.length_of_stay.exponential.mean, arrivals.ed.rate", html, StringComparison.Ordinal);
        string headline = html[..html.IndexOf("<section class=\"uncertainty\"", StringComparison.Ordinal)];
        string section = html[html.IndexOf("<section class=\"uncertainty\"", StringComparison.Ordinal)..html.IndexOf("<section class=\"charts\"", StringComparison.Ordinal)];
        foreach (var r in results)
        {
            var u = r.Uncertainty!;
            // On page 1, under the ordinary interval: the interval with parameters.
            var days = u.DelayedDaysPerYear.WithParameters;
            Assert.Contains($"<span class=\"ci pu\">with parameters {N(days.Lower!.Value, "N0")} to {N(days.Upper!.Value, "N0")}</span>", headline, StringComparison.Ordinal);
            // In its own section: both intervals and the share, option by option.
            string option = section[section.IndexOf($"<tr class=\"group\"><th colspan=\"4\">{r.Name}</th></tr>", StringComparison.Ordinal)..];
            string row = option[option.IndexOf("<th scope=\"row\">Delayed days a year</th>", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            var random = u.DelayedDaysPerYear.Randomness;
            Assert.Equal(r.DelayedDaysPerYear.Mean, random.Mean); // randomness only is the ordinary run's own figure
            Assert.Contains($"{N(random.Mean, "N0")}<span class=\"ci\">{N(random.Lower!.Value, "N0")} to {N(random.Upper!.Value, "N0")}</span>", row, StringComparison.Ordinal);
            Assert.Contains($"{N(days.Mean, "N0")}<span class=\"ci\">{N(days.Lower!.Value, "N0")} to {N(days.Upper!.Value, "N0")}</span>", row, StringComparison.Ordinal);
            Assert.Contains(N(u.DelayedDaysPerYear.ParameterShare.Value, "P0"), row, StringComparison.Ordinal);
            Assert.Equal(r.Name == "baseline" ? 0 : 2, CountOf(option[..NextGroup(option)], "against the baseline"));
        }
    }

    [Fact]
    public void The_workbook_adds_a_sheet_of_both_intervals_and_the_share_after_the_headline()
    {
        var (scenario, results) = Uncertain.Value;
        using var stream = new MemoryStream();
        BoardWorkbook.Write(stream, scenario, scenario.Options, results);
        var book = new WorkbookReader(stream.ToArray());
        Assert.Equal(["Headline", BoardWorkbook.ParameterUncertaintySheet, "Money", "Harms", "Appraisal", "Monthly SitRep"], book.SheetNames);
        const string s = BoardWorkbook.ParameterUncertaintySheet;
        int row = Enumerable.Range(2, book.Rows[s]).First(i => book.Text(s, $"A{i}") == "more_ic" && book.Text(s, $"B{i}") == "Delayed days a year");
        var u = results.Single(r => r.Name == "more_ic").Uncertainty!.DelayedDaysPerYear;
        Assert.Equal([u.Randomness.Mean, u.Randomness.Lower!.Value, u.Randomness.Upper!.Value, u.WithParameters.Mean, u.WithParameters.Lower!.Value, u.WithParameters.Upper!.Value, u.ParameterShare.Value],
            new[] { "C", "D", "E", "F", "G", "H", "I" }.Select(c => book.Number(s, $"{c}{row}")!.Value));
        int cost = Enumerable.Range(2, book.Rows[s]).First(i => book.Text(s, $"A{i}") == "more_ic" && book.Text(s, $"B{i}") == "Extra cost against the baseline (£)");
        Assert.Equal(results.Single(r => r.Name == "more_ic").Uncertainty!.ExtraCost!.WithParameters.Mean, book.Number(s, $"F{cost}")!.Value, 6);
    }

    [Fact]
    public void An_ordinary_run_shows_no_parameter_uncertainty_anywhere()
    {
        Assert.DoesNotContain("parameter-uncertainty", ordinary.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("with parameters", ordinary.Html, StringComparison.OrdinalIgnoreCase);
        using var stream = new MemoryStream();
        BoardWorkbook.Write(stream, ordinary.Scenario, ordinary.Scenario.Options, ordinary.Results);
        Assert.DoesNotContain(BoardWorkbook.ParameterUncertaintySheet, new WorkbookReader(stream.ToArray()).SheetNames);
    }

    private static int NextGroup(string option)
    {
        int next = option.IndexOf("<tr class=\"group\">", 1, StringComparison.Ordinal);
        return next < 0 ? option.Length : next;
    }

    private static int CountOf(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
