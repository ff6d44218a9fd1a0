using Microsoft.AspNetCore.Http;

namespace Bedflow.Web.Hosting;

/// <summary>
/// Headers on every response: no caching (pages and the API may hold identifiable data), no framing,
/// no content sniffing, no referrer, and a content policy with no scripts at all (the pages have none).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.CacheControl = "no-store";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
