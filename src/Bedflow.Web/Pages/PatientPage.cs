using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Api;
using Bedflow.Web.Delays;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `/episodes/{id}`, the patient page: the episode, its reason history and who changed what; for
/// editors who the patient is (audited) and a form to record a new reason, a ready time or a
/// discharge — checked as imports are, and carrying the version it was made on in a hidden field, so
/// that a change made on a record someone else has changed since is refused with what was typed kept.
/// </summary>
internal static class PatientPage
{
    private static readonly string[] Fields = ["ready", "discharged", "destination", "reason", "responsible", "reason_from"];

    public static IEndpointRouteBuilder MapPatientPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/episodes/{id:long}", ShowAsync).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        app.MapPost("/episodes/{id:long}", SaveAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> ShowAsync(HttpContext http, long id, PatientRecord record)
    {
        bool editor = Principals.RoleOf(http.User) >= Role.Editor;
        var document = await record.ReadAsync(id, http.User.FindFirstValue(ClaimTypes.Name)!, editor, $"GET /episodes/{id}", http.RequestAborted);
        return document is null ? NotFound(http, id) : Page(http, document, editor, null, null, 200);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SaveAsync(HttpContext http, long id, IFormCollection form, DelayRegister register, PatientRecord record)
    {
        string who = http.User.FindFirstValue(ClaimTypes.Name)!;
        var typed = Fields.ToDictionary(f => f, f => form[f].ToString());
        if (!int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out int version))
        {
            var current = await record.ReadAsync(id, who, true, $"POST /episodes/{id}", http.RequestAborted);
            return current is null ? NotFound(http, id) : Page(http, current, true, ["The form has no version: reload the page and make the change again."], typed, 400);
        }
        var edit = new EpisodeEdit(typed["ready"], typed["discharged"], typed["destination"], typed["reason"], typed["responsible"], typed["reason_from"]);
        var result = await register.EditAsync(id, version, edit, who, $"POST /episodes/{id}", http.RequestAborted);
        if (result.Status == EditStatus.NotFound)
        {
            return NotFound(http, id);
        }
        if (result.Status == EditStatus.Saved)
        {
            return TypedResults.Redirect($"/episodes/{id}?saved=1");
        }
        var document = await record.DocumentAsync(result.Episode!, who, true, $"POST /episodes/{id}", http.RequestAborted);
        return result.Status == EditStatus.Stale
            ? Page(http, document, true, [$"Someone else changed this record (it is now at version {result.Episode!.Version}, your form was made on version {version}). Your change was not saved; it is kept in the form below: check the record above, then send it again."], typed, 409)
            : Page(http, document, true, [.. result.Problems.Select(p => p.Column.Length > 0 ? $"{p.Column}: {p.Message}" : p.Message)], typed, 400);
    }

    private static ContentHttpResult NotFound(HttpContext http, long id) =>
        TypedResults.Content(Html.Page(http, "Not found", $"<h1>No such episode</h1><p>The register holds no episode {id}.</p><p><a href=\"/today\">Today</a></p>"), "text/html; charset=utf-8", statusCode: 404);

