using System.Text.Json.Serialization;

namespace Bedflow.Cli;

// The shapes of the register commands' --json output (docs/register.md), property by property in
// the document's key order. Keys are the snake_case of the property names (RegisterJsonContext);
// dictionary keys are written as given. A null property is written as null.

/// <summary>`register sitrep --json`: a month's figures; the snapshot date is null when the month's last Thursday is not covered.</summary>
internal sealed record SitRepMonthDocument(
    string Month, long DelayedDays, double DtocBeds, string? SnapshotDate, long Snapshot,
    OrderedDictionary<string, long> ByReason, OrderedDictionary<string, long> ByOrganisation);

/// <summary>
/// The source-generated serializer of the register commands' JSON: two-space indentation, the
/// platform's line ends, System.Text.Json's default encoder and number format — the bytes the
/// hand-written Utf8JsonWriter printed before.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(SitRepMonthDocument))]
internal sealed partial class RegisterJsonContext : JsonSerializerContext;
