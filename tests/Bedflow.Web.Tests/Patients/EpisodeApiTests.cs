using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Patients;

/// <summary>The patient record over the API: versions as ETags, edits checked as imports, concurrent edits never lost, the cached list after writes.</summary>
public class EpisodeApiTests
{
    private static readonly DateTime Now = new(2016, 11, 20, 12, 0, 0);

    private static async Task<(RunningServer Server, long Episode)> StartAsync()
    {
        var server = await RunningServer.StartAsync(clock: new FixedClock(Now));
        await server.ImportExampleAsync();
        var list = await new DelayRegister(server.Db).CurrentDelaysAsync(Now);
        return (server, list[0].Episode);
    }

    private static HttpRequestMessage Patch(long episode, string? version, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/episodes/{episode}") { Content = JsonContent.Create(body) };
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", version);
        }
        return request;
    }

    [Fact]
    public async Task A_viewer_reads_the_record_pseudonymised_with_its_version_and_may_not_change_it()
    {
        var (server, episode) = await StartAsync();
        await using var _ = server;
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var response = await viewer.GetAsync($"/api/episodes/{episode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        string body = await response.Content.ReadAsStringAsync();
        Assert.All(Example.AllNhsNumbers(), n => Assert.DoesNotContain(n, body, StringComparison.Ordinal));
        Assert.Equal(episode, JsonDocument.Parse(body).RootElement.GetProperty("episode").GetInt64());
        using var refused = await viewer.SendAsync(Patch(episode, "\"1\"", new { reason = "E", responsible = "Both", reason_from = "2016-11-20 10:00" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, (await new DelayRegister(server.Db).EpisodeAsync(episode))!.Version);
    }

    [Fact]
    public async Task An_edit_needs_the_version_is_checked_as_an_import_and_a_stale_one_is_a_409()
    {
        var (server, episode) = await StartAsync();
        await using var _ = server;
        var hub = await server.TokenClientAsync("hub", Role.Editor);
        var change = new { reason = "E", responsible = "Both", reason_from = "2016-11-20 10:00" };
        using (var missing = await hub.SendAsync(Patch(episode, null, change)))
        {
            Assert.Equal((HttpStatusCode)428, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        }
        using (var wrong = await hub.SendAsync(Patch(episode, "\"1\"", new { reason = "C", responsible = "Social Care", reason_from = "2016-11-20 10:00" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains("cannot be the responsibility of Social Care", errors.GetProperty("responsible")[0].GetString(), StringComparison.Ordinal);
        }
        using (var saved = await hub.SendAsync(Patch(episode, "\"1\"", change)))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("\"2\"", saved.Headers.ETag!.Tag);
            var doc = await saved.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("E", doc.GetProperty("reasons").EnumerateArray().Last().GetProperty("reason").GetString());
            Assert.Contains(doc.GetProperty("changes").EnumerateArray(), c => c.GetProperty("who").GetString() == "hub" && c.GetProperty("action").GetString() == "edited");
        }
        using var stale = await hub.SendAsync(Patch(episode, "\"1\"", new { discharged = "2016-11-20 11:00", destination = "P1" }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current_version").GetInt32());
        Assert.Null((await new DelayRegister(server.Db).EpisodeAsync(episode))!.Discharged);
    }

    [Fact]
    public async Task Concurrent_edits_of_one_patient_never_lose_an_update()
    {
        var (server, episode) = await StartAsync();
        await using var _ = server;
        const int Editors = 6, EditsEach = 3;
        var clients = new List<HttpClient>();
        for (int i = 0; i < Editors; i++)
        {
            clients.Add(await server.TokenClientAsync($"hub{i}", Role.Editor));
        }
        int conflicts = 0;
        // Each editor reads the record, adds a reason of its own (a distinct time), and on a 409 reads again and retries.
        await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
        {
            for (int k = 0; k < EditsEach; k++)
            {
                string from = Now.AddMinutes(-(i * EditsEach + k + 1)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                while (true)
                {
                    using var read = await client.GetAsync($"/api/episodes/{episode}");
                    using var write = await client.SendAsync(Patch(episode, read.Headers.ETag!.Tag, new { reason = "F", responsible = "NHS", reason_from = from }));
                    if (write.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                    Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));
        var stored = (await new DelayRegister(server.Db).EpisodeAsync(episode))!;
        Assert.Equal(1 + Editors * EditsEach, stored.Version);
        var added = Enumerable.Range(1, Editors * EditsEach).Select(m => Now.AddMinutes(-m)).ToHashSet();
        Assert.Equal(Editors * EditsEach, stored.Reasons.Count(r => added.Contains(r.From)));
        Assert.Equal(Editors * EditsEach, (await new DelayRegister(server.Db).AuditAsync()).Count(a => a.Action == "edited" && a.Episode == episode));
        Assert.True(conflicts > 0, "the editors never collided: the test did not test concurrency");
    }

    [Fact]
    public async Task The_cached_list_equals_the_register_query_after_every_write()
    {
        var (server, episode) = await StartAsync();
        await using var _ = server;
        var hub = await server.TokenClientAsync("hub", Role.Editor);
        async Task Same()
        {
            var api = await hub.GetFromJsonAsync<JsonElement>("/api/delays/current?pageSize=500");
            var query = await new DelayRegister(server.Db).CurrentDelaysAsync(Now);
            Assert.Equal(query.Select(d => (d.Episode, Web.Delays.DelayAge.Band(d.Days), Core.Vocabulary.SitRepCodes.Code(d.Reason))),
                api.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("episode").GetInt64(), i.GetProperty("band").GetString()!, i.GetProperty("reason").GetString()!)));
        }
        await Same();
        using (var r = await hub.SendAsync(Patch(episode, "\"1\"", new { reason = "H", responsible = "NHS", reason_from = "2016-11-20 09:00" })))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        await Same();
        using (var r = await hub.SendAsync(Patch(episode, "\"2\"", new { discharged = "2016-11-20 11:00", destination = "P0" })))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        await Same();
        // A write by another process (an import through the register, not the server) is seen too.
        var report = await new DelayRegister(server.Db, RunningServer.Cipher).ImportAsync(Example.Path, RunningServer.HashKey, "cli", skipInvalid: false);
        Assert.True(report.Imported);
        await Same();
        Assert.Contains((await new DelayRegister(server.Db).CurrentDelaysAsync(Now)), d => d.Episode == episode); // the import put the discharge back
    }
}
