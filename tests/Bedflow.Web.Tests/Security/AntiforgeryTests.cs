using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Security;

/// <summary>Every form carries an antiforgery token; a post without it, or with another's, is refused.</summary>
public class AntiforgeryTests
{
    [Fact]
    public async Task A_forged_sign_out_post_with_the_victim_s_cookie_but_no_token_is_refused_and_changes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var victim = await server.SignedInAsync("hub", Role.Editor);
        using var forged = await victim.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrongToken = await victim.PostAsync("/signout", new FormUrlEncodedContent([new("__antiforgery", "CfDJ8forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.Contains("hub (editor)", await victim.GetStringAsync("/signin"), StringComparison.Ordinal); // still signed in
    }

    [Fact]
    public async Task A_sign_in_post_without_the_form_s_token_is_refused_even_with_the_right_password()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddAsync("ann", Role.Viewer);
        var client = server.Client();
        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent([new("name", "ann"), new("password", RunningServer.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("bedflow.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_token_from_another_browser_s_page_does_not_pass()
    {
        await using var server = await RunningServer.StartAsync();
        var victim = await server.SignedInAsync("hub", Role.Editor);
        var attacker = await server.SignedInAsync("mallory", Role.Viewer);
        string attackersToken = RunningServer.AntiforgeryToken(await attacker.GetStringAsync("/signin"));
        using var response = await victim.PostAsync("/signout", new FormUrlEncodedContent([new("__antiforgery", attackersToken)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
