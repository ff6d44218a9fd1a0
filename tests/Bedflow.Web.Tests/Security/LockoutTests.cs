using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Security;

/// <summary>Five failed sign-ins in a row lock the account for 15 minutes, through the real sign-in form.</summary>
public class LockoutTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_too()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddAsync("ann", Role.Viewer);
        var client = server.Client();
        for (int i = 1; i <= 4; i++)
        {
            using var wrong = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "ann", ["password"] = $"not the password {i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("The account name or the password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var fifth = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "ann", ["password"] = "not the password 5" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Contains("locked for 15 more minute(s)", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "ann", ["password"] = RunningServer.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        // An unknown name gets the same words as a wrong password: accounts cannot be discovered.
        using var unknown = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "nobody", ["password"] = RunningServer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task More_than_twenty_sign_in_posts_a_minute_from_one_address_are_refused_before_any_password_is_checked()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Client();
        string token = RunningServer.AntiforgeryToken(await client.GetStringAsync("/signin"));
        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 22; i++)
        {
            using var response = await client.PostAsync("/signin", new FormUrlEncodedContent([new("__antiforgery", token), new("name", $"user{i}"), new("password", "not a password at all")]));
            codes.Add(response.StatusCode);
            if (i == 21)
            {
                Assert.Contains("Too many sign-in attempts from this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 20), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }
}