    private static ContentHttpResult Page(HttpContext http, EpisodeDocument d, bool editor, IReadOnlyList<string>? problems, Dictionary<string, string>? typed, int status)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>Patient {d.Patient}, episode {d.Episode}</h1>");
        if (http.Request.Query.ContainsKey("saved") && problems is null)
        {
            html.Append("<p class=\"saved\" role=\"status\">Saved.</p>");
        }
        if (problems is { Count: > 0 })
        {
            html.Append("<div class=\"problem\" role=\"alert\"><p>The change was not saved:</p><ul>").Append(string.Concat(problems.Select(p => $"<li>{Html.Text(p)}</li>"))).Append("</ul></div>");
        }
        html.Append("<table id=\"episode\"><tbody>");
        void Row(string name, string? value) => html.Append(CultureInfo.InvariantCulture, $"<tr><th>{Html.Text(name)}</th><td>{Html.Text(value ?? "—")}</td></tr>");
        if (editor)
        {
            Row("NHS number", d.NhsNumber is { Length: 10 } n ? $"{n[..3]} {n[3..6]} {n[6..]}" : "not held");
            Row("Local number", d.LocalNumber);
        }
        Row("Provider", d.Provider);
        Row("Service", d.Service);
        Row("Beds", d.Beds);
        Row("Admitted", d.Admitted);
        Row("Ready for transfer", d.Ready);
        Row("Discharged", d.Discharged);
        Row("Destination", d.Destination);
        Row("Version", d.Version.ToString(CultureInfo.InvariantCulture));
        html.Append("</tbody></table>");
        html.Append("<table id=\"reasons\"><caption>Reason history</caption><thead><tr><th>From</th><th>Reason</th><th>Responsible</th></tr></thead><tbody>");
        foreach (var r in d.Reasons)
        {
            string label = SitRepCodes.Reason(r.Reason) is { } reason ? DelayReasonWords.Label(reason) : r.Reason;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Text(r.From)}</td><td>{Html.Text(label)}</td><td>{Html.Text(r.Responsible)}</td></tr>");
        }
        html.Append("</tbody></table>");
        html.Append("<table id=\"changes\"><caption>Who changed what</caption><thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>Detail</th></tr></thead><tbody>");
        foreach (var c in d.Changes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Text(c.AtUtc)}</td><td>{Html.Text(c.Who)}</td><td>{Html.Text(c.Action)}</td><td>{Html.Text(c.Detail)}</td></tr>");
        }
        html.Append("</tbody></table>");
        if (editor)
        {
            html.Append(Form(http, d, typed));
        }
        return TypedResults.Content(Html.Page(http, "Patient", html.ToString()), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The edit form: what was typed kept after a refusal, the version hidden, the SitRep table's reasons and organisations to pick from.</summary>
    private static string Form(HttpContext http, EpisodeDocument d, Dictionary<string, string>? typed)
    {
        string V(string field) => Html.Text(typed?.GetValueOrDefault(field) ?? "");
        string Select(string name, IEnumerable<(string Value, string Label)> items) =>
            $"<select name=\"{name}\" id=\"{name}\"><option value=\"\">—</option>{string.Concat(items.Select(i => $"<option value=\"{Html.Text(i.Value)}\"{(typed?.GetValueOrDefault(name) == i.Value ? " selected" : "")}>{Html.Text(i.Label)}</option>"))}</select>";
        return $"""
            <h2>Record a change</h2>
            <form method="post" action="/episodes/{d.Episode}" id="edit">
            {Html.AntiforgeryField(http)}
            <input type="hidden" name="version" value="{d.Version}">
            <fieldset><legend>A new delay reason</legend>
            <label>Reason {Select("reason", DelayReasonWords.Table.Rows.Select(r => (r.Code, DelayReasonWords.Label(r.Value))))}</label>
            <label>Responsible {Select("responsible", ResponsibilityWords.Table.Rows.Select(o => (o.ExtractColumn, o.ExtractColumn)))}</label>
            <label>From <input name="reason_from" id="reason_from" placeholder="yyyy-mm-dd hh:mm" value="{V("reason_from")}"></label>
            </fieldset>
            <fieldset><legend>Ready for transfer, discharge</legend>
            <label>Ready <input name="ready" id="ready" placeholder="yyyy-mm-dd hh:mm" value="{V("ready")}"></label>
            <label>Discharged <input name="discharged" id="discharged" placeholder="yyyy-mm-dd hh:mm" value="{V("discharged")}"></label>
            <label>Destination <input name="destination" id="destination" placeholder="P0 … P3" value="{V("destination")}"></label>
            </fieldset>
            <p><button type="submit">Save</button></p>
            </form>
            """;
    }
}
