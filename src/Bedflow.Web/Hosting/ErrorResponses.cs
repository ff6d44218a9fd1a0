using Bedflow.Web.Pages;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Hosting;

/// <summary>
/// The body of an error response that has none yet (a 401 or 403 from the authorization middleware,
/// a 404, an antiforgery 400): problem details (application/problem+json) under /api, a short
/// HTML page elsewhere.
/// </summary>
internal static class ErrorResponses
{
    public static async Task WriteAsync(StatusCodeContext status)
    {
        var http = status.HttpContext;
        int code = http.Response.StatusCode;
        string title = Title(code);
        string detail = Detail(http, code);
        if (Schemes.IsApi(http.Request))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = code, Title = title, Detail = detail } });
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Html.Page(http, title, $"<h1>{Html.Text(title)}</h1><p>{Html.Text(detail)}</p><p><a href=\"/today\">Today</a></p>"));
    }

    private static string Title(int code) => code switch
    {
        400 => "Bad request",
        401 => "Not signed in",
        403 => "Not allowed",
        404 => "Not found",
        405 => "Method not allowed",
        413 => "Request too large",
        415 => "Unsupported content type",
        _ => code >= 500 ? "Server error" : "Request refused",
    };

    private static string Detail(HttpContext http, int code) => code switch
    {
        400 => "The request could not be read. A form must be sent from the page it came from (its antiforgery token was missing or wrong): reload the page and try again.",
        401 => "Send a personal API token: Authorization: Bearer TOKEN (an admin makes one with 'bedflow users token NAME').",
        403 => $"Your account ({http.User.Identity?.Name ?? "-"}) may not do this: it needs {Policies.Needed(http)}.",
        404 => "There is nothing at this address.",
        405 => $"{http.Request.Method} is not allowed here.",
        _ => "The request was refused.",
    };
}
