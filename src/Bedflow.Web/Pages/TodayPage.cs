using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Web.Delays;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `GET /today`: the transfer-of-care hub's list — everyone delayed now, longest first, the 7+, 14+
/// and 21+ day bands highlighted, filters, counts by reason and organisation, and the as-at time
/// in large type. Pseudonymised for viewers; editors also see NHS numbers (audited, as in the API).
/// </summary>
internal static class TodayPage
{
    public static IEndpointRouteBuilder MapTodayPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/today", RenderAsync).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> RenderAsync(HttpContext http, CurrentList list, AuditLog audit, TimeProvider clock,
        string? at, string? reason, string? provider, string? organisation, string? page, string? pageSize)
    {
        var (query, problems) = CurrentQuery.Read(at, reason, provider, organisation, page, pageSize, clock.GetLocalNow().DateTime);
        if (query is null)
        {
            string wrong = string.Concat(problems.Select(p => $"<li>{Html.Text(p.Key)}: {Html.Text(p.Value[0])}</li>"));
            string body = $"<h1>Patients delayed now</h1><p class=\"problem\" role=\"alert\">The filters are wrong:</p><ul class=\"problem\">{wrong}</ul>{Filters(null)}";
            return TypedResults.Content(Html.Page(http, "Today", body), "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        bool editor = Principals.RoleOf(http.User) >= Role.Editor;
        var result = await list.ReadAsync(query, http.User.FindFirstValue(ClaimTypes.Name)!, editor, "GET /today", http.RequestAborted);
        var imported = await audit.LastImportAsync(http.RequestAborted);
        return TypedResults.Content(Html.Page(http, "Today", Body(result, editor, imported)), "text/html; charset=utf-8");
    }

    private static string Body(CurrentPage p, bool editor, DateTime? imported)
    {
        var q = p.Query;
        var html = new StringBuilder();
        html.Append("<h1>Patients delayed now</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"asat\">As at {Html.Text(q.At.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture))}{(q.AtGiven ? "" : " (now)")}</p>");
        html.Append("<p>").Append(imported is { } i ? Html.Text(string.Create(CultureInfo.InvariantCulture, $"The register was last changed by an import at {i:yyyy-MM-dd HH:mm} UTC.")) : "Nothing has been imported into the register yet.").Append("</p>");
        html.Append(Filters(q));
        html.Append(CultureInfo.InvariantCulture, $"<p><strong>{p.Total}</strong> patient(s) delayed");
        foreach (var (band, count) in p.ByBand)
        {
            html.Append(CultureInfo.InvariantCulture, $", <span class=\"{Css(band)}\">{count} for {Html.Text(band)} days</span>");
        }
        html.Append(".</p>");
        if (p.Identifiers.StartsWith("unavailable", StringComparison.Ordinal))
        {
            html.Append("<p class=\"problem\">NHS numbers cannot be shown: ").Append(Html.Text(p.Identifiers["unavailable: ".Length..])).Append(".</p>");
        }
        html.Append("<table><caption>By reason</caption><thead><tr><th>Reason</th><th class=\"n\">Patients</th></tr></thead><tbody>");
        foreach (var (r, count) in p.ByReason)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Text(DelayReasonWords.Label(r))}</td><td class=\"n\">{count}</td></tr>");
        }
        html.Append("</tbody></table><table><caption>By responsible organisation</caption><thead><tr><th>Organisation</th><th class=\"n\">Patients</th></tr></thead><tbody>");
        foreach (var (o, count) in p.ByOrganisation)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Text(ResponsibilityWords.ExtractColumn(o))}</td><td class=\"n\">{count}</td></tr>");
        }
        html.Append("</tbody></table>");
        html.Append("<table id=\"delays\"><caption>Longest delayed first</caption><thead><tr><th>Patient (register key)</th>")
            .Append(editor ? "<th>NHS number</th><th>Local number</th>" : "")
            .Append("<th>Provider</th><th>Service</th><th>Beds</th><th>Ready since</th><th class=\"n\">Days delayed</th><th>Reason</th><th>Responsible</th></tr></thead><tbody>");
        foreach (var row in p.Rows)
        {
            var d = row.Delay;
            string css = DelayAge.CssClass(d.Days);
            html.Append(CultureInfo.InvariantCulture, $"<tr{(css.Length > 0 ? $" class=\"{css}\"" : "")}><td><a href=\"/episodes/{d.Episode}\">{d.Patient}</a></td>")
                .Append(editor ? $"<td>{Html.Text(Grouped(row.NhsNumber))}</td><td>{Html.Text(row.LocalNumber ?? "")}</td>" : "")
                .Append(CultureInfo.InvariantCulture, $"<td>{Html.Text(d.Provider)}</td><td>{Html.Text(d.Service)}</td><td>{Html.Text(SitRepBedsWords.Display(d.Beds))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{d.Ready:yyyy-MM-dd HH:mm}</td><td class=\"n\">{d.Days:F1}</td><td>{Html.Text(DelayReasonWords.Label(d.Reason))}</td><td>{Html.Text(ResponsibilityWords.ExtractColumn(d.Responsible))}</td></tr>");
        }
        html.Append("</tbody></table>");
        html.Append(Pager(p));
        return html.ToString();
    }

    private static string Css(string band) => band switch { "21+" => "band21", "14+" => "band14", _ => "band7" };

    /// <summary>An NHS number as people write it, 3-3-4 ("999 784 1425"), or "not held" (the Today and search pages).</summary>
    public static string Grouped(string? nhs) => nhs is { Length: 10 } n ? $"{n[..3]} {n[3..6]} {n[6..]}" : "not held";

    /// <summary>The filters: a GET form (it changes nothing, so it carries no antiforgery token and no NHS number).</summary>
    private static string Filters(CurrentQuery? q)
    {
        string Options(IEnumerable<(string Code, string Label)> items, string? selected) =>
            "<option value=\"\">all</option>" + string.Concat(items.Select(i => $"<option value=\"{Html.Text(i.Code)}\"{(i.Code == selected ? " selected" : "")}>{Html.Text(i.Label)}</option>"));
        return $"""
            <form method="get" action="/today" class="filters">
            <label>As at <input type="datetime-local" name="at" value="{(q is { AtGiven: true } ? q.At.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "")}"></label>
            <label>Reason <select name="reason">{Options(DelayReasonWords.Table.Rows.Select(r => (r.Code, DelayReasonWords.Label(r.Value))), q?.Reason is { } r ? SitRepCodes.Code(r) : null)}</select></label>
            <label>Provider <input name="provider" maxlength="{RegisterExtractLimits.MaxName}" value="{Html.Text(q?.Provider)}"></label>
            <label>Responsible <select name="organisation">{Options(ResponsibilityWords.Table.Rows.Select(o => (o.Code, o.ExtractColumn)), q?.Organisation is { } o ? SitRepCodes.Code(o) : null)}</select></label>
            <button type="submit">Show</button>
            </form>
            """;
    }

    private static string Pager(CurrentPage p)
    {
        int pages = Math.Max(1, (p.Total + p.Query.PageSize - 1) / p.Query.PageSize);
        if (pages == 1)
        {
            return "";
        }
        string Link(int n) => "/today?" + string.Join("&", new[]
        {
            p.Query.AtGiven ? "at=" + Uri.EscapeDataString(p.Query.At.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)) : null,
            p.Query.Reason is { } r ? "reason=" + SitRepCodes.Code(r) : null,
            p.Query.Provider is { } pr ? "provider=" + Uri.EscapeDataString(pr) : null,
            p.Query.Organisation is { } o ? "organisation=" + SitRepCodes.Code(o) : null,
            $"page={n}", $"pageSize={p.Query.PageSize}",
        }.Where(x => x is not null));
        var html = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<nav><p>Page {p.Query.Page} of {pages}. "));
        if (p.Query.Page > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Text(Link(p.Query.Page - 1))}\">Previous</a> ");
        }
        if (p.Query.Page < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Text(Link(p.Query.Page + 1))}\">Next</a>");
        }
        return html.Append("</p></nav>").ToString();
    }
}
