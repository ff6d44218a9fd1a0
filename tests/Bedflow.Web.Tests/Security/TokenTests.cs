using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Security;

/// <summary>Personal tokens for the API, and the roles they carry.</summary>
public class TokenTests
{
    [Fact]
    public async Task A_token_authenticates_as_its_account_and_a_wrong_or_replaced_one_does_not()
    {
        await using var server = await RunningServer.StartAsync();
        var client = await server.TokenClientAsync("Ann", Role.Editor);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(("ann", "editor"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        string old = client.DefaultRequestHeaders.Authorization!.Parameter!;
        await server.Accounts.IssueTokenAsync("ann", "test");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var wrong = server.Client();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", old[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/me")).StatusCode);
        var basic = server.Client();
        basic.DefaultRequestHeaders.Authorization = new("Basic", "YW5uOnBhc3N3b3Jk");
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_api_takes_tokens_not_the_sign_in_cookie()
    {
        await using var server = await RunningServer.StartAsync();
        var browser = await server.SignedInAsync("ann", Role.Admin);
        using var response = await browser.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // a cookie sent by a forged cross-site request cannot reach the API
    }

    [Fact]
    public async Task A_viewer_and_an_editor_get_403_problem_details_on_the_admins_audit_log_and_an_admin_reads_it()
    {
        await using var server = await RunningServer.StartAsync();
        foreach (var role in new[] { Role.Viewer, Role.Editor })
        {
            var client = await server.TokenClientAsync(RoleWords.Code(role), role);
            using var response = await client.GetAsync("/api/audit");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
            Assert.Contains("the admin role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var admin = await server.TokenClientAsync("boss", Role.Admin);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/audit?page=1&pageSize=2");
        Assert.Equal(6, page.GetProperty("total").GetInt64()); // three accounts added, three tokens issued
        var entries = page.GetProperty("entries");
        Assert.Equal(2, entries.GetArrayLength());
        Assert.Equal(("token issued", "boss"), (entries[0].GetProperty("action").GetString(), entries[0].GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task Bad_paging_is_a_400_problem_naming_the_field(string query, string field)
    {
        await using var server = await RunningServer.StartAsync();
        var admin = await server.TokenClientAsync("boss", Role.Admin);
        using var response = await admin.GetAsync("/api/audit?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains("whole number", messages[0].GetString(), StringComparison.Ordinal);
    }
}
