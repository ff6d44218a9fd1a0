using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Admin;

/// <summary>`/api/users`: admins manage accounts over the API; no one else may; every change takes effect at once.</summary>
public class UserApiTests
{
    private const string NewPassword = "a new and long passphrase";

    [Fact]
    public async Task Only_an_admin_may_list_or_change_accounts()
    {
        await using var server = await RunningServer.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client().GetAsync("/api/users")).StatusCode);
        foreach (var role in new[] { Role.Viewer, Role.Editor })
        {
            var client = await server.TokenClientAsync(RoleWords.Code(role), role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
            using var add = await client.PostAsJsonAsync("/api/users", new { name = "sneaky", role = "admin", password = NewPassword });
            Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/users/viewer")).StatusCode);
        }
        Assert.Null(await server.Accounts.FindAsync("sneaky"));
    }

    [Fact]
    public async Task An_admin_adds_an_account_that_can_then_sign_in_and_mistakes_name_their_field()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.TokenClientAsync("boss", Role.Admin);
        using var added = await admin.PostAsJsonAsync("/api/users", new { name = "Hub.Lead", role = "editor", password = NewPassword });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("/api/users/hub.lead", added.Headers.Location?.OriginalString);
        var user = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("hub.lead", "editor", false), (user.GetProperty("name").GetString(), user.GetProperty("role").GetString(), user.GetProperty("has_token").GetBoolean()));
        Assert.Equal(SignInStatus.SignedIn, (await server.Accounts.SignInAsync("hub.lead", NewPassword)).Status);

        using var bad = await admin.PostAsJsonAsync("/api/users", new { name = "ann smith", role = "owner", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["name", "password", "role"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("viewer, editor or admin, but was 'owner'", errors.GetProperty("role")[0].GetString(), StringComparison.Ordinal);

        using var taken = await admin.PostAsJsonAsync("/api/users", new { name = "HUB.LEAD", role = "viewer", password = NewPassword });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Equal(["boss", "hub.lead"], list.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/users?pageSize=0")).StatusCode);
        Assert.DoesNotContain(NewPassword, server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_changed_by_an_admin_applies_to_the_account_s_next_request()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.TokenClientAsync("boss", Role.Admin);
        var hub = await server.TokenClientAsync("hub", Role.Editor);
        using var search = JsonContent.Create(new { nhs_number = "9434765919" });
        Assert.NotEqual(HttpStatusCode.Forbidden, (await hub.PostAsync("/api/patients/search", search)).StatusCode);
        using var demoted = await admin.PatchAsJsonAsync("/api/users/hub", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal("viewer", (await demoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        using var again = JsonContent.Create(new { nhs_number = "9434765919" });
        Assert.Equal(HttpStatusCode.Forbidden, (await hub.PostAsync("/api/patients/search", again)).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "role changed" && e.GetProperty("who").GetString() == "boss"
            && e.GetProperty("detail").GetString() == "hub: editor to viewer");
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_remove_themselves_and_a_bad_part_changes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.TokenClientAsync("boss", Role.Admin);
        await server.AddAsync("ann", Role.Viewer);
        using var self = await admin.PatchAsJsonAsync("/api/users/boss", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("your own role", (await self.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);
        using var remove = await admin.DeleteAsync("/api/users/BOSS");
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.Equal(Role.Admin, (await server.Accounts.FindAsync("boss"))!.Role);
        // A good role with a bad password: neither is made.
        using var half = await admin.PatchAsJsonAsync("/api/users/ann", new { role = "editor", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.True((await half.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(Role.Viewer, (await server.Accounts.FindAsync("ann"))!.Role);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync("/api/users/ann", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync("/api/users/ann", new { unlock = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/users/nobody", new { role = "editor" })).StatusCode);
        using var nobody = await admin.DeleteAsync("/api/users/nobody");
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal("There is no account 'nobody'.", (await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_locked_out_account_is_unlocked_given_a_password_and_a_token_and_removed()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.TokenClientAsync("boss", Role.Admin);
        await server.AddAsync("ann", Role.Viewer);
        for (int i = 0; i < AccountRules.FailuresBeforeLockout; i++)
        {
            await server.Accounts.SignInAsync("ann", "wrong " + i);
        }
        var locked = await admin.GetFromJsonAsync<JsonElement>("/api/users/ann");
        Assert.True(locked.TryGetProperty("locked_until_utc", out _));
        using var unlocked = await admin.PatchAsJsonAsync("/api/users/ann", new { unlock = true, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("locked_until_utc", out _));
        Assert.Equal(SignInStatus.SignedIn, (await server.Accounts.SignInAsync("ann", NewPassword)).Status);

        using var issued = await admin.PostAsync("/api/users/ann/token", null);
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var ann = server.Client();
        ann.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal("ann", (await ann.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("name").GetString());
        Assert.DoesNotContain(token, (await admin.GetStringAsync("/api/audit")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/users/ann")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/users/ann")).StatusCode);
        Assert.DoesNotContain(NewPassword, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(token, server.Logs.All, StringComparison.Ordinal);
    }
}
