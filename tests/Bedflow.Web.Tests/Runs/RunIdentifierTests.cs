using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Runs;

/// <summary>A scenario or a file name carrying an NHS number never becomes a kept run that every viewer could read.</summary>
public class RunIdentifierTests
{
    [Fact]
    public async Task A_scenario_named_with_an_nhs_number_is_refused_masked_and_nothing_is_kept()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        var lines = (await File.ReadAllLinesAsync(Support.Runs.TinyPath)).ToList();
        int at = lines.FindIndex(l => l.StartsWith("name:", StringComparison.Ordinal));
        lines[at] = "name: Mrs Example 943 476 5919";
        using var response = await editor.PostAsync("/api/runs", new StringContent(string.Join('\n', lines)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("looks like an NHS number", body, StringComparison.Ordinal);
        Assert.DoesNotContain("5919", body, StringComparison.Ordinal);
        Assert.Equal(0, (await editor.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("total").GetInt32());
        Assert.DoesNotContain("5919", server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_holding_an_nhs_number_is_never_kept_or_shown()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        byte[] bytes = await File.ReadAllBytesAsync(Support.Runs.TinyPath);
        using var response = await editor.PostAsync("/api/runs?name=" + Uri.EscapeDataString("943 476 5919.yaml"), new ByteArrayContent(bytes));
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("5919", body, StringComparison.Ordinal);
        var list = await editor.GetStringAsync("/api/runs");
        Assert.DoesNotContain("5919", list, StringComparison.Ordinal);
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        Assert.DoesNotContain("5919", await viewer.GetStringAsync("/options"), StringComparison.Ordinal);
        Assert.DoesNotContain("5919", server.Logs.All, StringComparison.Ordinal);
    }
}
