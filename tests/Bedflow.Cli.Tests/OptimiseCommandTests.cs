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
    public void The_optimised_scenario_run_with_bedflow_run_at_the_optimisers_seed_and_replications_gives_exactly_each_budgets_delayed_days()
    {
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("optimise", Cli.RepoFile("examples", "optimise-tiny.yaml"), "--out", folder).Code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        string runs = Cli.TempFolder();
        foreach (var p in doc.RootElement.GetProperty("frontier").EnumerateArray())
        {
            int replications = p.GetProperty("replications").GetInt32();
            var (code, json, error) = Cli.Run("run", Path.Combine(folder, "optimised-scenario.yaml"), "--replications", replications.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--seed", "11", "--out", Path.Combine(runs, replications.ToString(System.Globalization.CultureInfo.InvariantCulture)), "--json");
            Assert.True(code == 0, error);
            using var results = JsonDocument.Parse(json);
            string name = $"optimised_{p.GetProperty("budget").GetDecimal():0}";
            var variant = results.RootElement.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
            var ran = variant.GetProperty("delayed_days_per_year");
            var found = p.GetProperty("delayed_days");
            Assert.Equal(found.GetProperty("mean").GetDouble(), ran.GetProperty("mean").GetDouble());
            Assert.Equal(found.GetProperty("ci95")[0].GetDouble(), ran.GetProperty("ci95")[0].GetDouble());
            Assert.Equal(found.GetProperty("ci95")[1].GetDouble(), ran.GetProperty("ci95")[1].GetDouble());
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
}
