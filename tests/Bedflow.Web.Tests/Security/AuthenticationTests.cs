using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Security;

/// <summary>Nothing is served without signing in but /health and the sign-in page; the API answers 401, pages redirect.</summary>
public class AuthenticationTests
{
    private static readonly string[] Open = ["GET /health", "GET /signin", "POST /signin", "GET /"];

    [Fact]
    public async Task Every_endpoint_but_health_and_sign_in_refuses_an_anonymous_request()
    {
        await using var server = await RunningServer.StartAsync();
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{documentName}", "v1", StringComparison.Ordinal))))
            .Distinct().ToList();
        Assert.Contains(("GET", "/api/me"), endpoints);
        Assert.Contains(("GET", "/openapi/v1.json"), endpoints);
        Assert.True(endpoints.Count >= 8, string.Join(", ", endpoints));
        var client = server.Client();
        foreach (var (method, path) in endpoints.Where(e => !Open.Contains($"{e.Method} {e.Path}")))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new FormUrlEncodedContent([]) });
            if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {response.StatusCode}");
                Assert.StartsWith("/signin", response.Headers.Location!.ToString().Replace(server.Address.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"ok\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signIn = await client.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem_only_once_signed_in()
    {
        await using var server = await RunningServer.StartAsync();
        using var anonymous = await server.Client().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var missing = await viewer.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_page_shows_the_account_and_signing_out_ends_the_session()
    {
        await using var server = await RunningServer.StartAsync();
        var client = await server.SignedInAsync("hub", Role.Editor);
        string page = await client.GetStringAsync("/signin");
        Assert.Contains("hub (editor)", page, StringComparison.Ordinal);
        using var signOut = await RunningServer.PostFormAsync(client, "/signin", "/signout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/today");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_removed_account_s_cookie_and_token_stop_working_at_once()
    {
        await using var server = await RunningServer.StartAsync();
        var browser = await server.SignedInAsync("gone", Role.Viewer);
        var api = server.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await server.Accounts.IssueTokenAsync("gone", "test"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/no-such-page")).StatusCode); // signed in: past authorization
        Assert.Equal(AccountChange.Done, await server.Accounts.RemoveAsync("gone", "test"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/no-such-page")).StatusCode);
    }

    [Fact]
    public async Task Open_redirects_after_sign_in_are_refused()
    {
        Assert.True(Web.Security.SignInEndpoints.IsLocal("/today?reason=C"));
        Assert.False(Web.Security.SignInEndpoints.IsLocal("//evil.example/"));
        Assert.False(Web.Security.SignInEndpoints.IsLocal("/\\evil.example/"));
        Assert.False(Web.Security.SignInEndpoints.IsLocal("https://evil.example/"));
        await using var server = await RunningServer.StartAsync();
        await server.AddAsync("ann", Role.Viewer);
        var client = server.Client();
        using var response = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "ann", ["password"] = RunningServer.Password, ["returnUrl"] = "//evil.example/" });
        Assert.Equal("/today", response.Headers.Location!.ToString());
    }
}
