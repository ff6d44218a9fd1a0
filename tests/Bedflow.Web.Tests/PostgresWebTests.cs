using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Data.Tests.Register;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests;

/// <summary>The web app over a PostgreSQL register (BEDFLOW_TEST_POSTGRES, as the register's own tests): the same bar as on SQLite.</summary>
public class PostgresWebTests
{
    private static readonly DateTime At = new(2016, 11, 20, 12, 0, 0);

    private static async Task<RunningServer> StartAsync() => await RunningServer.StartAsync(await new PostgresEngine().NewDatabaseAsync());

    [PostgresFact]
    public async Task A_viewer_gets_pseudonymised_rows_and_an_editor_the_nhs_numbers_audited()
    {
        await using var server = await StartAsync();
        await server.ImportExampleAsync();
        var expected = Example.DelayedAt(At);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        string body = await viewer.GetStringAsync("/api/delays/current?at=2016-11-20T12:00&pageSize=500");
        Assert.Equal(expected.Count, JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32());
        Assert.All(Example.AllNhsNumbers(), n => Assert.DoesNotContain(n, body, StringComparison.Ordinal));
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        var shown = await editor.GetFromJsonAsync<JsonElement>("/api/delays/current?at=2016-11-20T12:00&pageSize=500");
        Assert.Equal(expected.Select(e => e.NhsNumber).Order(StringComparer.Ordinal), shown.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("nhs_number").GetString()!).Order(StringComparer.Ordinal));
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 500)).Entries;
        Assert.Equal(expected.Count, audit.Count(a => a.Action == "viewed identifiers" && a.Who == "hub"));
        using var search = await editor.PostAsJsonAsync("/api/patients/search", new { nhs_number = expected[0].NhsNumber });
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/patients/search", new { nhs_number = expected[0].NhsNumber })).StatusCode);
    }

    [PostgresFact]
    public async Task An_uploaded_extract_imports_with_its_rejects_and_all_or_nothing_writes_nothing_as_on_sqlite()
    {
        await using var server = await StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using (var refused = await editor.PostAsync("/api/imports", Imports.ImportApiTests.Upload(Imports.ImportApiTests.WithBadRows)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal((0L, 0L, 0L), await new Data.Register.DelayRegister(server.Db).CountsAsync());
        using var skipped = await editor.PostAsync("/api/imports", Imports.ImportApiTests.Upload(Imports.ImportApiTests.WithBadRows, "skip_invalid"));
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        var json = JsonDocument.Parse(await skipped.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((3, 1, 2), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("inserted").GetInt32(), json.GetProperty("rejected_lines").GetInt32()));
        string rejects = await editor.GetStringAsync(json.GetProperty("rejects").GetString());
        Assert.Contains("*******871", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
        Assert.Equal((1L, 1L, 1L), await new Data.Register.DelayRegister(server.Db).CountsAsync());
    }

    [PostgresFact]
    public async Task Rejects_kept_by_one_server_are_downloaded_from_another_on_the_same_register()
    {
        var location = await new PostgresEngine().NewDatabaseAsync();
        await using var first = await RunningServer.StartAsync(location);
        await using var second = await RunningServer.StartAsync(location);
        var editor = await first.TokenClientAsync("hub", Role.Editor);
        using var skipped = await editor.PostAsync("/api/imports", Imports.ImportApiTests.Upload(Imports.ImportApiTests.WithBadRows, "skip_invalid"));
        string address = JsonDocument.Parse(await skipped.Content.ReadAsStringAsync()).RootElement.GetProperty("rejects").GetString()!;
        var elsewhere = second.Client();
        elsewhere.DefaultRequestHeaders.Authorization = editor.DefaultRequestHeaders.Authorization; // the same account, the same token
        using var download = await elsewhere.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(await editor.GetStringAsync(address), await download.Content.ReadAsStringAsync());
        var sam = await second.TokenClientAsync("sam", Role.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync(address)).StatusCode);
    }

    [PostgresFact]
    public async Task Sign_in_the_today_page_and_the_lock_out_work_as_on_sqlite()
    {
        await using var server = await StartAsync();
        await server.ImportExampleAsync();
        var browser = await server.SignedInAsync("vera", Role.Viewer);
        Assert.Contains("As at Sunday 20 November 2016, 12:00", await browser.GetStringAsync("/today?at=2016-11-20T12:00"), StringComparison.Ordinal);
        await server.AddAsync("ann", Role.Viewer);
        var client = server.Client();
        for (int i = 1; i <= 5; i++)
        {
            using var wrong = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "ann", ["password"] = $"wrong password {i}" });
            Assert.Equal(i < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, wrong.StatusCode);
        }
        using var right = await RunningServer.PostFormAsync(client, "/signin", "/signin", new() { ["name"] = "ann", ["password"] = RunningServer.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}
