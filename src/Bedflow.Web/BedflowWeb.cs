using Bedflow.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Bedflow.Web;

/// <summary>
/// The web app (`bedflow serve`): server-rendered pages and a REST API over the register, on Kestrel.
/// Wiring is in the extension methods of <see cref="Hosting"/>; endpoints in one class per area.
/// </summary>
public static class BedflowWeb
{
    /// <summary>The app, ready to start (<c>StartAsync</c>) on <see cref="WebOptions.Urls"/>.</summary>
    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Bedflow", EnvironmentName = "Production", Args = [] });
        builder.AddBedflowServer(options);
        builder.Services.AddBedflowServices(options);
        builder.Services.AddBedflowSecurity();
        var app = builder.Build();
        app.UseBedflowPipeline();
        app.MapBedflowEndpoints();
        return app;
    }
}
