using Bedflow.Web.Admin;
using Bedflow.Web.Api;
using Bedflow.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>The admins' area — accounts and the audit log: the Users and Audit pages and their API.</summary>
internal static class AdminWiring
{
    public static IServiceCollection AddBedflowAdmin(this IServiceCollection services) => services.AddSingleton<AccountAdmin>();

    public static WebApplication MapBedflowAdmin(this WebApplication app)
    {
        app.MapAuditEndpoints();
        app.MapAuditPage();
        app.MapUserEndpoints();
        app.MapUsersPage();
        return app;
    }
}
