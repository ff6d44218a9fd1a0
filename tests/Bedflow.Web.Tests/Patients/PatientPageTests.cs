using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Patients;

/// <summary>The patient page: the record and its history for everyone, the edit form (with its version) for editors only, a stale form refused with nothing lost.</summary>
public class PatientPageTests
{
    private static readonly DateTime Now = new(2016, 11, 20, 12, 0, 0);

    [Fact]
    public async Task An_editor_saves_a_reason_and_a_stale_form_is_refused_keeping_what_was_typed()
    {
        await using var server = await RunningServer.StartAsync(clock: new FixedClock(Now));
        await server.ImportExampleAsync();
        long episode = (await new DelayRegister(server.Db).CurrentDelaysAsync(Now))[0].Episode;
        var ann = await server.SignedInAsync("ann", Role.Editor);
        var bob = await server.SignedInAsync("bob", Role.Editor);
        string page = $"/episodes/{episode}";
        string annForm = await ann.GetStringAsync(page);
        Assert.Contains("name=\"version\" value=\"1\"", annForm, StringComparison.Ordinal);
        Assert.Contains("999 ", annForm, StringComparison.Ordinal); // editors see the NHS number, 3-3-4
        string bobForm = await bob.GetStringAsync(page);
        using var saved = await ann.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__antiforgery"] = RunningServer.AntiforgeryToken(annForm), ["version"] = "1", ["reason"] = "E", ["responsible"] = "Social Care", ["reason_from"] = "2016-11-20 08:00",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        string after = await ann.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Saved.", after, StringComparison.Ordinal);
        Assert.Contains("<td>ann</td><td>edited</td>", after, StringComparison.Ordinal);
        // Bob's form was made on version 1: refused, his typing kept, the record as it now is shown.
        using var stale = await bob.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__antiforgery"] = RunningServer.AntiforgeryToken(bobForm), ["version"] = "1", ["discharged"] = "2016-11-20 11:30", ["destination"] = "P2",
        }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        string refused = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this record", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"2016-11-20 11:30\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"P2\"", refused, StringComparison.Ordinal);
        Assert.Contains("name=\"version\" value=\"2\"", refused, StringComparison.Ordinal);
        Assert.Null((await new DelayRegister(server.Db).EpisodeAsync(episode))!.Discharged);
    }

    [Fact]
    public async Task A_viewer_sees_the_record_without_identifiers_or_a_form_and_may_not_post()
    {
        await using var server = await RunningServer.StartAsync(clock: new FixedClock(Now));
        await server.ImportExampleAsync();
        long episode = (await new DelayRegister(server.Db).CurrentDelaysAsync(Now))[0].Episode;
        var vera = await server.SignedInAsync("vera", Role.Viewer);
        string html = await vera.GetStringAsync($"/episodes/{episode}");
        Assert.Contains("Reason history", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit\"", html, StringComparison.Ordinal);
        Assert.All(Example.AllNhsNumbers(), n => Assert.DoesNotContain(n[..3] + " " + n[3..6], html, StringComparison.Ordinal));
        using var post = await vera.PostAsync($"/episodes/{episode}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__antiforgery"] = RunningServer.AntiforgeryToken(html), ["version"] = "1", ["reason"] = "E", ["responsible"] = "Both", ["reason_from"] = "2016-11-20 08:00",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}
