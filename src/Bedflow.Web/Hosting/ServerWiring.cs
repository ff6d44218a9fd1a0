using Bedflow.Web.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web.Hosting;

/// <summary>Kestrel and logging: where the server listens, how much it accepts, what it logs.</summary>
internal static class ServerWiring
{
    /// <summary>The largest request body accepted (forms and JSON; imports will set their own limit).</summary>
    public const long MaxRequestBody = 1 << 20;

    public static WebApplicationBuilder AddBedflowServer(this WebApplicationBuilder builder, WebOptions options)
    {
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxRequestBody;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Logging.ClearProviders();
        // The framework's own request logs print whole URLs (a query string may hold anything a user typed):
        // requests are logged by RequestLog instead, path masked, without the query.
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        options.Logging?.Invoke(builder.Logging);
        return builder;
    }
}
