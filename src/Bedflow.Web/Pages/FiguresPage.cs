using System.Globalization;
using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Reports;
using Bedflow.Reports.Charts;
using Bedflow.Reports.Workbook;
using Bedflow.Web.Api;
using Bedflow.Web.Figures;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `GET /figures` (viewers and up): the month's SitRep figures from the register's patients, a
/// council's published figures against England's and every council's, and its trend with the
/// seasonal decomposition — each with its chart (the board pack's SVG) and CSV and Excel
/// downloads (`/figures/KIND.csv|xlsx`). A bad query is a 400 page naming the field.
/// </summary>
internal static class FiguresPage
{
    public static IEndpointRouteBuilder MapFiguresPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/figures", RenderAsync).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        app.MapGet("/figures/{kind}.{format}", DownloadAsync).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> RenderAsync(HttpContext http, FiguresReader reader, TimeProvider clock,
        string? month, string? la, string? from, string? to, string? months)
    {
        var problems = new Dictionary<string, string[]>();
        var cancel = http.RequestAborted;
        var (sitrep, p1) = await reader.SitRepAsync(month, Today(clock), cancel);
        FiguresEndpoints.Merge(problems, p1);
        BenchmarkFigures? benchmark = null;
        TrendFigures? trend = null;
        if (!string.IsNullOrWhiteSpace(la))
        {
            var (b, p2) = await reader.BenchmarkAsync(la, from, to, cancel);
            var (t, p3) = await reader.TrendAsync(la, months, cancel);
            FiguresEndpoints.Merge(problems, p2);
            FiguresEndpoints.Merge(problems, p3);
            (benchmark, trend) = (b, t);
        }
        var html = new StringBuilder("<h1>Figures</h1>");
        if (problems.Count > 0)
        {
            html.Append("<p class=\"problem\" role=\"alert\">The query is wrong:</p><ul class=\"problem\">")
                .AppendJoin("", problems.Select(p => $"<li>{Html.Text(p.Key)}: {Html.Text(p.Value[0])}</li>")).Append("</ul>");
        }
        html.Append(Form(month, la, from, to, months, sitrep));
        if (sitrep is not null)
        {
            SitRep(html, sitrep);
        }
        if (string.IsNullOrWhiteSpace(la))
        {
            html.Append("<h2>Benchmark and trend</h2><p>Give a council's code (such as E10000025 or 608 for Oxfordshire, or England) to compare it with England and every council, and to see its trend.</p>");
        }
        if (benchmark is not null)
        {
            Benchmark(html, benchmark);
        }
        if (trend is not null)
        {
            Trend(html, trend);
        }
        return TypedResults.Content(Html.Page(http, "Figures", html.ToString()), "text/html; charset=utf-8", statusCode: problems.Count > 0 ? 400 : 200);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, FiguresReader reader, TimeProvider clock, string kind, string format,
        string? month, string? la, string? from, string? to, string? months)
    {
        if (!FigureKind.Formats.Contains(format) || format == "json" || kind is not (FigureKind.SitRep or FigureKind.Benchmark or FigureKind.Trend))
        {
            return TypedResults.NotFound();
        }
        var cancel = http.RequestAborted;
        Dictionary<string, string[]> problems;
        switch (kind)
        {
            case FigureKind.SitRep:
                var (m, p1) = await reader.SitRepAsync(month, Today(clock), cancel);
                if (m is not null)
                {
                    return FigureDownload.File($"sitrep-{FiguresReader.M(m.First)}", format, "SitRep figures", FigureTables.SitRep(m));
                }
                problems = p1;
                break;
            case FigureKind.Benchmark:
                var (b, p2) = await reader.BenchmarkAsync(la, from, to, cancel);
                if (b is not null)
                {
                    return FigureDownload.File($"benchmark-{b.Council.Council}-{b.Council.From}-{b.Council.To}", format, "Benchmark", FigureTables.Benchmark(b));
                }
                problems = p2;
                break;
            default:
                var (t, p3) = await reader.TrendAsync(la, months, cancel);
                if (t is not null)
                {
                    return FigureDownload.File($"trend-{t.Series.Council}", format, "Trend", FigureTables.Trend(t));
                }
                problems = p3;
                break;
        }
        string wrong = string.Concat(problems.Select(p => $"<li>{Html.Text(p.Key)}: {Html.Text(p.Value[0])}</li>"));
        return TypedResults.Content(Html.Page(http, "Figures", $"<h1>Figures</h1><p class=\"problem\" role=\"alert\">The query is wrong:</p><ul class=\"problem\">{wrong}</ul><p><a href=\"/figures\">Figures</a></p>"),
            "text/html; charset=utf-8", statusCode: 400);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string Form(string? month, string? la, string? from, string? to, string? months, MonthFigures? sitrep) => $"""
        <form method="get" action="/figures" class="filters">
        <label>Month <input name="month" placeholder="YYYY-MM" maxlength="7" value="{Html.Text(month ?? (sitrep is null ? "" : FiguresReader.M(sitrep.First)))}"></label>
        <label>Council <input name="la" placeholder="E10000025" maxlength="64" value="{Html.Text(la)}"></label>
        <label>From <input name="from" placeholder="YYYY-MM" maxlength="7" value="{Html.Text(from)}"></label>
        <label>To <input name="to" placeholder="YYYY-MM" maxlength="7" value="{Html.Text(to)}"></label>
        <label>Change between <input name="months" placeholder="YYYY-MM,YYYY-MM" maxlength="15" value="{Html.Text(months)}"></label>
        <button type="submit">Show</button>
        </form>
        """;

    private static void SitRep(StringBuilder html, MonthFigures m)
    {
        string q = "month=" + FiguresReader.M(m.First);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"sitrep\"><h2>SitRep, {m.First:MMMM yyyy}</h2>")
            .Append(Html.Text(string.Create(CultureInfo.InvariantCulture,
                $"{m.DelayedDays():N0} delayed days, {m.DtocBeds():F1} DTOC beds (delayed days ÷ {m.DaysCovered} days), {m.SnapshotPatients()} patients delayed at the snapshot")))
            .Append(m.SnapshotDate is { } s ? Html.Text(string.Create(CultureInfo.InvariantCulture, $" ({s:ddd d MMM} 24:00).")) : " (the month's last Thursday is not covered).");
        if (m.DelayedDays() > 0)
        {
            html.Append(BoardReport.Chart(FiguresCharts.SitRepMonth(m)));
        }
        Downloads(html, FigureKind.SitRep, q);
        html.Append(Table(FigureTables.SitRep(m)[0], skip: 1)).Append("</section>");
    }

    private static void Benchmark(StringBuilder html, BenchmarkFigures f)
    {
        var b = f.Council;
        string q = $"la={Uri.EscapeDataString(b.Council)}&from={b.From}&to={b.To}";
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"benchmark\"><h2>{Html.Text(b.Name)} ({Html.Text(b.Council)}) against England and all councils, {b.From} to {b.To}</h2><p>");
        html.Append(b.DelayedDays is { } days
            ? Html.Text(string.Create(CultureInfo.InvariantCulture, $"{days:N0} delayed days; ") + (b.Rank is { } r ? string.Create(CultureInfo.InvariantCulture, $"rank {r} of {b.Councils} by {b.RankedBy} (1 = fewest).") : (b.IsNational ? "the national total, not ranked." : "not ranked.")))
            : Html.Text($"No data for {b.Name} in this period (every value is missing or was not published)."));
        html.Append("</p>");
        if (b.Warning is { } w)
        {
            html.Append("<p>").Append(Html.Text(w)).Append("</p>");
        }
        if (f.England is { } e && b.DelayedDays is not null && e.DelayedDays is not null)
        {
            html.Append(BoardReport.Chart(FiguresCharts.Benchmark(b.Name, b.ByReason, e.ByReason)));
        }
        Downloads(html, FigureKind.Benchmark, q);
        var tables = FigureTables.Benchmark(f);
        html.Append(Table(tables[0], skip: 0)).Append(Table(tables[1], skip: 0)).Append("</section>");
    }

    private static void Trend(StringBuilder html, TrendFigures t)
    {
        string q = $"la={Uri.EscapeDataString(t.Series.Council)}" + (t.From is null ? "" : $"&months={t.From},{t.To}");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"trend\"><h2>Trend and season, {Html.Text(t.Series.Name)}</h2>");
        if (t.Share is { } s)
        {
            html.Append("<p>").Append(Html.Text(ShareText(t, s))).Append("</p>");
        }
        html.Append(BoardReport.Chart(FiguresCharts.Trend(t.Series.Name, t.Decomposition)));
        html.Append(BoardReport.Chart(FiguresCharts.Seasonal(t.Series.Name, t.Decomposition)));
        Downloads(html, FigureKind.Trend, q);
        html.Append(Table(FigureTables.Trend(t)[1], skip: 0)).Append("</section>");
    }

    private static string ShareText(TrendFigures t, Core.Statistics.SeasonalShare s)
    {
        string I(FormattableString x) => x.ToString(CultureInfo.InvariantCulture);
        if (!double.IsFinite(s.Change))
        {
            return $"No data for {t.Series.Name} in {t.From} or {t.To}: the change cannot be split into seasonal and other parts.";
        }
        if (!double.IsFinite(s.Seasonal))
        {
            return I($"From {t.From} to {t.To} the count changed by {s.Change:+0.0;-0.0} a day; how much of it is seasonal cannot be said (no seasonal effect for one of the months).");
        }
        string interval = double.IsFinite(s.SeasonalLow) ? I($" (95% CI {s.SeasonalLow:+0.0;-0.0} to {s.SeasonalHigh:+0.0;-0.0})") : " (no interval: fewer than two years of data for one of the months)";
        string part = !double.IsFinite(s.Share) ? "; the count did not change, so no share of the change can be given"
            : double.IsFinite(s.ShareLow) ? I($", that is {s.Share:P0} of the change (95% CI {s.ShareLow:P0} to {s.ShareHigh:P0})") : I($", that is {s.Share:P0} of the change");
        return I($"From {t.From} to {t.To} the count changed by {s.Change:+0.0;-0.0} a day; the seasonal pattern accounts for {s.Seasonal:+0.0;-0.0}{interval}{part}.");
    }

    private static void Downloads(StringBuilder html, string kind, string query) =>
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"downloads\">Download: <a href=\"/figures/{kind}.csv?{Html.Text(query)}\">CSV</a> · <a href=\"/figures/{kind}.xlsx?{Html.Text(query)}\">Excel</a></p>");

    /// <summary>A table of figures as HTML, its first <paramref name="skip"/> columns left out; a missing value shown as "no data".</summary>
    private static string Table(FigureTable table, int skip)
    {
        var h = new StringBuilder($"<table><caption>{Html.Text(table.Name)}</caption><thead><tr>");
        foreach (string heading in table.Headings.Skip(skip))
        {
            h.Append("<th>").Append(Html.Text(heading)).Append("</th>");
        }
        h.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            h.Append("<tr>");
            foreach (object? cell in row.Skip(skip))
            {
                h.Append(cell switch
                {
                    string text => $"<td>{Html.Text(text)}</td>",
                    long n => string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{n:N0}</td>"),
                    int n => string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{n:N0}</td>"),
                    double x when double.IsFinite(x) => string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{x:N2}</td>"),
                    _ => "<td class=\"n\">no data</td>",
                });
            }
            h.Append("</tr>");
        }
        return h.Append("</tbody></table>").ToString();
    }
}
