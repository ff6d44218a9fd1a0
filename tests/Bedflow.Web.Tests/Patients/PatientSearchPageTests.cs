using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Patients;

/// <summary>`/patients/search`: the hub finds a patient by NHS number in the browser — by POST, through the hash, audited.</summary>
public class PatientSearchPageTests
{
    [Fact]
    public async Task An_editor_finds_a_patient_from_the_form_and_reaches_their_episode()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        Assert.Contains("href=\"/patients/search\"", await editor.GetStringAsync("/today"), StringComparison.Ordinal);
        using var found = await RunningServer.PostFormAsync(editor, "/patients/search", "/patients/search", new() { ["nhs_number"] = "999-784-1425" });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        string html = await found.Content.ReadAsStringAsync();
        Assert.Contains("NHS number 999 784 1425", html, StringComparison.Ordinal);
        Assert.Contains("<td>RNU</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2016-10-05 15:00</td><td>2016-10-13 16:00</td>", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/episodes/[0-9]+\"", html);
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 100)).Entries;
        Assert.Contains(audit, a => a.Who == "hub" && a.Action == "searched by NHS number" && a.Detail.StartsWith("*******425: patient", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Who == "hub" && a.Action == "viewed identifiers" && a.Detail == "POST /patients/search");
        Assert.DoesNotContain("9997841425", server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("999 784 1425", server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_or_unknown_number_is_told_masked_a_viewer_may_not_search_and_a_forged_post_is_refused()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        using var bad = await RunningServer.PostFormAsync(editor, "/patients/search", "/patients/search", new() { ["nhs_number"] = "9997841426" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("*******426 is not a valid NHS number", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("9997841426", badHtml, StringComparison.Ordinal);
        using var unknown = await RunningServer.PostFormAsync(editor, "/patients/search", "/patients/search", new() { ["nhs_number"] = "4010232137" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no patient with NHS number *******137", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/patients/search")).StatusCode);
        Assert.DoesNotContain("href=\"/patients/search\"", await viewer.GetStringAsync("/today"), StringComparison.Ordinal);
        using var forged = await editor.PostAsync("/patients/search", new FormUrlEncodedContent([new("nhs_number", "9997841425")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("999 784 1425", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
