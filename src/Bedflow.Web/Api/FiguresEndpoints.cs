using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Web.Figures;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>
/// `GET /api/figures/sitrep | benchmark | trend` (viewers and up): the figures `bedflow register
/// sitrep | benchmark | trend` print, as JSON, or with <c>?format=csv|xlsx</c> as a download.
/// </summary>
internal static class FiguresEndpoints
{
    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/figures").RequireAuthorization(Policies.Viewer).WithTags("Figures");
        group.MapGet("/sitrep", SitRepAsync).WithSummary("The month's SitRep figures from the register's patients (?month=YYYY-MM, default this month; ?format=json|csv|xlsx).");
        group.MapGet("/benchmark", BenchmarkAsync).WithSummary("A council's published delayed days by reason and organisation, its rank among councils, and England's over the same months (?la=&from=&to=; ?format=).");
        group.MapGet("/trend", TrendAsync).WithSummary("A council's published monthly series with its seasonal decomposition (?la=&months=FROM,TO; ?format=).");
        return app;
    }

    private static async Task<Results<Ok<SitRepFiguresDocument>, FileContentHttpResult, ValidationProblem>> SitRepAsync(FiguresReader reader, TimeProvider clock, string? month, string? format, HttpContext http)
    {
        var problems = new Dictionary<string, string[]>();
        string f = Format(format, problems);
        var (m, wrong) = await reader.SitRepAsync(month, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), http.RequestAborted);
        Merge(problems, wrong);
        if (m is null || problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The query is wrong");
        }
        return f == "json" ? TypedResults.Ok(SitRep(m)) : FigureDownload.File($"sitrep-{FiguresReader.M(m.First)}", f, "SitRep figures", FigureTables.SitRep(m));
    }

    private static async Task<Results<Ok<BenchmarkFiguresDocument>, FileContentHttpResult, ValidationProblem>> BenchmarkAsync(FiguresReader reader, string? la, string? from, string? to, string? format, HttpContext http)
    {
        var problems = new Dictionary<string, string[]>();
        string f = Format(format, problems);
        var (b, wrong) = await reader.BenchmarkAsync(la, from, to, http.RequestAborted);
        Merge(problems, wrong);
        if (b is null || problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The query is wrong");
        }
        return f == "json" ? TypedResults.Ok(new BenchmarkFiguresDocument(Part(b.Council), b.England is { } e ? Part(e) : null))
            : FigureDownload.File($"benchmark-{b.Council.Council}-{b.Council.From}-{b.Council.To}", f, "Benchmark", FigureTables.Benchmark(b));
    }

    private static async Task<Results<Ok<TrendFiguresDocument>, FileContentHttpResult, ValidationProblem>> TrendAsync(FiguresReader reader, string? la, string? months, string? format, HttpContext http)
    {
        var problems = new Dictionary<string, string[]>();
        string f = Format(format, problems);
        var (t, wrong) = await reader.TrendAsync(la, months, http.RequestAborted);
        Merge(problems, wrong);
        if (t is null || problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The query is wrong");
        }
        return f == "json" ? TypedResults.Ok(Trend(t)) : FigureDownload.File($"trend-{t.Series.Council}", f, "Trend", FigureTables.Trend(t));
    }

    /// <summary>The format asked for (json unless said); its problem under "format".</summary>
    internal static string Format(string? format, Dictionary<string, string[]> problems)
    {
        string f = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (!FigureKind.Formats.Contains(f))
        {
            problems["format"] = [$"'{FiguresReader.Echo(format)}' is not a format: json, csv or xlsx."];
        }
        return f;
    }

    internal static void Merge(Dictionary<string, string[]> into, Dictionary<string, string[]> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = v;
        }
    }

    private static SitRepFiguresDocument SitRep(MonthFigures m)
    {
        var byReason = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in Core.Vocabulary.SitRep.Reasons)
        {
            byReason.Add(SitRepCodes.Code(r), m.DelayedDays(reason: r));
        }
        var byOrganisation = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in Core.Vocabulary.SitRep.Responsibilities)
        {
            byOrganisation.Add(SitRepCodes.Code(o), m.DelayedDays(responsible: o));
        }
        return new($"{m.Year:0000}-{m.Month:00}", m.DelayedDays(), m.DtocBeds(), m.SnapshotDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            m.SnapshotPatients(), byReason, byOrganisation);
    }

    private static BenchmarkPartDocument Part(Data.Register.Benchmark b)
    {
        var byReason = new OrderedDictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (reason, days) in b.ByReason)
        {
            byReason.Add(SitRepCodes.Code(reason), days);
        }
        var byOrganisation = new OrderedDictionary<string, long?>(StringComparer.Ordinal);
        foreach (var o in Core.Vocabulary.SitRep.Responsibilities)
        {
            byOrganisation.Add(SitRepCodes.Code(o), b.ByOrganisation[o]);
        }
        return new(b.Council, b.Name, b.IsNational, b.From, b.To, b.DelayedDays, byReason, byOrganisation, b.Rank, b.Councils, b.RankedBy, b.MissingValues, b.Warning);
    }

    private static TrendFiguresDocument Trend(TrendFigures t)
    {
        var d = t.Decomposition;
        var seasonal = new OrderedDictionary<string, SeasonalMonthDocument>(StringComparer.Ordinal);
        for (int m = 0; m < 12; m++)
        {
            var (low, high) = d.SeasonalInterval(m);
            seasonal.Add(System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[m], new(N(d.SeasonalByMonth[m]), [N(low), N(high)], d.SeasonalYears[m]));
        }
        var change = t.Share is not { } s ? null : new TrendChangeDocument(t.From, t.To, N(s.Change), N(s.Seasonal), [N(s.SeasonalLow), N(s.SeasonalHigh)], N(s.Share), [N(s.ShareLow), N(s.ShareHigh)]);
        return new(t.Series.Council, t.Series.Name, FiguresReader.M(t.Series.First), t.Series.Values, [.. d.Trend.Select(N)], seasonal, change);
    }

    /// <summary>JSON has no NaN: an undefined figure is null.</summary>
    private static double? N(double x) => double.IsFinite(x) ? x : null;
}
