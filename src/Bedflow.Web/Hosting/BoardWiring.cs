using Bedflow.Web.Api;
using Bedflow.Web.Figures;
using Bedflow.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>The board's side of the app: the Figures page and API (and their services), wired in one place.</summary>
internal static class BoardWiring
{
    public static IServiceCollection AddBedflowBoard(this IServiceCollection services)
    {
        services.AddSingleton<FiguresReader>();
        services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Add(BoardJson.Default));
        return services;
    }

    public static WebApplication MapBedflowBoard(this WebApplication app)
    {
        app.MapFiguresPage();
        app.MapFiguresApi();
        return app;
    }
}
