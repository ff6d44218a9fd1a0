using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Pages;

/// <summary>
/// The pages' shared HTML: the layout (title, the account and its sign-out form, the navigation),
/// encoding of every value written into a page, and the antiforgery field every form carries.
/// No scripts: the content policy forbids them.
/// </summary>
internal static class Html
{
    /// <summary>Text made safe to write into HTML (element content or a quoted attribute).</summary>
    public static string Text(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>The hidden antiforgery field for a form on this page (and its cookie, set on the response).</summary>
    public static string AntiforgeryField(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Text(tokens.FormFieldName)}\" value=\"{Text(tokens.RequestToken)}\">";
    }

    /// <summary>A whole page: <paramref name="body"/> is HTML already encoded.</summary>
    public static string Page(HttpContext http, string title, string body)
    {
        string account = http.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? $"<form method=\"post\" action=\"/signout\" class=\"account\">{Text(name)} ({Text(Security.Principals.RoleOf(http.User) is { } r ? Data.Accounts.RoleWords.Code(r) : "")}) {AntiforgeryField(http)}<button type=\"submit\">Sign out</button></form>"
            : "";
        // The pages a signed-in account may open: Import and Find a patient for editors and admins, Users and Audit for admins.
        var role = Security.Principals.RoleOf(http.User);
        string nav = http.User.Identity is { IsAuthenticated: true }
            ? "<nav><a href=\"/today\">Today</a> <a href=\"/figures\">Figures</a> <a href=\"/options\">Options</a>"
                + (role >= Data.Accounts.Role.Editor ? " <a href=\"/import\">Import</a> <a href=\"/patients/search\">Find a patient</a>" : "")
                + (role >= Data.Accounts.Role.Admin ? " <a href=\"/users\">Users</a> <a href=\"/audit\">Audit</a>" : "") + "</nav>"
            : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Text(title)}} · Bedflow</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1d; }
            header { display: flex; justify-content: space-between; align-items: center; padding: .5rem 1rem; background: #005eb8; color: #fff; }
            header a { color: #fff; font-weight: bold; text-decoration: none; }
            header nav a { font-weight: normal; margin: 0 .6rem; }
            main { padding: 1rem; max-width: 80rem; }
            .account { margin: 0; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; }
            th, td { border-bottom: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
            td.n, th.n { text-align: right; }
            .asat { font-size: 1.4rem; font-weight: bold; }
            .band7 { background: #fff4c2; }
            .band14 { background: #ffd8a8; }
            .band21 { background: #ffb3b3; }
            .problem { color: #a00; font-weight: bold; }
            form.filters label { margin-right: .8rem; }
            td form { display: inline-block; margin: 0 .4rem .2rem 0; }
            .token code { font-size: 1.1rem; background: #f0f4f5; padding: .2rem .4rem; }
            </style>
            </head>
            <body>
            <header><a href="/today">Bedflow</a>{{nav}}{{account}}</header>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """;
    }
}
