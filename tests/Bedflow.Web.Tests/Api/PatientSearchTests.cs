using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Api;

/// <summary>`POST /api/patients/search`: editors find a patient by NHS number through the hash; viewers may not.</summary>
public class PatientSearchTests
{
    [Fact]
    public async Task An_editor_finds_a_patient_by_nhs_number_however_typed_and_the_search_is_audited_masked()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsJsonAsync("/api/patients/search", new { nhs_number = "999 784 1425" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("9997841425", doc.GetProperty("nhs_number").GetString());
        var episode = Assert.Single(doc.GetProperty("episodes").EnumerateArray());
        Assert.Equal(("RNU", "2016-10-05T15:00", "2016-10-13T16:00"), (episode.GetProperty("provider").GetString(), episode.GetProperty("admitted").GetString(), episode.GetProperty("ready").GetString()));
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 100)).Entries;
        Assert.Contains(audit, a => a.Action == "searched by NHS number" && a.Detail.StartsWith("*******425: patient", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "viewed identifiers" && a.Episode == episode.GetProperty("episode").GetInt64());
        Assert.DoesNotContain(audit, a => a.Detail.Contains("9997841425", StringComparison.Ordinal));
        using var unknown = await editor.PostAsJsonAsync("/api/patients/search", new { nhs_number = "4010232137" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_viewer_gets_403_and_a_bad_number_is_a_400_naming_the_field_masked()
    {
        await using var server = await RunningServer.StartAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var refused = await viewer.PostAsJsonAsync("/api/patients/search", new { nhs_number = "9997841425" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("the editor (or admin) role", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var bad = await editor.PostAsJsonAsync("/api/patients/search", new { nhs_number = "9997841426" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"nhs_number\":[\"*******426 is not a valid NHS number", body, StringComparison.Ordinal);
        Assert.DoesNotContain("9997841426", body, StringComparison.Ordinal);
        using var notJson = await editor.PostAsync("/api/patients/search", new StringContent("{nhs", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_the_hash_key_search_is_refused_with_a_503_naming_the_variable()
    {
        await using var server = await RunningServer.StartAsync(keys: false);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsJsonAsync("/api/patients/search", new { nhs_number = "9997841425" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("BEDFLOW_REGISTER_KEY is not set", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
