using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>bedflow optimise: the frontier in optimise.json and on the console, the variants file, and refusals.</summary>
public class OptimiseCommandTests
{
    [Fact]
    public void Writes_the_frontier_marginal_values_and_economically_essential_point_and_the_variants()
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
        Assert.Contains("optimised_100000:", File.ReadAllText(Path.Combine(folder, "optimised-variants.yaml")), StringComparison.Ordinal);
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
