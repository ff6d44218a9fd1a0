using System.Text.Json.Serialization;

namespace Bedflow.Web.Api;

// The shapes of /api/figures/… (docs/web.md): the register commands' --json documents (docs/register.md), snake_case, a null property left out.

/// <summary>`GET /api/figures/sitrep`: the month's figures from the register's patients; the snapshot date is left out when the month's last Thursday is not covered.</summary>
internal sealed record SitRepFiguresDocument(
    string Month, long DelayedDays, double DtocBeds, string? SnapshotDate, long Snapshot,
    OrderedDictionary<string, long> ByReason, OrderedDictionary<string, long> ByOrganisation);

/// <summary>`GET /api/figures/benchmark`: the council, and England over the same months (left out when the council is England or England was not imported).</summary>
internal sealed record BenchmarkFiguresDocument(BenchmarkPartDocument Council, BenchmarkPartDocument? England);

/// <summary>One side of a benchmark: a reason or organisation not published is null, never zero; rank null when not ranked.</summary>
internal sealed record BenchmarkPartDocument(
    string Council, string Name, bool National, string From, string To, long? DelayedDays,
    OrderedDictionary<string, long?> ByReason, OrderedDictionary<string, long?> ByOrganisation,
    int? Rank, int Councils, string RankedBy, int MissingValues, string? Warning);

/// <summary>`GET /api/figures/trend`: the series (null = no data), its trend (null = undefined), the seasonal effect of each calendar month with its 95% interval, and the change asked about.</summary>
internal sealed record TrendFiguresDocument(
    string Council, string Name, string FirstMonth, IReadOnlyList<double?> DtocBeds, IReadOnlyList<double?> Trend,
    OrderedDictionary<string, SeasonalMonthDocument> SeasonalByMonth, TrendChangeDocument? Change);

/// <summary>A calendar month's seasonal effect (patients a day above the trend), its 95% interval and the years it rests on; null where undefined.</summary>
internal sealed record SeasonalMonthDocument(double? Effect, [property: JsonPropertyName("ci95")] IReadOnlyList<double?> Ci95, int Years);

/// <summary>How much of the change between two months is seasonal, with 95% intervals; null figures when undefined.</summary>
internal sealed record TrendChangeDocument(
    string? From, string? To, double? Change, double? Seasonal, [property: JsonPropertyName("seasonal_ci95")] IReadOnlyList<double?> SeasonalCi95,
    double? SeasonalShare, [property: JsonPropertyName("seasonal_share_ci95")] IReadOnlyList<double?> SeasonalShareCi95);
