using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Security;

/// <summary>No NHS number reaches the server's logs, whatever a request holds (the log captured raw, before any masking).</summary>
public class LogTests
{
    [Fact]
    public async Task An_nhs_number_never_appears_in_the_servers_log()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        string typed = Example.AllNhsNumbers()[0];
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        Assert.Contains(typed, await editor.GetStringAsync("/api/delays/current?at=2016-11-20T12:00&pageSize=500"), StringComparison.Ordinal); // shown to the editor
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync($"/api/delays/current?reason={typed}&provider={typed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/patients/{typed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/patients/{typed[..3]}%20{typed[3..6]}%20{typed[6..]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/patients/search", new StringContent($"{{\"nhs_number\":\"{typed}\"}}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/api/patients/search", new StringContent($"{{\"nhs_number\":{typed}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        var browser = server.Client();
        using var signIn = await RunningServer.PostFormAsync(browser, "/signin", "/signin", new() { ["name"] = typed, ["password"] = typed });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/today?reason={typed}")).StatusCode);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/delays/current?at=2016-11-20T12:00")).StatusCode);

        string log = server.Logs.All;
        Assert.Contains("GET /api/delays/current 200", log, StringComparison.Ordinal); // the capture has teeth: the requests are there
        Assert.Contains("GET /api/patients/*******", log, StringComparison.Ordinal);     // a path that holds one is logged masked
        foreach (string nhs in Example.AllNhsNumbers())
        {
            Assert.DoesNotContain(nhs, log, StringComparison.Ordinal);
            Assert.DoesNotContain(nhs[..3] + " " + nhs[3..6] + " " + nhs[6..], log, StringComparison.Ordinal);
        }
    }
}
