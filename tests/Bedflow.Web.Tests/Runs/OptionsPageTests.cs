using System.Net;
using System.Text;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Runs;

/// <summary>The Options page, signed in through the form and posting multipart forms with their antiforgery token, as a browser does.</summary>
public class OptionsPageTests
{
    [Fact]
    public async Task A_broken_upload_shows_each_problem_with_its_line_and_column_and_starts_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        string yaml = (await File.ReadAllTextAsync(Support.Runs.TinyPath)).Replace("capacity: 4,", "capacity: -4,", StringComparison.Ordinal);
        using var response = await PostAsync(editor, "run", Encoding.UTF8.GetBytes(yaml), "broken <b>.yaml", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains("nothing was run", page, StringComparison.Ordinal);
        Assert.Matches("<tr><td class=\"n\">11</td><td class=\"n\">[0-9]+</td><td>services\\.intermediate_care\\.capacity</td>", page);
        Assert.Matches("<tr><td class=\"n\">12</td><td class=\"n\">[0-9]+</td><td>services\\.reablement\\.capacity</td>", page);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("No runs yet.", await editor.GetStringAsync("/options"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picked_example_runs_with_a_self_refreshing_page_to_its_board_pack_and_appraisal_and_a_viewer_sees_it_listed()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        using var valid = await PostAsync(editor, "validate", null, null, "optimise-tiny.yaml");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("optimise-tiny.yaml has no problems", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var run = await PostAsync(editor, "run", null, null, "optimise-tiny.yaml");
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        string at = run.Headers.Location!.ToString();
        Assert.Matches("^/options/runs/[0-9]{8}T[0-9]{6}-[a-z]{8}$", at);
        string page = "";
        for (var until = DateTime.UtcNow.AddSeconds(180); DateTime.UtcNow < until; await Task.Delay(200))
        {
            using var status = await editor.GetAsync(at);
            page = await status.Content.ReadAsStringAsync();
            if (page.Contains("<strong id=\"status\">done</strong>", StringComparison.Ordinal))
            {
                Assert.False(status.Headers.Contains("Refresh"));
                break;
            }
            Assert.Equal("2", status.Headers.GetValues("Refresh").Single()); // still going: it refreshes itself
            Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", page, StringComparison.Ordinal);
        }
        Assert.Contains("<strong id=\"status\">done</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"board-pack\" href=\"{at}/files/report.html\">The board pack</a>", page, StringComparison.Ordinal);
        Assert.Contains("<section id=\"appraisal\"><h2>Appraisal</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"{at}/optimise\"", page, StringComparison.Ordinal); // the scenario has an optimise: section
        Assert.Contains("<th>SHA-256 of the scenario</th>", page, StringComparison.Ordinal);
        Assert.Contains("Optimise tiny", await editor.GetStringAsync(at + "/files/report.html"), StringComparison.Ordinal);
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        string list = await viewer.GetStringAsync("/options");
        Assert.Contains($"<a href=\"{at}\">", list, StringComparison.Ordinal);
        Assert.Contains("Editors may upload and run scenarios", list, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/options/runs/", await viewer.GetStringAsync(at), StringComparison.Ordinal); // no optimise button for a viewer
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(viewer, "run", null, null, "optimise-tiny.yaml", page: "/today")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_upload_is_a_413_page()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        using var response = await PostAsync(editor, "run", new byte[Web.Runs.ScenarioText.MaxBytes + 10], "big.yaml", null);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The scenario is too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Posts the Options form as the browser would: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, byte[]? file, string? fileName, string? example, string page = "/options")
    {
        string html = await client.GetStringAsync(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(RunningServer.AntiforgeryToken(html)), "__antiforgery" },
            { new StringContent(action), "action" },
            { new StringContent(example ?? ""), "example" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "scenario", fileName ?? "scenario.yaml");
        }
        return await client.PostAsync("/options", form);
    }
}
