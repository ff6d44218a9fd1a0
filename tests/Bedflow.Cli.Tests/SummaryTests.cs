using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;
using Bedflow.Data.Scenarios;
using Spectre.Console.Testing;

namespace Bedflow.Cli.Tests;

/// <summary>The tables `bedflow run` prints, on Spectre's test console.</summary>
public class SummaryTests
{
    // Tiny, with intermediate care priced so that more beds plainly cost more (funded and used)
    // and acute days are nearly free: more_ic costs more in all and needs more cash.
    private static readonly string Priced = Cli.Tiny
        .Replace("excess_bed_day: £313", "excess_bed_day: £1", StringComparison.Ordinal)
        .Replace("acute: {occupied_day: £350, admission: £1590}", "acute: {occupied_day: £1, admission: £1}", StringComparison.Ordinal)
        .Replace("intermediate_care: {occupied_day: £200, funded_day: £20}", "intermediate_care: {occupied_day: £200000, funded_day: £20000}", StringComparison.Ordinal);

    private static readonly Lazy<(Scenario Scenario, IReadOnlyList<VariantResult> Results)> Run = new(() =>
    {
        var load = ScenarioFile.Parse(Priced, "tiny.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var scenario = load.Scenario!;
        return (scenario, Experiment.Run([.. scenario.AllVariants.Select(v => new ExperimentVariant(v.Name, v.Description, v.Network, v.Economy))], scenario.Options));
    });

    // Priced, with acute busy enough for a queue, and an hour waiting for it priced.
    private static readonly Lazy<(Scenario Scenario, IReadOnlyList<VariantResult> Results)> Waiting = new(() =>
    {
        var load = ScenarioFile.Parse(Priced.Replace("rate: 5/d", "rate: 6.5/d", StringComparison.Ordinal)
            .Replace("  elective: {bed_days: 3, price: £3684}", "  elective: {bed_days: 3, price: £3684}\n  unmet: {hour_waiting_for_bed: £400}", StringComparison.Ordinal), "tiny.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var scenario = load.Scenario!;
        return (scenario, Experiment.Run([.. scenario.AllVariants.Select(v => new ExperimentVariant(v.Name, v.Description, v.Network, v.Economy))], scenario.Options));
    });

    private static string Print(int width, bool waiting = false)
    {
        var console = new TestConsole().Width(width);
        var (scenario, results) = waiting ? Waiting.Value : Run.Value;
        Summary.Print(console, scenario, scenario.Options, results, TimeSpan.FromSeconds(1.5), "/tmp/results");
        return console.Output;
    }

    [Fact]
    public void On_an_80_column_console_no_line_is_wider_than_80()
    {
        string output = Print(80);
        var lines = output.Split('\n');
        Assert.True(lines.Length > 20, output);
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains("more_ic", output, StringComparison.Ordinal);
        Assert.Contains("Saving", output, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.00", output, StringComparison.Ordinal);
        Assert.Contains("Reported 60 days from 1 Apr 2016", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_and_cash_released_read_the_same_way_so_an_option_that_costs_more_and_needs_cash_is_negative_in_both()
    {
        var c = Run.Value.Results.Single(r => r.Name == "more_ic").VersusBaseline!;
        // In Comparison's own terms the two disagree in sign: extra cost is variant − baseline, cash released baseline − variant.
        Assert.True(c.TotalCost.Mean > 0, $"extra cost {c.TotalCost.Mean}");
        Assert.True(c.CashReleasingSaving.Mean < 0, $"cash released {c.CashReleasingSaving.Mean}");
        // 3 more funded beds at £20,000 a day for 60 days: £3.6m more cash, exactly.
        Assert.Equal(-3_600_000, c.CashReleasingSaving.Mean, 6);

        string row = Print(200).Split('\n').First(l => l.TrimStart().StartsWith("more_ic ", StringComparison.Ordinal) && l.Contains("-3.60 ± 0.00", StringComparison.Ordinal));
        var cells = System.Text.RegularExpressions.Regex.Split(row.Trim(), "\\s{2,}");
        Assert.Equal(6, cells.Length); // variant, total cost, saving, cash released, NHS saving, council saving
        Assert.StartsWith("-", cells[2], StringComparison.Ordinal);
        Assert.Equal((-c.TotalCost.Mean / 1e6).ToString("N2", System.Globalization.CultureInfo.InvariantCulture), cells[2].Split(' ')[0]);
        Assert.Equal("-3.60 ± 0.00", cells[3]);
        Assert.StartsWith("-", cells[4], StringComparison.Ordinal); // the NHS pays for intermediate care
    }

    [Fact]
    public void Figures_have_thousands_separators_and_shares_a_percent_sign()
    {
        // Mean 13,000; half-width t(0.975, 2) × 1,000 / √3 = 2,484.1.
        Assert.Equal("13,000 ± 2,484", Formatting.Estimate(Estimate.Of([12_000.0, 13_000.0, 14_000.0]), "N0"));
        Assert.Equal("93.4% ± 0.0%", Formatting.Percent(Estimate.Of([0.934, 0.934])));
        Assert.Equal("18.0%", Formatting.Percent(0.18));
        Assert.Equal("0.00 ± 0.00", Formatting.Estimate(Estimate.Of([-1e-9, -1e-9]), "N2")); // no "-0.00"
        Assert.Equal("-1,234", Formatting.Number(-1234.4, "N0"));
    }

    [Fact]
    public void The_price_of_unmet_demand_is_printed_beside_the_money_as_not_in_the_totals_with_its_saving_against_the_baseline()
    {
        var results = Waiting.Value.Results;
        Assert.True(results[0].Costs!.UnmetWaiting.Mean > 0, "tiny's acute queue should have a price (hour_waiting_for_bed: £400)");
        string output = Print(200, waiting: true);
        Assert.Contains("Price of unmet demand (not in the totals), £m over the reported period", output, StringComparison.Ordinal);
        int at = output.IndexOf("Price of unmet demand", StringComparison.Ordinal);
        string Line(string variant) => output[at..].Split('\n').First(l => l.TrimStart().StartsWith(variant + " ", StringComparison.Ordinal));
        foreach (var r in results)
        {
            var cells = System.Text.RegularExpressions.Regex.Split(Line(r.Name).Trim(), "\\s{2,}");
            Assert.Equal(5, cells.Length); // variant, electives, waiting, all, saving
            Assert.StartsWith((r.Costs!.UnmetDemand.Mean / 1e6).ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " ", cells[3], StringComparison.Ordinal);
            string saving = r.VersusBaseline is null ? "–" : ((results[0].Costs!.UnmetDemand.Mean - r.Costs.UnmetDemand.Mean) / 1e6).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith(saving, cells[4], StringComparison.Ordinal);
        }
    }
}
