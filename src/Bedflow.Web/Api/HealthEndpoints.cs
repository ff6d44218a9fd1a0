using Bedflow.Data.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>`GET /health`, open to all (for a load balancer or a monitor): up, and the register answers.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<Results<Ok<HealthDocument>, ProblemHttpResult>> (RegisterDatabase register, CancellationToken cancel) =>
        {
            try
            {
                return TypedResults.Ok(new HealthDocument("ok", await register.SchemaVersionAsync(cancel)));
            }
            catch (System.Data.Common.DbException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The register does not answer", detail: "The server is up but cannot reach its register.");
            }
        }).AllowAnonymous().WithTags("Health");
        return app;
    }
}
