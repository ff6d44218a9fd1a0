using System.Globalization;
using System.Security.Claims;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Delays;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>
/// `GET /api/episodes/{id}` (viewers; editors also see the NHS number, audited) and
/// `PATCH /api/episodes/{id}` (editors): the patient record, versioned. The version travels as the
/// ETag; a change must send it back in If-Match, and one made on an older version is refused (409)
/// without writing anything, so that two people's edits of one patient never overwrite each other.
/// </summary>
internal static class EpisodeEndpoints
{
    public static IEndpointRouteBuilder MapEpisodeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/episodes/{id:long}", GetAsync).RequireAuthorization(Policies.Viewer).WithTags("Patients")
            .WithSummary("One episode: its record, reason history and changes; the version as the ETag.");
        app.MapMethods("/api/episodes/{id:long}", ["PATCH"], PatchAsync).RequireAuthorization(Policies.Editor).WithTags("Patients")
            .WithSummary("Record a new reason, a ready time or a discharge (checked as an import's rows are); If-Match: the version it was made on.");
        return app;
    }

    private static async Task<Results<Ok<EpisodeDocument>, ProblemHttpResult>> GetAsync(HttpContext http, long id, PatientRecord record)
    {
        var document = await record.ReadAsync(id, Who(http), Principals.RoleOf(http.User) >= Role.Editor, $"GET /api/episodes/{id}", http.RequestAborted);
        if (document is null)
        {
            return NotFound(id);
        }
        http.Response.Headers.ETag = ETag(document.Version);
        return TypedResults.Ok(document);
    }

    private static async Task<Results<Ok<EpisodeDocument>, ValidationProblem, ProblemHttpResult>> PatchAsync(HttpContext http, long id, EpisodeEditDocument body, DelayRegister register, PatientRecord record)
    {
        string? match = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(match))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "The version is missing",
                detail: "Send the version the change was made on: If-Match: \"N\", the ETag of GET /api/episodes/{id}. Without it a change could overwrite someone else's.");
        }
        if (!int.TryParse(match.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["must be the episode's ETag, such as \"3\"."] }, title: "The version is wrong");
        }
        var edit = new EpisodeEdit(body.Ready, body.Discharged, body.Destination, body.Reason, body.Responsible, body.ReasonFrom);
        var result = await register.EditAsync(id, version, edit, Who(http), $"PATCH /api/episodes/{id}", http.RequestAborted);
        switch (result.Status)
        {
            case EditStatus.NotFound:
                return NotFound(id);
            case EditStatus.Stale:
                http.Response.Headers.ETag = ETag(result.Episode!.Version);
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The record changed since you read it",
                    detail: $"Episode {id} is at version {result.Episode.Version}, not {version}: someone else (or an import) changed it. Nothing was saved: read it again and make the change on what it says now.",
                    extensions: new Dictionary<string, object?> { ["current_version"] = result.Episode.Version });
            case EditStatus.Invalid:
                return TypedResults.ValidationProblem(Problems(result.Problems), title: "The change is wrong");
            default:
                http.Response.Headers.ETag = ETag(result.Episode!.Version);
                return TypedResults.Ok(await record.DocumentAsync(result.Episode, Who(http), identifiable: true, $"PATCH /api/episodes/{id}", http.RequestAborted));
        }
    }

    /// <summary>An edit's problems by field (the extract's column names, as the body's keys are), for a 400.</summary>
    internal static Dictionary<string, string[]> Problems(IReadOnlyList<ImportProblem> problems) =>
        problems.GroupBy(p => p.Column.Length == 0 ? "edit" : p.Column).ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct().ToArray());

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such episode", detail: $"The register holds no episode {id}.");

    private static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static string Who(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name)!;
}
