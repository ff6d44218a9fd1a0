using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bedflow.Web.Runs;

/// <summary>A kept run's files for download or viewing: its outputs (only those its record lists) and scenario.yaml; anything else is a 404.</summary>
internal static class RunFiles
{
    public static Results<PhysicalFileHttpResult, NotFound> Serve(RunStore store, string id, string name)
    {
        if (store.Find(id) is not { } run)
        {
            return TypedResults.NotFound();
        }
        string? path = name == "scenario.yaml" ? store.ScenarioPath(id)
            : run.Outputs.Contains(name, StringComparer.Ordinal) ? Path.Combine(store.OutputsPath(id), name) : null;
        if (path is null || !File.Exists(path))
        {
            return TypedResults.NotFound();
        }
        string type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            ".csv" => "text/csv; charset=utf-8",
            ".xlsx" => Figures.FigureDownload.XlsxType,
            ".svg" => "image/svg+xml",
            _ => "text/plain; charset=utf-8", // the scenario (YAML), shown as text
        };
        bool inline = Path.GetExtension(name) is ".html" or ".yaml" or ".json";
        return TypedResults.PhysicalFile(path, type, inline ? null : $"{id}-{name}");
    }
}
