using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Bedflow.Web.Security;

/// <summary>
/// The authentication schemes: personal tokens (Authorization: Bearer) for the API and the OpenAPI
/// document, the sign-in cookie for pages. Which applies follows the path, never the client.
/// </summary>
internal static class Schemes
{
    /// <summary>The policy scheme that picks one of the two by path.</summary>
    public const string ByPath = "ByPath";

    /// <summary>Personal API tokens.</summary>
    public const string Token = "Token";

    /// <summary>The sign-in cookie.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>True for the API (tokens, problem details) rather than a page (cookie, HTML).</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}
