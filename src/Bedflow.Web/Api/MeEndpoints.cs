using Bedflow.Data.Accounts;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>`GET /api/me`: the account a token belongs to and its role.</summary>
internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext http) => TypedResults.Ok(new MeDocument(http.User.Identity!.Name!, RoleWords.Code(Principals.RoleOf(http.User)!.Value))))
            .RequireAuthorization(Policies.Viewer).WithTags("Accounts");
        return app;
    }
}
