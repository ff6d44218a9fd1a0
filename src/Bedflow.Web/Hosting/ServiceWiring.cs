using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Bedflow.Web.Api;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>The app's services: the register and its stores, JSON, problem details, OpenAPI.</summary>
internal static class ServiceWiring
{
    public static IServiceCollection AddBedflowServices(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(options.Register);
        services.AddSingleton(_ => new DelayRegister(options.Register, options.Cipher));
        services.AddSingleton(_ => new AccountStore(options.Register, options.Clock));
        services.AddSingleton(_ => new AuditLog(options.Register, options.Clock));
        services.AddSingleton(_ => new Data.Imports.RejectsStore(options.Register, options.Clock));
        services.AddSingleton<Delays.CurrentList>();
        services.AddHubServices();
        services.AddBedflowBoard(options);
        services.AddBedflowAdmin();
        services.Configure<JsonOptions>(json =>
        {
            // The options ASP.NET Core serializes with win over the context's own: say snake_case and "leave nulls out" here too.
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJson.Default);
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Bedflow";
            document.Info.Description = "The delay register's API: who is delayed now, patients and episodes, imports, figures, runs, accounts, the audit log. Send a personal token: Authorization: Bearer TOKEN (bedflow users token NAME).";
            return Task.CompletedTask;
        }));
        return services;
    }
}
