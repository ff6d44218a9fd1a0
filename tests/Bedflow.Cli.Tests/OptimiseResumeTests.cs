using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>bedflow optimise resumes from its state file to the same answer, and refuses a state that is not its own.</summary>
public class OptimiseResumeTests
{
    private static string CopyOfTiny()
    {
        string path = Path.Combine(Path.GetTempPath(), $"optimise-{Guid.NewGuid():N}.yaml");
        File.Copy(Cli.RepoFile("examples", "optimise-tiny.yaml"), path);
        return path;
    }

    private static string Answer(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        var root = doc.RootElement;
        return root.GetProperty("frontier").GetRawText() + root.GetProperty("marginal").GetRawText() + root.GetProperty("economically_essential").GetRawText();
    }

    // Replications the search simulated, the reported figures' fresh ones (simulated again on every run) left out.
    private static long Simulated(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimise.json")));
        return doc.RootElement.GetProperty("replications_simulated").GetInt64() - doc.RootElement.GetProperty("replications_for_figures").GetInt64();
    }

    [Fact]
    public void A_second_run_reuses_every_allocation_from_the_state_file_and_gives_the_same_answer()
    {
        string scenario = CopyOfTiny();
        string folder = Cli.TempFolder();
        var (code, _, error) = Cli.Run("optimise", scenario, "--out", folder);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, "optimise-state.jsonl")));
        string first = Answer(folder);
        Assert.True(Simulated(folder) > 0);

        (code, var output, error) = Cli.Run("optimise", scenario, "--out", folder);
        Assert.True(code == 0, error);
        Assert.Contains("Resuming from", error, StringComparison.Ordinal);
        Assert.Contains("reused from the state file", output, StringComparison.Ordinal);
        Assert.Equal(first, Answer(folder));
        Assert.Equal(0, Simulated(folder));
    }

    [Fact]
    public void A_search_cut_short_resumes_from_its_torn_state_to_the_same_answer()
    {
        string scenario = CopyOfTiny();
        string whole = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("optimise", scenario, "--out", whole).Code);
        // The same search stopped part-way: half its lines, the last one torn.
        string cut = Cli.TempFolder();
        Directory.CreateDirectory(cut);
        string text = File.ReadAllText(Path.Combine(whole, "optimise-state.jsonl"));
        File.WriteAllText(Path.Combine(cut, "optimise-state.jsonl"), text[..(text.Length / 2)]);
        var (code, _, error) = Cli.Run("optimise", scenario, "--out", cut);
        Assert.True(code == 0, error);
        Assert.Equal(Answer(whole), Answer(cut));
        Assert.InRange(Simulated(cut), 1, Simulated(whole) - 1);
    }

    [Fact]
    public void A_changed_scenario_refuses_the_old_state_until_restart()
    {
        string scenario = CopyOfTiny();
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("optimise", scenario, "--out", folder).Code);
        File.AppendAllText(scenario, "# an edit\n");
        string before = File.ReadAllText(Path.Combine(folder, "optimise.json"));
        var (code, _, error) = Cli.Run("optimise", scenario, "--out", folder);
        Assert.Equal(2, code);
        Assert.Contains("the scenario file has changed since it was written", error, StringComparison.Ordinal);
        Assert.Contains("--restart", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "optimise.json")));
        (code, _, error) = Cli.Run("optimise", scenario, "--out", folder, "--restart");
        Assert.True(code == 0, error);
        Assert.True(Simulated(folder) > 0);
    }

    [Fact]
    public void A_state_option_naming_a_file_that_is_not_a_state_is_refused_and_the_file_left_alone()
    {
        string scenario = CopyOfTiny();
        string text = File.ReadAllText(scenario);
        var (code, _, error) = Cli.Run("optimise", scenario, "--out", Cli.TempFolder(), "--state", scenario, "--restart");
        Assert.Equal(2, code);
        Assert.Contains("is not a bedflow optimise state file", error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(scenario));
    }

    [Fact]
    public void A_state_another_search_holds_is_refused_with_exit_code_2_and_left_whole()
    {
        string scenario = CopyOfTiny();
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("optimise", scenario, "--out", folder).Code);
        string state = Path.Combine(folder, "optimise-state.jsonl");
        string before = File.ReadAllText(state);
        using (new FileStream(state, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var (code, _, error) = Cli.Run("optimise", scenario, "--out", folder);
            Assert.Equal(2, code);
            Assert.Contains(state, error, StringComparison.Ordinal);
        }
        Assert.Equal(before, File.ReadAllText(state));
    }
}
