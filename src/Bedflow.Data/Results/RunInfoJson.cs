using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bedflow.Data.Results;

/// <summary>
/// run-info.json (docs/results.md): a run's timings and machine, beside the deterministic
/// results.json. Its shape is <see cref="RunInfoDocument"/>, written by the source-generated
/// <see cref="RunInfoJsonContext"/>: two-space indentation, "\n" line ends, no final line end.
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
        var document = new RunInfoDocument(
            run.Scenario,
            run.File,
            run.Replications,
            run.Seed,
            Math.Round(run.Elapsed.TotalSeconds, 3),
            run.FinishedUtc.ToString("O", CultureInfo.InvariantCulture),
            run.Host,
            run.Processors,
            run.Threads,
            run.BedflowVersion,
            run.DotNet,
            run.Os);
        JsonSerializer.Serialize(stream, document, RunInfoJsonContext.Default.RunInfoDocument);
    }
}

/// <summary>The shape of run-info.json, in the file's key order; keys are the snake_case of the property names unless named here.</summary>
internal sealed record RunInfoDocument(
    string Scenario, string File, int Replications, ulong Seed, double ElapsedSeconds, string FinishedUtc,
    string Host, int Processors, int Threads, string BedflowVersion, [property: JsonPropertyName("dotnet")] string DotNet, string Os);

/// <summary>
/// The source-generated serializer of run-info.json: two-space indentation, "\n" line ends, and
/// System.Text.Json's default encoder and number format — the bytes Utf8JsonWriter wrote before.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(RunInfoDocument))]
internal sealed partial class RunInfoJsonContext : JsonSerializerContext;
