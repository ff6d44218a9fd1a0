using Bedflow.Web.Api;
using Bedflow.Web.Figures;
using Bedflow.Web.Pages;
using Bedflow.Web.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>The board's side of the app: the Figures and Options pages, their API, the runs folder and queue, wired in one place.</summary>
internal static class BoardWiring
{
    public static IServiceCollection AddBedflowBoard(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton<FiguresReader>();
        services.AddSingleton(sp => new RunStore(options.RunsFolder ?? "runs", options.Clock));
        services.AddSingleton<Examples>();
        services.AddSingleton<RunJob>();
        services.AddSingleton<RunQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RunQueue>());
        services.AddSingleton<RunStarter>();
        services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Add(BoardJson.Default));
        return services;
    }

    public static WebApplication MapBedflowBoard(this WebApplication app)
    {
        app.MapFiguresPage();
        app.MapFiguresApi();
        app.MapOptionsPage();
        app.MapRunApi();
        return app;
    }
}
