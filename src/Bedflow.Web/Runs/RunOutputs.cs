using System.Reflection;
using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Simulation;
using Bedflow.Data.Delays;
using Bedflow.Data.Results;

namespace Bedflow.Web.Runs;

/// <summary>
/// The files a run of a scenario writes — `bedflow run` and the web app's Options page alike:
/// results.json, run-info.json, report.html (the board pack), report.xlsx, and for each variant its
/// daily census and SitRep CSV. Each is made by Data and Reports; <see cref="OutputFolder.Write"/>
/// puts them in place whole.
/// </summary>
public static class RunOutputs
{
    /// <summary>The version every Bedflow assembly carries (Directory.Build.props).</summary>
    public static string Version =>
        typeof(RunOutputs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The names of the files a run of <paramref name="scenario"/> writes, to check the folder before a long run.</summary>
    public static IReadOnlyList<string> Names(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return ["results.json", "report.html", "report.xlsx", "run-info.json",
            .. scenario.AllVariants.SelectMany(v => new[] { $"daily-{OutputFolder.SafeName(v.Name)}.csv", $"sitrep-{OutputFolder.SafeName(v.Name)}.csv" })];
    }

    /// <summary>The run's results.json, as written to the folder (and printed by `run --json`).</summary>
    public static byte[] ResultsJson(Scenario scenario, RunOptions options, IReadOnlyList<VariantResult> results)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        // Data writes the verdict's numbers; the words are the faces' (Reports), the same the table and the board pack print.
        bool priced = results is not [{ Costs: null }, ..];
        Data.Results.ResultsJson.Write(buffer, scenario.Name, options, results, verdict => Reports.Wording.VerdictWording.Statement(verdict, priced), scenario.Decision);
        return buffer.ToArray();
    }

    /// <summary>Every file of the run, by name, with how to write it; <paramref name="resultsJson"/> from <see cref="ResultsJson"/>.</summary>
    public static IReadOnlyList<(string Name, Action<Stream> Content)> Files(Scenario scenario, RunOptions options, IReadOnlyList<VariantResult> results, RunInfo info, byte[] resultsJson)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(results);
        var files = new List<(string, Action<Stream>)>
        {
            ("results.json", s => s.Write(resultsJson)),
            ("run-info.json", s => RunInfoJson.Write(s, info)),
            ("report.html", s => Text(s, w => w.Write(Reports.BoardReport.Html(scenario, options, results, info.BedflowVersion)))),
            ("report.xlsx", s => Reports.Workbook.BoardWorkbook.Write(s, scenario, options, results)),
        };
        var identity = scenario.SitRep ?? new SitRepIdentity("", "", "", "", "", "");
        foreach (var r in results)
        {
            string name = OutputFolder.SafeName(r.Name);
            files.Add(($"daily-{name}.csv", s => Text(s, w => DailyCsv.Write(w, r))));
            files.Add(($"sitrep-{name}.csv", s => Text(s, w => SitRepCsv.Write(w, identity, SitRepRow.From(r.Run.Delays!.Replications),
                $"Delayed transfers of care: {scenario.Name} - {r.Name} (simulated by Bedflow)", $"Mean of {options.Replications} replications, seed {options.Seed}"))));
        }
        return files;
    }

    private static void Text(Stream stream, Action<TextWriter> write)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false));
        write(w);
    }
}
