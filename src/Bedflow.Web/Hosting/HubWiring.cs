using Bedflow.Web.Api;
using Bedflow.Web.Delays;
using Bedflow.Web.Imports;
using Bedflow.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>The hub's areas — the cached list of who is delayed, the patient record, imports: their services and their endpoints.</summary>
internal static class HubWiring
{
    public static IServiceCollection AddHubServices(this IServiceCollection services)
    {
        services.AddSingleton<CurrentCache>();
        services.AddSingleton<PatientRecord>();
        services.AddSingleton<PatientFinder>();
        services.AddSingleton<ExtractUpload>();
        services.AddHostedService<RejectsSweep>();
        services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, HubJson.Default));
        return services;
    }

    public static WebApplication MapHubEndpoints(this WebApplication app)
    {
        app.MapEpisodeEndpoints();
        app.MapPatientPage();
        app.MapPatientSearchPage();
        app.MapImportEndpoints();
        app.MapImportPage();
        return app;
    }
}
