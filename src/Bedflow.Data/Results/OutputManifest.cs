using System.Text.Json;

namespace Bedflow.Data.Results;

/// <summary>
/// The list, kept in the output folder, of the files Bedflow wrote there (<see cref="FileName"/>,
/// one name a line), so that the next run can remove the ones it does not write again and can
/// tell them from files that are not Bedflow's.
/// </summary>
internal static class OutputManifest
{
    /// <summary>The list's own name: hidden, so that a listing of the folder shows the run's files.</summary>
    public const string FileName = ".bedflow-outputs";

    /// <summary>Made by `bedflow report --pdf` from report.html: stale as soon as report.html is replaced.</summary>
    private static readonly string[] Derived = ["report.pdf"];

    public static string Content(IEnumerable<string> names) =>
        "# Files written here by bedflow run; the next run into this folder replaces or removes them.\n" + string.Concat(names.Select(n => n + "\n"));

    /// <summary>The names Bedflow owns in the folder: those in its list, or in a folder from a Bedflow that kept no list, those its run-info.json vouches for.</summary>
    public static HashSet<string> Owned(string folder)
    {
        var owned = new HashSet<string>(Derived, StringComparer.Ordinal);
        string list = Path.Combine(folder, FileName);
        if (File.Exists(list))
        {
            owned.UnionWith(File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && Path.GetFileName(l) == l)); // names only: never a path out of the folder
        }
        else if (IsBedflowRunInfo(Path.Combine(folder, "run-info.json")))
        {
            // Written before the list existed: what `bedflow run` wrote then.
            owned.UnionWith(Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(n => n is "results.json" or "run-info.json" or "report.html"
                    || (n.EndsWith(".csv", StringComparison.Ordinal) && (n.StartsWith("daily-", StringComparison.Ordinal) || n.StartsWith("sitrep-", StringComparison.Ordinal)))));
        }
        return owned;
    }

    private static bool IsBedflowRunInfo(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("bedflow_version", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
