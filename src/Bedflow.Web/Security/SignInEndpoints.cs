using Bedflow.Data.Accounts;
using Bedflow.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Security;

/// <summary>Signing in and out of the pages: a form (with its antiforgery token), the cookie, the lock-out in words.</summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http, string? returnUrl) => Form(http, returnUrl, null, 200)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(Hosting.AuthWiring.SignInLimit).ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).ExcludeFromDescription();
        app.MapGet("/", () => TypedResults.Redirect("/today")).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignInAsync(HttpContext http, IFormCollection form, AccountStore accounts, TimeProvider clock)
    {
        string name = form["name"].ToString();
        string password = form["password"].ToString();
        string? returnUrl = form["returnUrl"].ToString();
        if (name.Length == 0 || password.Length == 0)
        {
            return Form(http, returnUrl, "Give your account name and your password.", 400);
        }
        var result = await accounts.SignInAsync(name, password, http.RequestAborted);
        switch (result.Status)
        {
            case SignInStatus.SignedIn:
                await http.SignInAsync(Schemes.Cookie, Principals.For(result.Account!, Schemes.Cookie), new AuthenticationProperties { IsPersistent = false });
                return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/today");
            case SignInStatus.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling((result.LockedUntilUtc!.Value - clock.GetUtcNow().UtcDateTime).TotalMinutes));
                return Form(http, returnUrl, $"Too many failed sign-ins: this account is locked for {minutes} more minute(s). Try again later, or ask an admin.", 429);
            default:
                return Form(http, returnUrl, "The account name or the password is wrong.", 401);
        }
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, IFormCollection form)
    {
        _ = form; // bound so that the antiforgery token is checked: signing out is a change too
        await http.SignOutAsync(Schemes.Cookie);
        return TypedResults.Redirect("/signin");
    }

    /// <summary>Only a path on this site: never an absolute URL (an open redirect) or "//host".</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static ContentHttpResult Form(HttpContext http, string? returnUrl, string? problem, int status)
    {
        string body = $"""
            <h1>Sign in</h1>
            {(problem is null ? "" : $"<p class=\"problem\" role=\"alert\">{Html.Text(problem)}</p>")}
            <form method="post" action="/signin">
            {Html.AntiforgeryField(http)}
            <input type="hidden" name="returnUrl" value="{Html.Text(IsLocal(returnUrl) ? returnUrl : "/today")}">
            <p><label>Account <input name="name" autocomplete="username" required maxlength="{AccountRules.MaxNameLength}"></label></p>
            <p><label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="{AccountRules.MaxPasswordLength}"></label></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            """;
        return TypedResults.Content(Html.Page(http, "Sign in", body), "text/html; charset=utf-8", statusCode: status);
    }
}
