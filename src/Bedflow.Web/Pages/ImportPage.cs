using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bedflow.Web.Api;
using Bedflow.Web.Imports;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `/import` (editors): upload an extract — all or nothing, or skipping bad rows — and see the
/// register import's own report: rows read, episodes new, updated and unchanged, every problem by
/// line and field (NHS numbers masked), and the rejected rows to download (masked too) — also
/// when all or nothing refused the file, to correct them.
/// </summary>
internal static class ImportPage
{
    /// <summary>The most problems listed on the page (all of them are in the rejects file).</summary>
    public const int MaxShown = 500;

    public static IEndpointRouteBuilder MapImportPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/import", Show).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        // A form with a file: its size checked first, then its antiforgery token (ImportAsync).
        app.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(ExtractUpload.MaxRequest));
        app.MapGet("/import/rejects/{id}", RejectsAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        return app;
    }

    private static ContentHttpResult Show(HttpContext http, ExtractUpload upload) =>
        Page(http, upload.Available ? "" : Unavailable, 200);

    private static async Task<ContentHttpResult> ImportAsync(HttpContext http, ExtractUpload upload, IAntiforgery antiforgery)
    {
        // The form is read here, not bound: an upload over the limit must be told so (413), not taken for a forged form
        // (binding would have the antiforgery check read the body first and fail on its size); it is read in memory
        // (ExtractUpload.ReadFormAsync), at most two at once. The token is checked next.
        if (http.Request.ContentLength > ExtractUpload.MaxRequest)
        {
            return TooLarge(http);
        }
        if (!await upload.EnterAsync(http.RequestAborted))
        {
            return Page(http, Problem($"{ExtractUpload.MaxAtOnce} imports are running already: try again in a minute."), 503);
        }
        try
        {
            return await ImportFormAsync(http, upload, antiforgery, http.User.FindFirstValue(ClaimTypes.Name)!);
        }
        finally
        {
            upload.Leave();
        }
    }

    private static async Task<ContentHttpResult> ImportFormAsync(HttpContext http, ExtractUpload upload, IAntiforgery antiforgery, string who)
    {
        IFormCollection form;
        try
        {
            form = await ExtractUpload.ReadFormAsync(http);
        }
        catch (Exception e) when (ExtractUpload.TooLarge(e))
        {
            return TooLarge(http);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or InvalidOperationException)
        {
            return Page(http, Problem("The upload could not be read: send it from this form (a file and a choice)."), 400);
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Content(Html.Page(http, "Bad request", "<h1>Bad request</h1><p>The form must be sent from the page it came from (its antiforgery token was missing or wrong): reload the page and try again.</p><p><a href=\"/import\">Import</a></p>"),
                "text/html; charset=utf-8", statusCode: 400);
        }
        if (!upload.Available)
        {
            return Page(http, Unavailable, 503);
        }
        if (ExtractUpload.ParseMode(form["mode"]) is not { } skip)
        {
            return Page(http, Problem("mode: choose all or nothing, or import the good rows."), 400);
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return Page(http, Problem("file: choose the extract to import."), 400);
        }
        if (file.Length > ExtractUpload.MaxBytes)
        {
            return TooLarge(http);
        }
        var outcome = await upload.ImportAsync(file, skip, who, http.RequestAborted);
        int status = outcome.ServerFailure ? 503 : outcome.Report.Imported ? 200 : 400;
        return Page(http, Report(outcome), status);
    }

    private static ContentHttpResult TooLarge(HttpContext http) =>
        Page(http, Problem($"file: the extract is larger than {ExtractUpload.MaxBytes >> 20} MB; import it with 'bedflow register import FILE'."), 413);

    private static async Task<IResult> RejectsAsync(HttpContext http, string id, ExtractUpload upload)
    {
        var found = await upload.RejectsAsync(id, http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted);
        return found is { } f
            ? TypedResults.File(f.Csv, "text/csv; charset=utf-8", f.Name + ".rejects.csv")
            : TypedResults.Content(Html.Page(http, "Not found", $"<h1>No such rejects file</h1><p>{Html.Text(ExtractUpload.RejectsGone)}</p><p><a href=\"/import\">Import</a></p>"),
                "text/html; charset=utf-8", statusCode: 404);
    }

    private static string Unavailable => Problem($"Imports are not available: {Data.Register.NhsNumber.KeyVariable} is not set on the server, and the register keeps patients only by the keyed hash of their number.");

    private static string Problem(string text) => $"<div class=\"problem\" role=\"alert\"><p>{Html.Text(text)}</p></div>";

    /// <summary>What the import did, in the words the command line uses.</summary>
    private static string Report(ImportOutcome o)
    {
        var r = o.Report;
        var html = new StringBuilder("<section id=\"report\">");
        string verdict = r.Imported ? "Imported" : "Not imported";
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"verdict\">{verdict}: {Html.Text(o.File)}</h2>");
        if (r.Failure is { } why)
        {
            html.Append(Problem(r.Imported ? $"Note: {why}" : $"The import could not run: {why}"));
        }
        else if (!r.Imported)
        {
            html.Append(Problem(string.Create(CultureInfo.InvariantCulture, $"{r.Problems.Count} problem(s); nothing was imported.")
                + (o.SkipInvalid || r.Problems.Any(p => p.Line <= 1) ? "" : " Fix them, or import again choosing “import the good rows” to import the rest and download the bad ones.")));
        }
        html.Append("<table id=\"summary\"><tbody>");
        void Row(string name, string value) => html.Append(CultureInfo.InvariantCulture, $"<tr><th>{Html.Text(name)}</th><td class=\"n\">{Html.Text(value)}</td></tr>");
        Row("Mode", o.SkipInvalid ? "import the good rows, reject the bad" : "all or nothing");
        Row("Rows read", N(r.RowsRead));
        Row("Rows imported", N(r.Imported ? r.RowsRead - r.RejectedLines : 0));
        Row("New episodes", N(r.Inserted));
        Row("Episodes updated", N(r.Updated));
        Row("Episodes unchanged", N(r.Unchanged));
        if (r.Imported)
        {
            Row("Rows rejected", N(r.RejectedLines));
        }
        else
        {
            Row("Rows with problems", N(r.Problems.Where(p => p.Line > 1).Select(p => p.Line).Distinct().Count()));
        }
        html.Append("</tbody></table>");
        if (o.RejectsId is { } id)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a id=\"rejects\" href=\"/import/rejects/{id}\" download>{(r.Imported ? "Download the rejected rows" : "Download the rows with problems")}</a> (CSV with the reasons; NHS numbers masked; kept for {Data.Imports.RejectsStore.KeepWords}).</p>");
        }
        else if (o.RejectsNotKept)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">The rejected rows could not be kept for download: the register stayed busy (another import?) for {ExtractUpload.RejectsWait.TotalSeconds:0} seconds. The import stands as reported; the problems are listed below.</p>");
        }
        if (r.Problems.Count > 0)
        {
            html.Append("<table id=\"problems\"><caption>Problems</caption><thead><tr><th class=\"n\">Line</th><th>Field</th><th>Problem</th></tr></thead><tbody>");
            foreach (var p in r.Problems.Take(MaxShown))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{(p.Line > 0 ? N(p.Line) : "—")}</td><td>{Html.Text(p.Column)}</td><td>{Html.Text(p.Message)}</td></tr>");
            }
            html.Append("</tbody></table>");
            if (r.Problems.Count > MaxShown)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>… and {N(r.Problems.Count - MaxShown)} more.</p>");
            }
        }
        return html.Append("</section>").ToString();
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static ContentHttpResult Page(HttpContext http, string above, int status) =>
        TypedResults.Content(Html.Page(http, "Import", $"""
            <h1>Import an extract</h1>
            {above}
            <form method="post" action="/import" enctype="multipart/form-data" id="import">
            {Html.AntiforgeryField(http)}
            <p><label>Extract (CSV, UTF-8, the columns of docs/register.md; at most {ExtractUpload.MaxBytes >> 20} MB) <input type="file" name="file" id="file" accept=".csv,text/csv" required></label></p>
            <fieldset><legend>If a row is bad</legend>
            <label><input type="radio" name="mode" value="{ExtractUpload.AllOrNothing}" checked> import nothing (all or nothing)</label>
            <label><input type="radio" name="mode" value="{ExtractUpload.SkipInvalid}" id="skip_invalid"> import the good rows, and let me download the bad ones</label>
            </fieldset>
            <p><button type="submit">Import</button></p>
            </form>
            <p>Every row is checked exactly as <code>bedflow register import</code> checks it; importing the same file again changes nothing. <a href="/today">Today</a></p>
            """), "text/html; charset=utf-8", statusCode: status);
}
