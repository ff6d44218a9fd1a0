using System.Globalization;
using System.Text.Json.Serialization;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Results;

// The shapes of `bedflow forecast --json` and forecast.json (docs/forecast.md), in the document's
// key order: written by `bedflow forecast` and by the web app's forecasts alike. Keys are the snake_case of the property names (ForecastJsonContext).

/// <summary>A figure's mean with its 95% confidence interval, and its 80% and 95% prediction bands (quantiles of the replications).</summary>
public sealed record BandDocument(
    double Mean, [property: JsonPropertyName("mean_ci95")] IReadOnlyList<double?> MeanCi95,
    IReadOnlyList<double> Pi80, IReadOnlyList<double> Pi95)
{
    /// <summary>The band as the document writes it.</summary>
    public static BandDocument Of(ForecastBand b) => new(b.Mean.Mean, [b.Mean.Lower, b.Mean.Upper], [b.Lower80, b.Upper80], [b.Lower95, b.Upper95]);
}

/// <summary>One day of one variant's forecast; the differences are null for the baseline.</summary>
public sealed record ForecastDayDocument(
    int Day, string Date, BandDocument Delayed, OrderedDictionary<string, BandDocument> ByReason,
    OrderedDictionary<string, BandDocument> Occupancy, BandDocument AcuteQueue,
    BandDocument? DelayedVsBaseline, BandDocument? AcuteQueueVsBaseline);

/// <summary>One variant (or the baseline) of the forecast.</summary>
public sealed record ForecastVariantDocument(string Name, string Description, IReadOnlyList<ForecastDayDocument> Days);

/// <summary>`bedflow forecast --json` and forecast.json.</summary>
public sealed record ForecastDocument(
    string Scenario, string AsOf, string FirstDay, int Days, int Replications, ulong Seed, string Bands,
    int DelayedNow, IReadOnlyList<string> RegisterServices, IReadOnlyList<ForecastVariantDocument> Variants)
{
    /// <summary>The document's own note on what its bands are.</summary>
    public const string BandsNote = "pi80 and pi95 are prediction bands: the 10-90% and 2.5-97.5% quantiles of the replications, the range what will happen is expected to fall in; mean_ci95 is the confidence interval of the mean";

    /// <summary>The document of <paramref name="f"/>, a forecast of the scenario named <paramref name="scenario"/>.</summary>
    public static ForecastDocument Of(string scenario, ForecastResult f) => new(
        scenario, f.AsOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Date(f.FirstDay), f.Days, f.Replications, f.Seed, BandsNote,
        f.DelayedNow, f.RegisterServices,
        [.. f.Variants.Select(v => new ForecastVariantDocument(v.Name, v.Description, [.. Enumerable.Range(0, f.Days).Select(d => new ForecastDayDocument(
            d + 1, Date(f.DateOf(d)), BandDocument.Of(v.Delayed[d]),
            Dictionary(v.ByReason.Select(r => (SitRepCodes.Code(r.Reason), r.Days[d]))),
            Dictionary(v.Occupancy.Select(o => (o.Service, o.Days[d]))),
            BandDocument.Of(v.AcuteQueue[d]),
            v.DelayedVersusBaseline is { } dv ? BandDocument.Of(dv[d]) : null,
            v.AcuteQueueVersusBaseline is { } aq ? BandDocument.Of(aq[d]) : null))]))]);

    private static OrderedDictionary<string, BandDocument> Dictionary(IEnumerable<(string Key, ForecastBand Band)> items)
    {
        var d = new OrderedDictionary<string, BandDocument>(StringComparer.Ordinal);
        foreach (var (key, band) in items)
        {
            d.Add(key, BandDocument.Of(band));
        }
        return d;
    }

    /// <summary>A date as the documents write it, yyyy-MM-dd.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One day ahead of the back-test's scorecard.</summary>
public sealed record LeadDocument(int Day, double Mae, double PersistenceMae, [property: JsonPropertyName("coverage_80")] double Coverage80, [property: JsonPropertyName("coverage_95")] double Coverage95);

/// <summary>One day of one origin: what the register shows, the forecast's mean and bands.</summary>
public sealed record OriginDayDocument(int Day, int Actual, double Mean, IReadOnlyList<double> Pi80, IReadOnlyList<double> Pi95);

/// <summary>One origin of the back-test.</summary>
public sealed record OriginDocument(string AsOf, int Persistence, IReadOnlyList<OriginDayDocument> Days);

/// <summary>`bedflow forecast --backtest … --json`.</summary>
public sealed record ForecastBacktestDocument(
    string Scenario, string From, string To, int EveryDays, int Days, int Replications, ulong Seed, int Origins,
    double Mae, double Rmse, [property: JsonPropertyName("coverage_80")] double Coverage80, [property: JsonPropertyName("coverage_95")] double Coverage95,
    double PersistenceMae, double PersistenceRmse, double? Skill, [property: JsonPropertyName("skill_ci95")] IReadOnlyList<double>? SkillCi95,
    IReadOnlyList<LeadDocument> Leads, IReadOnlyList<OriginDocument> Forecasts)
{
    /// <summary>The document of a back-test's score <paramref name="s"/>, origins <paramref name="from"/> to <paramref name="to"/> every <paramref name="every"/> days.</summary>
    public static ForecastBacktestDocument Of(string scenario, DateOnly from, DateOnly to, int every, ForecastSettings settings, ForecastScore s) => new(
        scenario, ForecastDocument.Date(from), ForecastDocument.Date(to), every, settings.Days, settings.Replications, settings.Seed, s.Origins.Count,
        s.Mae, s.Rmse, s.Coverage80, s.Coverage95, s.PersistenceMae, s.PersistenceRmse, s.Skill,
        s.SkillInterval is { } ci ? [ci.Lower, ci.Upper] : null,
        [.. s.Leads.Select(l => new LeadDocument(l.Day, l.Mae, l.PersistenceMae, l.Coverage80, l.Coverage95))],
        [.. s.Origins.Select(o => new OriginDocument(o.AsOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), o.Persistence,
            [.. o.Forecast.Select((f, d) => new OriginDayDocument(d + 1, o.Actual[d], f.Mean.Mean, [f.Lower80, f.Upper80], [f.Lower95, f.Upper95]))]))]);
}

/// <summary>The source-generated serializer of the forecast command's JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ForecastDocument))]
[JsonSerializable(typeof(ForecastBacktestDocument))]
public sealed partial class ForecastJsonContext : JsonSerializerContext;

/// <summary>forecast.json's text, as `bedflow forecast` prints and writes it and the web app's forecasts write it.</summary>
public static class ForecastJson
{
    /// <summary>The document of <paramref name="forecast"/>, of the scenario named <paramref name="scenario"/>, indented (no final new line).</summary>
    public static string Text(string scenario, ForecastResult forecast) =>
        System.Text.Json.JsonSerializer.Serialize(ForecastDocument.Of(scenario, forecast), ForecastJsonContext.Default.ForecastDocument);

    /// <summary>A forecast.json read back; null when it is not one.</summary>
    public static ForecastDocument? Read(byte[] json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(json, ForecastJsonContext.Default.ForecastDocument);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
