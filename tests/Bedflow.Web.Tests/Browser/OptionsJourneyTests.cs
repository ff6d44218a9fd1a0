using System.Text;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;
using Microsoft.Playwright;

namespace Bedflow.Web.Tests.Browser;

/// <summary>
/// The board's journey in a real browser (Debian's Chromium, headless, Playwright) against the app
/// on real Kestrel: sign in, upload a broken scenario and see its problems, run an example and
/// watch the page refresh itself to the board pack, optimise it to its frontier, then forecast from
/// the register's census to the fan chart. Screenshots in TestResults/web-options-*.png.
/// </summary>
[Collection(BrowsersOneAtATime.Name)]
public class OptionsJourneyTests
{
    [Fact]
    public async Task An_editor_signs_in_sees_a_broken_scenarios_problems_runs_an_example_to_its_board_pack_optimises_it_and_forecasts_it()
    {
        string browser = Bedflow.Tests.Shared.Chromium.Find();
        await using var server = await RunningServer.StartAsync();
        await server.AddAsync("hub", Role.Editor);
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = browser, Headless = true, Args = ["--no-sandbox"] });
        var page = await chromium.NewPageAsync(new() { BaseURL = server.Address.ToString(), ViewportSize = new() { Width = 1200, Height = 1000 } });
        // A loaded two-core CI machine runs the other test classes beside this one: a page may take far longer than Playwright's 30 s default.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                errors.Add($"{m.Type}: {m.Text}"); // a content-policy violation is reported here
            }
        };
        page.PageError += (_, e) => errors.Add($"page error: {e}");
        var refused = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                refused.Add($"{r.Status} {new Uri(r.Url).AbsolutePath}");
            }
        };
        string shots = Bedflow.Tests.Shared.Chromium.ResultsFolder();
        Task Shot(string name) => page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"web-options-{name}.png"), FullPage = true });

        // Sign in: the Options page sends an anonymous browser to the form, and back after it.
        await page.GotoAsync("/options");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=name]", "hub");
        await page.FillAsync("input[name=password]", RunningServer.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync("**/options");
        await Shot("1-signed-in");

        // A broken scenario: its problems, each with line and column; nothing run.
        string broken = (await File.ReadAllTextAsync(Support.Runs.TinyPath)).Replace("capacity: 4,", "capacity: -4,", StringComparison.Ordinal);
        await page.SetInputFilesAsync("input[name=scenario]", new FilePayload { Name = "broken.yaml", MimeType = "text/yaml", Buffer = Encoding.UTF8.GetBytes(broken) });
        await page.ClickAsync("button[value=validate]");
        await page.WaitForSelectorAsync("#problems");
        string problems = await page.InnerTextAsync("#problems");
        Assert.Contains("services.intermediate_care.capacity", problems, StringComparison.Ordinal);
        Assert.Contains("11", problems, StringComparison.Ordinal);
        Assert.Matches("broken.yaml has [0-9]+ problem\\(s\\); nothing was run\\.", await page.InnerTextAsync("main"));
        await Shot("2-problems");

        // A good one: an example, run; the page refreshes itself (no scripts) until the board pack is there.
        await page.SelectOptionAsync("select[name=example]", "optimise-tiny.yaml");
        await page.ClickAsync("button[value=run]");
        await page.WaitForURLAsync("**/options/runs/*");
        string runPage = page.Url;
        await Shot("3-progress");
        await page.WaitForSelectorAsync("#status:text-is('done')", new() { Timeout = 180_000 });
        Assert.Contains("Appraisal", await page.InnerTextAsync("#appraisal"), StringComparison.Ordinal);
        await Shot("4-done");
        await page.ClickAsync("#board-pack");
        await page.WaitForURLAsync("**/files/report.html");
        Assert.True(await page.Locator("figure svg").CountAsync() > 0);
        Assert.Contains("Optimise tiny", await page.TitleAsync() + await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await Shot("5-board-pack");

        // The scenario has an optimise: section: optimise it from the run's page, to the optimisation's pages and frontier.
        await page.GoBackAsync();
        await page.ClickAsync("button:has-text('Optimise')");
        await page.WaitForSelectorAsync("h1:has-text('Optimisation of')");
        await page.WaitForSelectorAsync("#status:text-is('done')", new() { Timeout = 180_000 });
        await page.ClickAsync("#board-pack");
        await page.WaitForSelectorAsync("figure#optimise-frontier svg");
        await Shot("6-frontier");

        // A forecast from the register's census (its acute stays: the tiny scenario has no community hospital), from the run's page to its fan chart.
        string extract = Path.Combine(Path.GetTempPath(), $"bedflow-acute-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(extract, File.ReadLines(Example.Path).Where((l, i) => i == 0 || l.Split(',')[5] == "acute"));
        Assert.True((await new Data.Register.DelayRegister(server.Db, RunningServer.Cipher).ImportAsync(extract, RunningServer.HashKey, "test", skipInvalid: false)).Imported);
        await page.GotoAsync(runPage);
        await page.FillAsync("input[name=days]", "7");
        await page.FillAsync("input[name=replications]", "10");
        await page.ClickAsync("button:has-text('Forecast')");
        await page.WaitForSelectorAsync("h1:has-text('Forecast of')");
        await page.WaitForSelectorAsync("#status:text-is('done')", new() { Timeout = 180_000 });
        await page.WaitForSelectorAsync("figure#forecast-delayed svg");
        Assert.Equal(1, await page.Locator("table.forecast").CountAsync());
        await Shot("7-forecast");
        // The one refusal is the broken scenario's page (400, as a page naming the problems should be); the browser logs it.
        Assert.Equal(["400 /options"], refused.Where(r => r != "404 /favicon.ico"));
        Assert.DoesNotContain(errors, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
    }
}
