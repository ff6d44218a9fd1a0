namespace Bedflow.Cli.Tests;

/// <summary>`run --episodes FILE`: the baseline's first replication as a register extract the register imports (in the collection that sets BEDFLOW_REGISTER_KEY).</summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class RunEpisodesTests
{
    [Fact]
    public void The_extract_is_written_beside_the_results_and_the_register_imports_it_cleanly()
    {
        string folder = Cli.TempFolder();
        string extract = Path.Combine(Path.GetTempPath(), $"episodes-{Guid.NewGuid():N}.csv");
        var (code, output, error) = Cli.Run("run", Cli.WriteTiny(), "--out", folder, "--episodes", extract);
        Assert.True(code == 0, error);
        Assert.Contains($"Register extract: {extract} (", output, StringComparison.Ordinal);
        Assert.StartsWith("provider,nhs_number,admitted,", File.ReadLines(extract).First(), StringComparison.Ordinal);
        Assert.False(File.Exists(extract + ".partial"));
        string db = Path.Combine(Path.GetTempPath(), $"episodes-{Guid.NewGuid():N}.db");
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        (int Code, string Output, string Error) import;
        try
        {
            import = Cli.Run("register", "import", extract, "--db", db);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
        Assert.True(import.Code == 0, import.Error);
        Assert.Contains("Imported: ", import.Output, StringComparison.Ordinal);
        Assert.Contains(" 0 updated, 0 unchanged", import.Output, StringComparison.Ordinal);
        Directory.Delete(folder, true);
        File.Delete(extract);
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("missing-folder")]
    [InlineData("results-folder")]
    [InlineData("empty")]
    [InlineData("scenario")]
    public void A_path_the_extract_cannot_go_to_is_a_usage_error_before_anything_runs(string kind)
    {
        string folder = Cli.TempFolder();
        string scenario = Cli.WriteTiny();
        string path = kind switch
        {
            "scenario" => scenario,
            "folder" => Path.GetTempPath(),
            "missing-folder" => Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "x.csv"),
            "results-folder" => Path.Combine(folder, "episodes.csv"),
            _ => " ",
        };
        var (code, _, error) = Cli.Run("run", scenario, "--out", folder, "--episodes", path);
        Assert.Equal(2, code);
        Assert.StartsWith("bedflow: --episodes: ", Cli.WithoutSizingWarnings(error), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "nothing should run, and no results folder be made");
        Assert.Equal(Cli.Tiny, File.ReadAllText(scenario));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
