using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>The verdict is worded once (Bedflow.Reports' VerdictWording): results.json keeps the words the table prints.</summary>
public class RunVerdictTests
{
    [Fact]
    public void The_results_file_keeps_the_verdict_the_table_prints()
    {
        var (statement, printed) = Run(Cli.Tiny);
        Assert.False(string.IsNullOrEmpty(statement));
        Assert.Contains(statement, printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_prices_the_results_file_notes_first_that_costs_are_not_computed()
    {
        string unpriced = Cli.Tiny[..Cli.Tiny.IndexOf("prices:", StringComparison.Ordinal)] + Cli.Tiny[Cli.Tiny.IndexOf("variants:", StringComparison.Ordinal)..];
        var (statement, printed) = Run(unpriced);
        const string note = "The scenario has no prices: costs are not computed. ";
        Assert.StartsWith(note, statement, StringComparison.Ordinal);
        Assert.Contains(statement[note.Length..], printed, StringComparison.Ordinal);
        Assert.DoesNotContain(note, printed, StringComparison.Ordinal);
    }

    /// <summary>results.json's statement, and what the command printed with each run of white space one space (the console wraps long lines).</summary>
    private static (string Statement, string Printed) Run(string yaml)
    {
        string file = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        string folder = Cli.TempFolder();
        try
        {
            var (code, output, error) = Cli.Run("run", file, "--out", folder);
            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
            string statement = json.RootElement.GetProperty("economics").GetProperty("statement").GetString()!;
            return (statement, System.Text.RegularExpressions.Regex.Replace(output, "\\s+", " "));
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
