using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Imports;

/// <summary>The Import page on real Kestrel: editors only, antiforgery on the form, the report and the rejects link.</summary>
public class ImportPageTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, string mode, bool token = true)
    {
        string html = await client.GetStringAsync("/import");
        var form = ImportApiTests.Upload(csv, mode);
        if (token)
        {
            form.Add(new StringContent(RunningServer.AntiforgeryToken(html)), "__antiforgery");
        }
        return await client.PostAsync("/import", form);
    }

    [Fact]
    public async Task An_editor_uploads_an_extract_and_sees_the_report_and_downloads_the_rejects_masked()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        using var response = await PostAsync(editor, ImportApiTests.WithBadRows, "skip_invalid");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Imported: hub extract.csv", html, StringComparison.Ordinal);
        Assert.Contains("<th>Rows read</th><td class=\"n\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Rows imported</th><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>New episodes</th><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Rows rejected</th><td class=\"n\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">4</td><td>ready_for_transfer</td><td>is before admission.</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765871", html, StringComparison.Ordinal);
        string link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/import/rejects/[0-9a-f]{32})\"").Groups[1].Value;
        string rejects = await editor.GetStringAsync(link);
        Assert.StartsWith("line,problems,provider,nhs_number", rejects, StringComparison.Ordinal);
        Assert.Contains("*******871", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
        Assert.Equal((1L, 1L, 1L), await new DelayRegister(server.Db).CountsAsync());
        Assert.DoesNotContain("9434765871", server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("4010232137", server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_or_nothing_with_bad_rows_is_a_400_page_listing_them_and_nothing_is_written()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        using var response = await PostAsync(editor, ImportApiTests.WithBadRows, "all_or_nothing");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not imported: hub extract.csv", html, StringComparison.Ordinal);
        Assert.Contains("2 problem(s); nothing was imported.", html, StringComparison.Ordinal);
        Assert.Contains("<th>Rows imported</th><td class=\"n\">0</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Rows with problems</th><td class=\"n\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("Download the rows with problems", html, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_or_with_another_browser_s_is_refused_and_a_viewer_may_not_see_the_page()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        using var forged = await PostAsync(editor, ImportApiTests.WithBadRows, "skip_invalid", token: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        // The page checks the token itself (after the size): another browser's token does not pass either.
        var attacker = await server.SignedInAsync("mallory", Role.Editor);
        var theirs = ImportApiTests.Upload(ImportApiTests.WithBadRows, "skip_invalid");
        theirs.Add(new StringContent(RunningServer.AntiforgeryToken(await attacker.GetStringAsync("/import"))), "__antiforgery");
        using var stolen = await editor.PostAsync("/import", theirs);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/import", new MultipartFormDataContent { { new StringContent("x"), "mode" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/import")).StatusCode);
    }
}
