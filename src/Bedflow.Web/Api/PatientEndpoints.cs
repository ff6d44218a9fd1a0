using System.Globalization;
using System.Security.Claims;
using Bedflow.Data.Register;
using Bedflow.Web.Delays;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>
/// `POST /api/patients/search` (editors): the patient an NHS number names, found through its keyed
/// hash. The number travels in the body, never in a URL. The search and every identifier shown are audited.
/// </summary>
internal static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/patients/search", SearchAsync).RequireAuthorization(Policies.Editor).WithTags("Patients")
            .WithSummary("Find a patient by NHS number (in the body: {\"nhs_number\": \"…\"}), through the register's keyed hash.");
        return app;
    }

    private static async Task<Results<Ok<PatientDocument>, ValidationProblem, ProblemHttpResult>> SearchAsync(HttpContext http, PatientSearchDocument search, PatientFinder finder)
    {
        var found = await finder.FindAsync(search.NhsNumber, http.User.FindFirstValue(ClaimTypes.Name)!, "POST /api/patients/search", http.RequestAborted);
        return found.Status switch
        {
            FindStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nhs_number"] = [$"{NhsNumber.Mask(search.NhsNumber)} is not a valid NHS number (ten digits with a correct modulus-11 check digit)."] }, title: "The search is wrong"),
            FindStatus.NoKey => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search by NHS number is not available",
                detail: $"{NhsNumber.KeyVariable} is not set on the server: the register finds patients only through the keyed hash of their number."),
            FindStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such patient", detail: $"The register holds no patient with NHS number {NhsNumber.Mask(found.Digits)}."),
            _ => TypedResults.Ok(new PatientDocument(found.Patient!.Value, found.Digits,
                [.. found.Episodes.Select(x => new PatientEpisodeDocument(x.Episode.Episode, x.Episode.Provider, x.Episode.Service, T(x.Episode.Admitted)!, T(x.Episode.Ready), T(x.Episode.Discharged), x.LocalNumber))])),
        };
    }

    private static string? T(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
