using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>bedflow optimise: the frontier in optimise.json and on the console, the variants file, and refusals.</summary>
public class OptimiseCommandTests
{
    [Fact]
    public void Writes_the_frontier_marginal_values_and_economically_essential_point_the_board_pages_and_workbook_and_the_optimised_scenario()
    {
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("optimise", Cli.RepoFile("examples", "optimise-tiny.yaml"), "--out", folder);
        Assert.True(code == 0, error);
        Assert.Contains("Where the next pound frees most beds", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        var frontier = doc.RootElement.GetProperty("frontier");
        Assert.Equal([50_000m, 100_000m], frontier.EnumerateArray().Select(p => p.GetProperty("budget").GetDecimal()));
        foreach (var p in frontier.EnumerateArray())
        {
            var spend = p.GetProperty("allocation").GetProperty("more_intermediate_care").GetInt32() * 50_000m + p.GetProperty("allocation").GetProperty("more_reablement").GetInt32() * 25_000m;
            Assert.True(spend <= p.GetProperty("budget").GetDecimal());
            Assert.Equal(2, p.GetProperty("delayed_days_avoided").GetProperty("ci95").GetArrayLength());
            Assert.Equal(JsonValueKind.Array, p.GetProperty("indistinguishable_from").ValueKind);
        }
        Assert.Equal(2, doc.RootElement.GetProperty("marginal").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("marginal")[0].GetProperty("delayed_days_avoided_per_1000_pounds").ValueKind);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("economically_essential").ValueKind);
        Assert.Contains("optimised_100000:", File.ReadAllText(Path.Combine(folder, "optimised-scenario.yaml")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "optimised-variants.yaml")));
        Assert.Contains("Where the next pound frees most beds", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(folder, "report.xlsx"))[..2]));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void The_optimised_scenario_run_with_bedflow_run_at_the_optimisers_seed_gives_exactly_the_delayed_days_the_search_simulated_for_each_budgets_allocation()
    {
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("optimise", Cli.RepoFile("examples", "optimise-tiny.yaml"), "--out", folder).Code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        // What the search simulated for each allocation, replication by replication from 0, is in its state file (the last line of each).
        var simulated = new Dictionary<string, double[]>();
        foreach (string line in File.ReadLines(Path.Combine(folder, "optimise-state.jsonl")).Skip(1))
        {
            using var record = JsonDocument.Parse(line);
            simulated[string.Join(",", record.RootElement.GetProperty("amounts").EnumerateArray().Select(a => a.GetInt32()))] =
                [.. record.RootElement.GetProperty("delayed_days").EnumerateArray().Select(d => d.GetDouble())];
        }
        string runs = Cli.TempFolder();
        foreach (var p in doc.RootElement.GetProperty("frontier").EnumerateArray())
        {
            var days = simulated[string.Join(",", p.GetProperty("allocation").EnumerateObject().Select(a => a.Value.GetInt32()))];
            int replications = Math.Min(days.Length, 4);
            var (code, json, error) = Cli.Run("run", Path.Combine(folder, "optimised-scenario.yaml"), "--replications", replications.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--seed", "11", "--out", Path.Combine(runs, $"{p.GetProperty("budget").GetDecimal():0}"), "--json");
            Assert.True(code == 0, error);
            using var results = JsonDocument.Parse(json);
            string name = $"optimised_{p.GetProperty("budget").GetDecimal():0}";
            var variant = results.RootElement.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
            double ran = variant.GetProperty("delayed_days_per_year").GetProperty("mean").GetDouble();
            double expected = days.Take(replications).Average();
            Assert.True(Math.Abs(ran - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{name}: bedflow run {ran}, the search {expected}");
        }
        Directory.Delete(folder, true);
        Directory.Delete(runs, true);
    }

    [Fact]
    public void The_console_shows_each_budgets_runner_up_and_the_allocations_it_cannot_be_told_apart_from_within_80_columns()
    {
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("optimise", Cli.RepoFile("examples", "optimise-tiny.yaml"), "--out", folder);
        Assert.True(code == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        string text = string.Join(" ", lines.Select(l => l.Trim()));
        Assert.Contains("Within £50,000:", text, StringComparison.Ordinal);
        Assert.Contains("Within £100,000:", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        foreach (var p in doc.RootElement.GetProperty("frontier").EnumerateArray())
        {
            if (p.GetProperty("indistinguishable_from").GetArrayLength() > 0)
            {
                Assert.Contains($"Cannot be told apart from it at {p.GetProperty("replications").GetInt32()} replications; treat as equally good:", text, StringComparison.Ordinal);
            }
            if (p.GetProperty("runner_up").ValueKind == JsonValueKind.Object)
            {
                Assert.Contains("Told apart from the runner-up (", text, StringComparison.Ordinal);
            }
        }
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_scenario_without_an_optimise_section_is_refused_with_exit_code_2_and_nothing_written()
    {
        string folder = Cli.TempFolder();
        var (code, _, error) = Cli.Run("optimise", Cli.WriteTiny(), "--out", folder);
        Assert.Equal(2, code);
        Assert.Contains("has no optimise: section", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void An_allocation_clearly_worse_than_the_best_is_never_called_indistinguishable_from_it()
    {
        // On the tiny example the £100,000 best (+1 intermediate care, +2 reablement) avoids some 600 delayed days a year more than
        // +1 intermediate care alone, ± 200: left in the running at the replication limit, it is still told apart, not "equally good".
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("optimise", Cli.RepoFile("examples", "optimise-tiny.yaml"), "--out", folder).Code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        var top = doc.RootElement.GetProperty("frontier").EnumerateArray().Single(p => p.GetProperty("budget").GetDecimal() == 100_000m);
        Assert.Equal((1, 2), (top.GetProperty("allocation").GetProperty("more_intermediate_care").GetInt32(), top.GetProperty("allocation").GetProperty("more_reablement").GetInt32()));
        Assert.DoesNotContain(top.GetProperty("indistinguishable_from").EnumerateArray(),
            a => a.GetProperty("more_intermediate_care").GetInt32() == 1 && a.GetProperty("more_reablement").GetInt32() == 0);
        Directory.Delete(folder, true);
    }
}
