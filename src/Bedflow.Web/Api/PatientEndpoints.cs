using System.Globalization;
using System.Security.Claims;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
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

    private static async Task<Results<Ok<PatientDocument>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        HttpContext http, PatientSearchDocument search, DelayRegister register, AuditLog audit, WebOptions options)
    {
        if (NhsNumber.Normalise(search.NhsNumber) is not { } digits)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nhs_number"] = [$"{NhsNumber.Mask(search.NhsNumber)} is not a valid NHS number (ten digits with a correct modulus-11 check digit)."] }, title: "The search is wrong");
        }
        if (options.HashKey is not { } key)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search by NHS number is not available",
                detail: $"{NhsNumber.KeyVariable} is not set on the server: the register finds patients only through the keyed hash of their number.");
        }
        string who = http.User.FindFirstValue(ClaimTypes.Name)!;
        var cancel = http.RequestAborted;
        long? patient = await register.FindPatientAsync(digits, key, cancel);
        await audit.WriteAsync(who, "searched by NHS number", (long?)null, patient is null ? $"{NhsNumber.Mask(digits)}: no patient" : $"{NhsNumber.Mask(digits)}: patient {patient}", cancel);
        if (patient is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such patient", detail: $"The register holds no patient with NHS number {NhsNumber.Mask(digits)}.");
        }
        var episodes = await register.PatientEpisodesAsync(patient.Value, cancel);
        IReadOnlyDictionary<long, (string? NhsNumber, string? LocalNumber)> ids = new Dictionary<long, (string?, string?)>();
        if (register.CanShowIdentifiers && episodes.Count > 0)
        {
            await audit.WriteAsync(who, "viewed identifiers", [.. episodes.Select(e => (long?)e.Episode)], "POST /api/patients/search", cancel);
            ids = await register.IdentifiersAsync([.. episodes.Select(e => e.Episode)], cancel);
        }
        return TypedResults.Ok(new PatientDocument(patient.Value, digits,
            [.. episodes.Select(e => new PatientEpisodeDocument(e.Episode, e.Provider, e.Service, T(e.Admitted)!, T(e.Ready), T(e.Discharged), ids.TryGetValue(e.Episode, out var i) ? i.LocalNumber : null))]));
    }

    private static string? T(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
