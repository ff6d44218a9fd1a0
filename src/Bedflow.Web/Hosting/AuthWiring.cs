using Bedflow.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>
/// Authentication (the sign-in cookie for pages, personal tokens for the API), the role policies
/// and antiforgery. Cookies are HttpOnly and SameSite=Strict, Secure whenever the request came over
/// TLS (directly or through the reverse proxy).
/// </summary>
internal static class AuthWiring
{
    /// <summary>The rate limit policy of the sign-in form's posts.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>Sign-in posts a client address may make a minute.</summary>
    public const int SignInsPerMinute = 20;

    public static IServiceCollection AddBedflowSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(Security.Schemes.ByPath)
            .AddPolicyScheme(Security.Schemes.ByPath, "Cookie for pages, token for the API", o =>
                o.ForwardDefaultSelector = http => Security.Schemes.IsApi(http.Request) ? Security.Schemes.Token : Security.Schemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, Security.TokenHandler>(Security.Schemes.Token, null)
            .AddCookie(Security.Schemes.Cookie, o =>
            {
                o.Cookie.Name = "bedflow.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.Events.OnRedirectToAccessDenied = http =>
                {
                    // A page the account's role may not see: 403 (its page from ErrorResponses), not a redirect.
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = ValidateAsync;
            });
        services.AddAuthorization(Security.Policies.Add);
        // Checking a password is deliberately slow (PBKDF2): sign-in attempts are limited per client address, so
        // that a flood of them cannot take the server's processors (the lock-out protects each account).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "-",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancel) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync($"Too many sign-in attempts from this address: at most {SignInsPerMinute} a minute. Wait a minute and try again.", cancel);
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bedflow.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__antiforgery";
        });
        return services;
    }

    /// <summary>On every request: the account must still exist, with the same role and password, or the cookie stops working.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        string? name = context.Principal?.Identity?.Name;
        var account = name is null ? null : await accounts.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || !Security.Principals.Current(context.Principal!, account))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Security.Schemes.Cookie);
        }
    }
}
