using System.Globalization;
using System.Text;
using Bedflow.Data.Audit;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>`/audit?page=` (admins): the audit log, newest first, a hundred rows a page — who, when, what, which episode.</summary>
internal static class AuditPage
{
    /// <summary>Rows a page.</summary>
    public const int PageSize = 100;

    public static IEndpointRouteBuilder MapAuditPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit", ShowAsync).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> ShowAsync(HttpContext http, AuditLog audit, string? page)
    {
        var problems = new Dictionary<string, string[]>();
        var (p, _) = Api.Paging.Read(page, null, PageSize, PageSize, problems);
        if (problems.Count > 0)
        {
            return TypedResults.Content(Html.Page(http, "Audit log", $"<h1>Audit log</h1><p class=\"problem\">page {Html.Text(problems["page"][0])}</p><p><a href=\"/audit\">The newest</a></p>"), "text/html; charset=utf-8", statusCode: 400);
        }
        var (entries, total) = await audit.ReadAsync(p, PageSize, http.RequestAborted);
        long pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var body = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"<h1>Audit log</h1><p>Every change to the register and the accounts, and every view of who a patient is: {total:N0} rows, newest first (page {p} of {pages:N0}). Times are UTC. The same rows: <code>GET /api/audit</code>.</p>"));
        body.Append("<table><thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th class=\"n\">Episode</th><th>Detail</th></tr></thead><tbody>");
        foreach (var e in entries)
        {
            string episode = e.Episode is { } id ? $"<a href=\"/episodes/{id}\">{id}</a>" : "";
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.AtUtc:yyyy-MM-dd HH:mm:ss}</td><td>{Html.Text(e.Who)}</td><td>{Html.Text(e.Action)}</td><td class=\"n\">{episode}</td><td>{Html.Text(e.Detail)}</td></tr>");
        }
        body.Append("</tbody></table><p>");
        if (p > 1)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a href=\"/audit?page={p - 1}\">Newer</a> ");
        }
        if (p < pages)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a href=\"/audit?page={p + 1}\">Older</a>");
        }
        body.Append("</p>");
        return TypedResults.Content(Html.Page(http, "Audit log", body.ToString()), "text/html; charset=utf-8");
    }
}
