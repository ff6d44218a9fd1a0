using Bedflow.Web.Api;
using Bedflow.Web.Pages;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bedflow.Web.Hosting;

/// <summary>The request pipeline, in order, and the endpoints.</summary>
internal static class PipelineWiring
{
    public static WebApplication UseBedflowPipeline(this WebApplication app)
    {
        // Behind a reverse proxy on this machine (docs/web.md): its X-Forwarded-For/-Proto are believed, no one else's.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<OversizeDrain>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(ErrorResponses.WriteAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapBedflowEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapSignInEndpoints();
        app.MapTodayPage();
        app.MapMeEndpoints();
        app.MapBedflowAdmin();
        app.MapDelayEndpoints();
        app.MapPatientEndpoints();
        app.MapHubEndpoints();
        app.MapBedflowBoard();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
