using System.Globalization;
using Bedflow.Data.Audit;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>`GET /api/audit?page=&amp;pageSize=` (admins): the audit log, newest first.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async Task<Results<Ok<AuditPageDocument>, ValidationProblem>> (string? page, string? pageSize, AuditLog audit, CancellationToken cancel) =>
        {
            var problems = new Dictionary<string, string[]>();
            var (p, size) = Paging.Read(page, pageSize, 100, AuditLog.MaxPageSize, problems);
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems, title: "The paging is wrong");
            }
            var (entries, total) = await audit.ReadAsync(p, size, cancel);
            return TypedResults.Ok(new AuditPageDocument(p, size, total,
                [.. entries.Select(e => new AuditEntryDocument(e.Id, e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Who, e.Action, e.Episode, e.Detail))]));
        }).RequireAuthorization(Policies.Admin).WithTags("Audit");
        return app;
    }
}
