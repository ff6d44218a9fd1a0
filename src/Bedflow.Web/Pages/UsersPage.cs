using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bedflow.Data.Accounts;
using Bedflow.Web.Admin;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `/users` (admins): every account with its role, lock-out and token, and forms to add one, change
/// a role, lift a lock-out, set a password, issue a token (shown once, on the answer's page) and
/// remove one — each a POST with the antiforgery token, checked as `/api/users` checks it.
/// </summary>
internal static class UsersPage
{
    public static IEndpointRouteBuilder MapUsersPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/users", ShowAsync).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        app.MapPost("/users", AddAsync).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        app.MapPost("/users/{name}/{action}", ChangeAsync).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> ShowAsync(HttpContext http, AccountStore accounts, TimeProvider clock, string? done) =>
        await PageAsync(http, accounts, clock, Done(done), null, null, null, 200);

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> AddAsync(HttpContext http, IFormCollection form, AccountAdmin admin, AccountStore accounts, TimeProvider clock)
    {
        string name = form["name"].ToString();
        var result = await admin.AddAsync(name, form["role"], form["password"], Who(http), http.RequestAborted);
        return result.Outcome == AdminOutcome.Done
            ? TypedResults.Redirect("/users?done=added")
            : await PageAsync(http, accounts, clock, null, Problems(result), name, null, result.Outcome == AdminOutcome.Exists ? 409 : 400);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> ChangeAsync(
        HttpContext http, string name, string action, IFormCollection form, AccountAdmin admin, AccountStore accounts, TimeProvider clock)
    {
        string who = Who(http);
        var cancel = http.RequestAborted;
        var result = action switch
        {
            "role" => await admin.SetRoleAsync(name, form["role"], who, cancel),
            "unlock" => await admin.UnlockAsync(name, who, cancel),
            "password" => await admin.SetPasswordAsync(name, form["password"], who, cancel),
            "token" => await admin.IssueTokenAsync(name, who, cancel),
            "remove" => await admin.RemoveAsync(name, who, cancel),
            _ => null,
        };
        if (result is null || result.Outcome == AdminOutcome.NotFound)
        {
            // The page encodes the words; what was typed into the address is echoed masked (it may hold anything).
            return await PageAsync(http, accounts, clock, null, [result is null ? $"There is no such change ('{Data.Register.NhsNumber.Redact(action)}')." : $"There is no account '{Data.Register.NhsNumber.Redact(name)}'."], null, null, 404);
        }
        if (result.Outcome != AdminOutcome.Done)
        {
            return await PageAsync(http, accounts, clock, null, Problems(result), null, null, 400);
        }
        // A token is shown on this answer's page, once; nothing else ever shows it.
        return result.Token is { } token
            ? await PageAsync(http, accounts, clock, null, null, null, (name.Trim().ToLowerInvariant(), token), 200)
            : TypedResults.Redirect($"/users?done={action}");
    }

    private static async Task<ContentHttpResult> PageAsync(HttpContext http, AccountStore accounts, TimeProvider clock, string? done,
        IReadOnlyList<string>? problems, string? typedName, (string Name, string Token)? token, int status)
    {
        var all = await accounts.ListAsync(http.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        string me = (http.User.FindFirstValue(ClaimTypes.Name) ?? "").ToLowerInvariant();
        string field = Html.AntiforgeryField(http);
        var body = new StringBuilder("<h1>Users</h1><p>The accounts of this server. <strong>Viewers</strong> see figures and pseudonymised lists; <strong>editors</strong> (the hub) also see who the patient is and may change records; <strong>admins</strong> also manage accounts and read the <a href=\"/audit\">audit log</a>. Every change here is audited.</p>");
        if (done is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"done\">{Html.Text(done)}</p>");
        }
        if (problems is { Count: > 0 })
        {
            body.Append("<ul class=\"problem\">");
            foreach (string p in problems)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>{Html.Text(p)}</li>");
            }
            body.Append("</ul>");
        }
        if (token is { } t)
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"token\"><p>The new API token of <strong>{Html.Text(t.Name)}</strong>, shown this once (only its hash is kept; the previous one has stopped working). Give it to its owner like a password: they send it as <code>Authorization: Bearer TOKEN</code>.</p><p><code id=\"token\">{Html.Text(t.Token)}</code></p></div>");
        }
        body.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>Account</th><th>Role</th><th>Added (UTC)</th><th>Lock-out</th><th>Token</th><th>Change</th></tr></thead><tbody>");
        foreach (var a in all)
        {
            string n = Html.Text(a.Name);
            bool locked = a.LockedUntilUtc is { } until && until > now;
            bool self = a.Name == me;
            body.Append(CultureInfo.InvariantCulture, $"<tr id=\"user-{n}\"><td>{n}{(self ? " (you)" : "")}</td><td>{RoleWords.Code(a.Role)}</td><td>{a.CreatedUtc:yyyy-MM-dd HH:mm}</td>");
            body.Append(locked ? string.Create(CultureInfo.InvariantCulture, $"<td class=\"problem\">locked until {a.LockedUntilUtc:yyyy-MM-dd HH:mm}</td>") : "<td>—</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{(a.HasToken ? "yes" : "no")}</td><td>");
            if (!self)
            {
                body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/users/{n}/role\">{field}{RoleSelect(a.Role)}<button type=\"submit\">Change role</button></form>");
            }
            if (locked)
            {
                body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/users/{n}/unlock\">{field}<button type=\"submit\">Lift lock-out</button></form>");
            }
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/users/{n}/password\">{field}<label>New password <input type=\"password\" name=\"password\" autocomplete=\"new-password\" minlength=\"{AccountRules.MinPasswordLength}\" maxlength=\"{AccountRules.MaxPasswordLength}\"></label><button type=\"submit\">Set password</button></form>");
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/users/{n}/token\">{field}<button type=\"submit\">{(a.HasToken ? "Replace token" : "Issue token")}</button></form>");
            if (!self)
            {
                body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/users/{n}/remove\">{field}<button type=\"submit\">Remove</button></form>");
            }
            body.Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>Add an account</h2>
            <form method="post" action="/users" class="filters">{field}
            <label>Name <input name="name" value="{Html.Text(typedName)}" maxlength="{AccountRules.MaxNameLength}" autocomplete="off"></label>
            <label>Role {RoleSelect(Role.Viewer)}</label>
            <label>Password <input type="password" name="password" autocomplete="new-password" minlength="{AccountRules.MinPasswordLength}" maxlength="{AccountRules.MaxPasswordLength}"></label>
            <button type="submit">Add</button>
            </form>
            <p>Passwords are at least {AccountRules.MinPasswordLength} characters; {AccountRules.FailuresBeforeLockout} failed sign-ins in a row lock an account for {AccountRules.LockoutLength.TotalMinutes:0} minutes. You cannot change your own role or remove your own account here.</p>
            """);
        return TypedResults.Content(Html.Page(http, "Users", body.ToString()), "text/html; charset=utf-8", statusCode: status);
    }

    private static string RoleSelect(Role selected) =>
        "<select name=\"role\">" + string.Concat(RoleWords.Table.Rows.Select(r => $"<option value=\"{r.Code}\"{(r.Value == selected ? " selected" : "")}>{r.Code}</option>")) + "</select>";

    private static IReadOnlyList<string> Problems(AdminResult result) => [.. result.Problems.SelectMany(p => p.Value.Select(v => $"{p.Key}: {v}"))];

    private static string? Done(string? done) => done switch
    {
        "added" => "The account was added.",
        "role" => "The role was changed: that account must sign in again.",
        "unlock" => "The lock-out was lifted.",
        "password" => "The password was set (and any lock-out lifted).",
        "remove" => "The account was removed: its sign-in and token have stopped working.",
        _ => null,
    };

    private static string Who(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name)!;
}
