using System.Globalization;
using System.Security.Claims;
using Bedflow.Web.Imports;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>
/// `POST /api/imports` (editors): an extract uploaded as multipart field `file`, imported as
/// `bedflow register import` imports it — all or nothing unless `mode=skip_invalid` — and
/// `GET /api/imports/rejects/{id}`: the import's rejected rows, NHS numbers masked, for the account that imported.
/// </summary>
internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        // Tokens only under /api (never the cookie), so no cross-site form can reach it: no antiforgery token to ask for.
        app.MapPost("/api/imports", ImportAsync).RequireAuthorization(Policies.Editor).WithTags("Imports")
            .WithMetadata(new RequestSizeLimitAttribute(ExtractUpload.MaxRequest)).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import a patient-level extract (multipart: file; mode = all_or_nothing (default) or skip_invalid), checked as bedflow register import checks it.");
        app.MapGet("/api/imports/rejects/{id}", RejectsAsync).RequireAuthorization(Policies.Editor).WithTags("Imports")
            .WithSummary("The rejected rows of an import (CSV, NHS numbers masked; also of one refused all or nothing), for 7 days after it, to the account that imported.");
        return app;
    }

    private static async Task<Results<Ok<ImportDocument>, ValidationProblem, ProblemHttpResult>> ImportAsync(HttpContext http, ExtractUpload upload)
    {
        // The form is read by ExtractUpload, in memory and at most two at once, not bound (binding would buffer it to disk).
        if (http.Request.ContentLength > ExtractUpload.MaxRequest)
        {
            return TooLarge();
        }
        if (!await upload.EnterAsync(http.RequestAborted))
        {
            return Busy();
        }
        try
        {
            return await ImportFormAsync(http, upload, http.User.FindFirstValue(ClaimTypes.Name)!);
        }
        finally
        {
            upload.Leave();
        }
    }

    private static async Task<Results<Ok<ImportDocument>, ValidationProblem, ProblemHttpResult>> ImportFormAsync(HttpContext http, ExtractUpload upload, string who)
    {
        IFormCollection form;
        try
        {
            form = await ExtractUpload.ReadFormAsync(http);
        }
        catch (Exception e) when (ExtractUpload.TooLarge(e))
        {
            return TooLarge();
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or InvalidOperationException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["could not be read: send multipart/form-data with the extract as the field 'file'."] }, title: "The upload is wrong");
        }
        if (!upload.Available)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Imports are not available",
                detail: $"{Data.Register.NhsNumber.KeyVariable} is not set on the server: the register keeps patients only by the keyed hash of their number.");
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["is missing: send the extract as the multipart field 'file'."] }, title: "The upload is wrong");
        }
        if (ExtractUpload.ParseMode(form["mode"]) is not { } skip)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = [$"must be {ExtractUpload.AllOrNothing} or {ExtractUpload.SkipInvalid}."] }, title: "The upload is wrong");
        }
        if (file.Length > ExtractUpload.MaxBytes)
        {
            return TooLarge();
        }
        var outcome = await upload.ImportAsync(file, skip, who, http.RequestAborted);
        var document = Document(outcome);
        if (outcome.ServerFailure)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The import could not run", detail: outcome.Report.Failure);
        }
        if (!outcome.Report.Imported)
        {
            return TypedResults.ValidationProblem(Errors(outcome), title: "The extract was not imported",
                detail: string.Create(CultureInfo.InvariantCulture, $"{outcome.Report.Problems.Count} problem(s) in {outcome.File}; nothing was imported.")
                    + (skip ? "" : " Fix them, or send mode=skip_invalid to import the good rows."),
                extensions: new Dictionary<string, object?> { ["import"] = document });
        }
        return TypedResults.Ok(document);
    }

    private static ProblemHttpResult Busy() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Imports are busy",
            detail: $"{ExtractUpload.MaxAtOnce} imports are running already: try again in a minute.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RejectsAsync(HttpContext http, string id, ExtractUpload upload)
    {
        var found = await upload.RejectsAsync(id, http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted);
        return found is { } f
            ? TypedResults.File(f.Csv, "text/csv; charset=utf-8", f.Name + ".rejects.csv")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rejects file", detail: ExtractUpload.RejectsGone);
    }

    /// <summary>413 problem details: the extract is larger than an import takes.</summary>
    internal static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The extract is too large",
            detail: $"An upload may be at most {ExtractUpload.MaxBytes >> 20} MB: import a larger extract with 'bedflow register import FILE'.");

    /// <summary>The import's JSON: its report, problems by line, and the rejects' address.</summary>
    internal static ImportDocument Document(ImportOutcome o) => new(o.File, o.Mode, o.Report.Imported, o.Report.RowsRead, o.Report.Inserted, o.Report.Updated, o.Report.Unchanged,
        o.Report.RejectedLines, [.. o.Report.Problems.Select(p => new ImportProblemDocument(p.Line, p.Column, p.Message))],
        o.RejectsId is { } id ? $"/api/imports/rejects/{id}" : null, o.Report.Failure);

    /// <summary>The problems as a 400's errors: by line ("line 3"; "file" for the whole file), each "column: message".</summary>
    private static Dictionary<string, string[]> Errors(ImportOutcome o) =>
        o.Report.Problems.GroupBy(p => p.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {p.Line}") : "file")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Column.Length > 0 ? $"{p.Column}: {p.Message}" : p.Message).ToArray());
}
