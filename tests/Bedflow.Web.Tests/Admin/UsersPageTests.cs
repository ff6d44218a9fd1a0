using System.Net;
using System.Text.RegularExpressions;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Admin;

/// <summary>The Users and Audit pages: admins only, every form with its antiforgery token, changes in force at once.</summary>
public partial class UsersPageTests
{
    private const string NewPassword = "a new and long passphrase";

    [Fact]
    public async Task Viewers_and_editors_get_403_and_no_link_and_an_admin_sees_both_pages_linked()
    {
        await using var server = await RunningServer.StartAsync();
        foreach (var role in new[] { Role.Viewer, Role.Editor })
        {
            var client = await server.SignedInAsync(RoleWords.Code(role), role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/audit")).StatusCode);
            string today = await client.GetStringAsync("/today");
            Assert.DoesNotContain("href=\"/users\"", today, StringComparison.Ordinal);
        }
        var admin = await server.SignedInAsync("boss", Role.Admin);
        string page = await admin.GetStringAsync("/users");
        Assert.Contains("href=\"/users\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", page, StringComparison.Ordinal);
        Assert.Contains("<td>boss (you)</td><td>admin</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>viewer</td><td>viewer</td>", page, StringComparison.Ordinal);
        // No form to demote or remove yourself.
        Assert.DoesNotContain("action=\"/users/boss/remove\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/users/boss/role\"", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/users/viewer/remove\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_an_account_from_the_form_and_a_mistake_keeps_the_name_but_never_echoes_the_password()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.SignedInAsync("boss", Role.Admin);
        using var bad = await RunningServer.PostFormAsync(admin, "/users", "/users", new() { ["name"] = "hub", ["role"] = "editor", ["password"] = "tooshort" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("password: the password must be at least 12 characters.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"hub\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tooshort", html, StringComparison.Ordinal);
        Assert.Null(await server.Accounts.FindAsync("hub"));
        using var good = await RunningServer.PostFormAsync(admin, "/users", "/users", new() { ["name"] = "hub", ["role"] = "editor", ["password"] = NewPassword });
        Assert.Equal((HttpStatusCode.Redirect, "/users?done=added"), (good.StatusCode, good.Headers.Location?.OriginalString));
        Assert.Equal(Role.Editor, (await server.Accounts.FindAsync("hub"))!.Role);
        Assert.Contains("The account was added.", await admin.GetStringAsync("/users?done=added"), StringComparison.Ordinal);
        using var forged = await admin.PostAsync("/users", new FormUrlEncodedContent([new("name", "mallory"), new("role", "admin"), new("password", NewPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await server.Accounts.FindAsync("mallory"));
    }

    [Fact]
    public async Task A_role_change_signs_the_account_out_and_a_removal_ends_its_session()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.SignedInAsync("boss", Role.Admin);
        var hub = await server.SignedInAsync("hub", Role.Editor);
        Assert.Equal(HttpStatusCode.OK, (await hub.GetAsync("/import")).StatusCode);
        using var changed = await RunningServer.PostFormAsync(admin, "/users", "/users/hub/role", new() { ["role"] = "viewer" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(Role.Viewer, (await server.Accounts.FindAsync("hub"))!.Role);
        using var after = await hub.GetAsync("/today");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode); // the old cookie no longer holds: sign in again
        Assert.StartsWith("/signin", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        var ann = await server.SignedInAsync("ann", Role.Viewer);
        using var removed = await RunningServer.PostFormAsync(admin, "/users", "/users/ann/remove", []);
        Assert.Equal((HttpStatusCode.Redirect, "/users?done=remove"), (removed.StatusCode, removed.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await ann.GetAsync("/today")).StatusCode);
        using var self = await RunningServer.PostFormAsync(admin, "/users", "/users/boss/remove", []);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("your own", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await RunningServer.PostFormAsync(admin, "/users", "/users/nobody/unlock", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RunningServer.PostFormAsync(admin, "/users", "/users/hub/promote", [])).StatusCode);
        using var typed = await RunningServer.PostFormAsync(admin, "/users", "/users/hub/9434765919", []);
        Assert.Equal(HttpStatusCode.NotFound, typed.StatusCode);
        string answer = await typed.Content.ReadAsStringAsync();
        Assert.Contains("There is no such change (&#x27;*******919&#x27;)", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_set_by_an_admin_ends_the_account_s_sessions_and_the_new_one_signs_in()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.SignedInAsync("boss", Role.Admin);
        var hub = await server.SignedInAsync("hub", Role.Editor);
        var stays = await server.SignedInAsync("ann", Role.Viewer);
        using var set = await RunningServer.PostFormAsync(admin, "/users", "/users/hub/password", new() { ["password"] = NewPassword });
        Assert.Equal((HttpStatusCode.Redirect, "/users?done=password"), (set.StatusCode, set.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await hub.GetAsync("/today")).StatusCode); // signed out: the cookie was made with the old password
        Assert.Equal(HttpStatusCode.OK, (await stays.GetAsync("/today")).StatusCode); // another account's session is untouched
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/users")).StatusCode);
        var again = server.Client();
        using var signIn = await RunningServer.PostFormAsync(again, "/signin", "/signin", new() { ["name"] = "hub", ["password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/import")).StatusCode);
        using var weak = await RunningServer.PostFormAsync(admin, "/users", "/users/hub/password", new() { ["password"] = "weak" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/import")).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_from_the_page_is_shown_once_and_works()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.SignedInAsync("boss", Role.Admin);
        await server.AddAsync("bot", Role.Viewer);
        using var issued = await RunningServer.PostFormAsync(admin, "/users", "/users/bot/token", []);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        string token = TokenOnPage().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith(AccountStore.TokenPrefix, token, StringComparison.Ordinal);
        var bot = server.Client();
        bot.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/api/me")).StatusCode);
        Assert.DoesNotContain(token, await admin.GetStringAsync("/users"), StringComparison.Ordinal);
        Assert.DoesNotContain(token, await admin.GetStringAsync("/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_lists_the_log_newest_first_a_hundred_a_page()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.SignedInAsync("boss", Role.Admin);
        for (int i = 0; i < 120; i++)
        {
            await server.Accounts.UnlockAsync("boss", $"tester{i:000}");
        }
        string first = await admin.GetStringAsync("/audit");
        Assert.Contains("121 rows, newest first (page 1 of 2)", first, StringComparison.Ordinal); // the account added, then 120 unlocks
        Assert.True(first.IndexOf("tester119", StringComparison.Ordinal) < first.IndexOf("tester118", StringComparison.Ordinal));
        Assert.DoesNotContain("tester019", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit?page=2\"", first, StringComparison.Ordinal);
        string second = await admin.GetStringAsync("/audit?page=2");
        Assert.Contains("tester019", second, StringComparison.Ordinal);
        Assert.Contains("user added", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/audit?page=zero")).StatusCode);
    }

    [GeneratedRegex("<code id=\"token\">([^<]+)</code>")]
    private static partial Regex TokenOnPage();
}
