using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bedflow.Data.Register;
using Bedflow.Web.Delays;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `/patients/search` (editors): find a patient by NHS number — a POST form (the number never in a
/// URL, where logs, history and proxies keep it), found through the register's keyed hash; the
/// patient's episodes linked to their pages. Every search and every identifier shown is audited.
/// </summary>
internal static class PatientSearchPage
{
    public static IEndpointRouteBuilder MapPatientSearchPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/patients/search", (HttpContext http) => Page(http, "", 200)).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        app.MapPost("/patients/search", SearchAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> SearchAsync(HttpContext http, IFormCollection form, PatientFinder finder)
    {
        string typed = form["nhs_number"].ToString();
        var found = await finder.FindAsync(typed, http.User.FindFirstValue(ClaimTypes.Name)!, "POST /patients/search", http.RequestAborted);
        return found.Status switch
        {
            FindStatus.Invalid => Page(http, Problem($"{NhsNumber.Mask(typed)} is not a valid NHS number: ten digits with a correct modulus-11 check digit (spaces are allowed: 943 476 5919)."), 400),
            FindStatus.NoKey => Page(http, Problem($"Search by NHS number is not available: {NhsNumber.KeyVariable} is not set on the server (the register finds patients only through the keyed hash of their number)."), 503),
            FindStatus.NotFound => Page(http, Problem($"The register holds no patient with NHS number {NhsNumber.Mask(found.Digits)}."), 404),
            _ => Page(http, Found(found), 200),
        };
    }

    private static string Found(FoundPatient f)
    {
        var html = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"<h2>Patient {f.Patient} (register key), NHS number {Html.Text(TodayPage.Grouped(f.Digits))}</h2><p>{f.Episodes.Count} episode(s), newest first:</p>"));
        html.Append("<table><thead><tr><th>Episode</th><th>Provider</th><th>Service</th><th>Admitted</th><th>Ready</th><th>Discharged</th><th>Local number</th></tr></thead><tbody>");
        foreach (var (e, local) in f.Episodes.OrderByDescending(x => x.Episode.Admitted))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/episodes/{e.Episode}\">{e.Episode}</a></td><td>{Html.Text(e.Provider)}</td><td>{Html.Text(e.Service)}</td><td>{T(e.Admitted)}</td><td>{T(e.Ready)}</td><td>{T(e.Discharged)}</td><td>{Html.Text(local ?? "")}</td></tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static string Problem(string text) => $"<p class=\"problem\" role=\"alert\">{Html.Text(text)}</p>";

    private static ContentHttpResult Page(HttpContext http, string result, int status)
    {
        string body = $"""
            <h1>Find a patient</h1>
            <form method="post" action="/patients/search" class="filters" autocomplete="off">{Html.AntiforgeryField(http)}
            <label>NHS number <input name="nhs_number" inputmode="numeric" maxlength="20" autocomplete="off"></label>
            <button type="submit">Find</button>
            </form>
            <p>Found through the register's keyed hash; the search is audited (the number masked), as is every identifier shown.</p>
            {result}
            """;
        return TypedResults.Content(Html.Page(http, "Find a patient", body), "text/html; charset=utf-8", statusCode: status);
    }

    private static string T(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
