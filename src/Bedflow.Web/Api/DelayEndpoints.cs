using System.Globalization;
using System.Security.Claims;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Accounts;
using Bedflow.Web.Delays;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>`GET /api/delays/current`: who is delayed now — pseudonymised for viewers, with NHS numbers (audited) for editors.</summary>
internal static class DelayEndpoints
{
    public static IEndpointRouteBuilder MapDelayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/delays/current", CurrentAsync).RequireAuthorization(Policies.Viewer).WithTags("Delays")
            .WithSummary("Patients delayed now (or ?at=), longest first, filtered by reason, provider and organisation, paged.");
        return app;
    }

    private static async Task<Results<Ok<CurrentDelaysDocument>, ValidationProblem>> CurrentAsync(
        HttpContext http, CurrentList list, TimeProvider clock, string? at, string? reason, string? provider, string? organisation, string? page, string? pageSize)
    {
        var (query, problems) = CurrentQuery.Read(at, reason, provider, organisation, page, pageSize, clock.GetLocalNow().DateTime);
        if (query is null)
        {
            return TypedResults.ValidationProblem(problems, title: "The query is wrong");
        }
        bool editor = Principals.RoleOf(http.User) >= Role.Editor;
        var result = await list.ReadAsync(query, http.User.FindFirstValue(ClaimTypes.Name)!, editor, "GET /api/delays/current", http.RequestAborted);
        return TypedResults.Ok(Document(result));
    }

    private static CurrentDelaysDocument Document(CurrentPage p) => new(
        T(p.Query.At), p.Query.Page, p.Query.PageSize, p.Total, p.Identifiers,
        new(p.ByReason.Select(r => KeyValuePair.Create(SitRepCodes.Code(r.Reason), r.Count))),
        new(p.ByOrganisation.Select(o => KeyValuePair.Create(SitRepCodes.Code(o.Organisation), o.Count))),
        new(p.ByBand.Select(b => KeyValuePair.Create(b.Band, b.Count))),
        [.. p.Rows.Select(r => new CurrentDelayDocument(r.Delay.Patient, r.Delay.Episode, r.Delay.Provider, r.Delay.Service, SitRepCodes.Code(r.Delay.Beds), T(r.Delay.Ready),
            Math.Round(r.Delay.Days, 2), DelayAge.Band(r.Delay.Days), SitRepCodes.Code(r.Delay.Reason), SitRepCodes.Code(r.Delay.Responsible), r.NhsNumber, r.LocalNumber))]);

    private static string T(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
