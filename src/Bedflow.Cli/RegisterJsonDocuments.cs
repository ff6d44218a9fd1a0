using System.Text.Json.Serialization;

namespace Bedflow.Cli;

// The shapes of the register commands' --json output (docs/register.md), property by property in
// the document's key order. Keys are the snake_case of the property names (RegisterJsonContext);
// dictionary keys are written as given. A null property is written as null.

/// <summary>`register sitrep --json`: a month's figures; the snapshot date is null when the month's last Thursday is not covered.</summary>
internal sealed record SitRepMonthDocument(
    string Month, long DelayedDays, double DtocBeds, string? SnapshotDate, long Snapshot,
    OrderedDictionary<string, long> ByReason, OrderedDictionary<string, long> ByOrganisation);

/// <summary>`register benchmark --json`: null delayed days, reasons, organisations, rank or rate when not published or not ranked.</summary>
internal sealed record BenchmarkDocument(
    string Council, string Name, bool National, string From, string To, long? DelayedDays,
    OrderedDictionary<string, long?> ByReason, OrderedDictionary<string, long?> ByOrganisation,
    int? Rank, int Councils, string RankedBy, [property: JsonPropertyName("rate_per_100k_adults")] double? RatePer100kAdults,
    int MissingValues, string? Warning);

/// <summary>`register trend --json`: the series (null = no data), its trend and seasonal effects (null = undefined), and the change asked about or null.</summary>
internal sealed record TrendDocument(
    string Council, string Name, string FirstMonth, IReadOnlyList<double?> DtocBeds, IReadOnlyList<double?> Trend,
    OrderedDictionary<string, double?> SeasonalByMonth, ChangeDocument? Change);

/// <summary>How much of the change between two months is seasonal; the figures are null when a month has no data or they are undefined.</summary>
internal sealed record ChangeDocument(
    string? From, string? To, IReadOnlyList<string?> NoDataFor, double? Change, double? Seasonal,
    [property: JsonPropertyName("seasonal_ci95")] IReadOnlyList<double?> SeasonalCi95, double? SeasonalShare,
    [property: JsonPropertyName("seasonal_share_ci95")] IReadOnlyList<double?> SeasonalShareCi95);

/// <summary>
/// The source-generated serializer of the register commands' JSON: two-space indentation, the
/// platform's line ends, System.Text.Json's default encoder and number format — the bytes the
/// hand-written Utf8JsonWriter and the dictionaries serialized by reflection printed before.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(SitRepMonthDocument))]
[JsonSerializable(typeof(BenchmarkDocument))]
[JsonSerializable(typeof(TrendDocument))]
internal sealed partial class RegisterJsonContext : JsonSerializerContext;
