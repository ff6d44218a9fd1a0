using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Api;

/// <summary>`GET /api/delays/current` over the example register, checked against the extract read independently.</summary>
public class CurrentDelaysTests
{
    private static readonly DateTime At = new(2016, 11, 20, 12, 0, 0);

    [Fact]
    public async Task A_viewer_gets_everyone_delayed_then_longest_first_pseudonymised_with_counts()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        string body = await viewer.GetStringAsync("/api/delays/current?at=2016-11-20T12:00&pageSize=500");
        var expected = Example.DelayedAt(At);
        Assert.True(expected.Count >= 5, $"the example should have patients delayed then, has {expected.Count}");
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("2016-11-20T12:00", expected.Count, "hidden"), (doc.GetProperty("as_at").GetString(), doc.GetProperty("total").GetInt32(), doc.GetProperty("identifiers").GetString()));
        var items = doc.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Count, items.Count);
        Assert.Equal(expected.Select(e => Math.Round(e.Days(At), 2)).OrderDescending(), items.Select(i => i.GetProperty("days_delayed").GetDouble()));
        Assert.All(items, i => Assert.False(i.TryGetProperty("nhs_number", out _)));
        Assert.All(Example.AllNhsNumbers(), n => Assert.DoesNotContain(n, body, StringComparison.Ordinal));
        foreach (var reason in expected.GroupBy(e => e.Reason))
        {
            Assert.Equal(reason.Count(), doc.GetProperty("by_reason").GetProperty(reason.Key).GetInt32());
        }
        Assert.Equal(expected.Count(e => e.Responsible == "Social Care"), doc.GetProperty("by_organisation").GetProperty("social_care").GetInt32());
        Assert.Equal(expected.Count(e => e.Days(At) >= 7), doc.GetProperty("by_band").GetProperty("7+").GetInt32());
        Assert.Equal(expected.Count(e => e.Days(At) >= 21), doc.GetProperty("by_band").GetProperty("21+").GetInt32());
        Assert.All(items, i => Assert.Equal(i.GetProperty("days_delayed").GetDouble() >= 21 ? "21+" : i.GetProperty("days_delayed").GetDouble() >= 14 ? "14+" : i.GetProperty("days_delayed").GetDouble() >= 7 ? "7+" : "under 7", i.GetProperty("band").GetString()));
        Assert.Equal(0, (await server.App.Services.GetService<AuditLog>()!.ReadAsync(1, 500)).Entries.Count(e => e.Action == "viewed identifiers"));
    }

    [Fact]
    public async Task Filters_and_pages_cut_the_same_list()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        var all = (await viewer.GetFromJsonAsync<JsonElement>("/api/delays/current?at=2016-11-20T12:00&pageSize=500")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("episode").GetInt64()).ToList();
        var second = await viewer.GetFromJsonAsync<JsonElement>("/api/delays/current?at=2016-11-20T12:00&page=2&pageSize=3");
        Assert.Equal(all.Skip(3).Take(3), second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("episode").GetInt64()));
        Assert.Equal(all.Count, second.GetProperty("total").GetInt32());
        var expected = Example.DelayedAt(At);
        string reason = expected.GroupBy(e => e.Reason).OrderByDescending(g => g.Count()).First().Key;
        var byReason = await viewer.GetFromJsonAsync<JsonElement>($"/api/delays/current?at=2016-11-20T12:00&reason={reason.ToLowerInvariant()}");
        Assert.Equal(expected.Count(e => e.Reason == reason), byReason.GetProperty("total").GetInt32());
        Assert.All(byReason.GetProperty("items").EnumerateArray(), i => Assert.Equal(reason, i.GetProperty("reason").GetString()));
        var rth = await viewer.GetFromJsonAsync<JsonElement>("/api/delays/current?at=2016-11-20T12:00&provider=RTH&organisation=nhs");
        Assert.Equal(expected.Count(e => e.Provider == "RTH" && e.Responsible == "NHS"), rth.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_editor_sees_each_patient_s_nhs_number_and_every_one_shown_is_audited()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        var doc = await editor.GetFromJsonAsync<JsonElement>("/api/delays/current?at=2016-11-20T12:00&pageSize=5");
        Assert.Equal("shown", doc.GetProperty("identifiers").GetString());
        var items = doc.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var expected = Example.DelayedAt(At).OrderByDescending(e => e.Days(At)).Take(5).Select(e => e.NhsNumber).Order(StringComparer.Ordinal);
        Assert.Equal(expected, items.Select(i => i.GetProperty("nhs_number").GetString()!).Order(StringComparer.Ordinal));
        var audit = (await server.App.Services.GetService<AuditLog>()!.ReadAsync(1, 500)).Entries.Where(e => e.Action == "viewed identifiers").ToList();
        Assert.Equal(items.Select(i => i.GetProperty("episode").GetInt64()).Order(), audit.Select(a => a.Episode!.Value).Order());
        Assert.All(audit, a => Assert.Equal("hub", a.Who));
        Assert.All(audit, a => Assert.StartsWith("GET /api/delays/current", a.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_encryption_key_an_editor_is_told_why_no_numbers_are_shown()
    {
        await using var server = await RunningServer.StartAsync(keys: false);
        await server.ImportExampleAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        string body = await editor.GetStringAsync("/api/delays/current?at=2016-11-20T12:00");
        Assert.Contains("\"identifiers\":\"unavailable: BEDFLOW_REGISTER_ENCRYPTION_KEY is not set on the server\"", body, StringComparison.Ordinal);
        Assert.All(Example.AllNhsNumbers(), n => Assert.DoesNotContain(n, body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reason=D", "reason", "is not a SitRep reason")]
    [InlineData("organisation=council", "organisation", "is not an organisation")]
    [InlineData("at=yesterday", "at", "is not a time")]
    [InlineData("pageSize=501", "pageSize", "from 1 to 500")]
    [InlineData("page=0", "page", "from 1 to")]
    public async Task A_bad_query_is_a_400_problem_naming_the_field(string query, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var response = await viewer.GetAsync("/api/delays/current?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_never_echoes_an_nhs_number_typed_into_a_filter()
    {
        await using var server = await RunningServer.StartAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var response = await viewer.GetAsync("/api/delays/current?reason=943%20476%205919");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("5919", body.Replace("*******919", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("*******919", body, StringComparison.Ordinal);
    }
}
