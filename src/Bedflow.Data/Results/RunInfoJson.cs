using System.Globalization;
using System.Text.Json;

namespace Bedflow.Data.Results;

/// <summary>
/// run-info.json (docs/results.md): a run's timings and machine, beside the deterministic
/// results.json. Two-space indentation, "\n" line ends, no final line end.
/// </summary>
public static class RunInfoJson
{
    /// <summary>Writes <paramref name="run"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">Where the file goes.</param>
    /// <param name="run">What to record.</param>
    public static void Write(Stream stream, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(run);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        w.WriteStartObject();
        w.WriteString("scenario", run.Scenario);
        w.WriteString("file", run.File);
        w.WriteNumber("replications", run.Replications);
        w.WriteNumber("seed", run.Seed);
        w.WriteNumber("elapsed_seconds", Math.Round(run.Elapsed.TotalSeconds, 3));
        w.WriteString("finished_utc", run.FinishedUtc.ToString("O", CultureInfo.InvariantCulture));
        w.WriteString("host", run.Host);
        w.WriteNumber("processors", run.Processors);
        w.WriteNumber("threads", run.Threads);
        w.WriteString("bedflow_version", run.BedflowVersion);
        w.WriteString("dotnet", run.DotNet);
        w.WriteString("os", run.Os);
        w.WriteEndObject();
    }
}
