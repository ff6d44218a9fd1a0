using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>
/// The files `bedflow optimise` writes into its folder: optimise.json, optimised-scenario.yaml (the
/// user's scenario with each budget's allocation as a variant, read back and checked), report.html
/// (the optimisation pages of the board pack) and report.xlsx. Every file is made in memory first
/// and each is written whole (temporary file, then renamed).
/// </summary>
internal static class OptimiseOutputs
{
    /// <summary>Writes the files; returns their names, or null (with the reason on <paramref name="error"/>) when the folder cannot take them.</summary>
    public static IReadOnlyList<string>? Write(string folder, string scenarioPath, Scenario scenario, OptimiseResult result, string json, TextWriter error)
    {
        var files = new List<(string Name, byte[] Content)>
        {
            ("optimise.json", Utf8(json + Environment.NewLine)),
            ("report.html", Utf8(Reports.OptimiseReport.Html(scenario, result, RunCommand.Version))),
        };
        using (var xlsx = new MemoryStream())
        {
            Reports.Workbook.OptimiseWorkbook.Write(xlsx, scenario.Name, result);
            files.Add(("report.xlsx", xlsx.ToArray()));
        }
        string target = Path.Combine(folder, "optimised-scenario.yaml");
        try
        {
            files.Add(("optimised-scenario.yaml", Utf8(OptimisedScenario.Write(File.ReadAllText(scenarioPath), target, scenario, result))));
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The search's results stand; only the runnable scenario is missing, and the user is told why.
            error.WriteLine($"bedflow: optimised-scenario.yaml not written: {e.Message}");
        }
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, content) in files)
            {
                WholeFile(Path.Combine(folder, name), content);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bedflow: cannot write the results to '{folder}': {e.Message}");
            return null;
        }
        return [.. files.Select(f => f.Name)];
    }

    private static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);

    private static void WholeFile(string path, byte[] content) => Data.Files.WholeFile.Write(path, content);
}
