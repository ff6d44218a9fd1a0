using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Tests.Shared;
using Bedflow.Web.Tests.Imports;
using Bedflow.Web.Tests.Support;
using Microsoft.Playwright;

namespace Bedflow.Web.Tests.Browser;

/// <summary>
/// The hub's journeys in a real browser — Debian's Chromium, headless, driven by Playwright — against
/// the real server on Kestrel over the Oxfordshire example's register, "now" being Sunday 20 November
/// 2016, 12:00. Each journey keeps a screenshot in TestResults/ (web-*.png).
/// </summary>
[Collection(BrowsersOneAtATime.Name)]
public class BrowserJourneyTests
{
    private static readonly DateTime Now = new(2016, 11, 20, 12, 0, 0);

    private static async Task<(RunningServer Server, IPlaywright Playwright, IBrowser Browser)> StartAsync()
    {
        string chromium = Chromium.Find();
        var server = await RunningServer.StartAsync(clock: new FixedClock(Now));
        await server.ImportExampleAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        return (server, playwright, browser);
    }

    private static async Task<IPage> SignInAsync(RunningServer server, IBrowser browser, string name, Role role)
    {
        await server.AddAsync(name, role);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 1000 } });
        // A loaded two-core CI machine runs the other test classes beside this one: a page may take far longer than Playwright's 30 s default.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        await page.GotoAsync("/today");
        Assert.EndsWith("/signin?ReturnUrl=%2Ftoday", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", RunningServer.Password);
        await page.ClickAsync("form[action='/signin'] button[type=submit]");
        await page.WaitForURLAsync("**/today");
        return page;
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        string file = Path.Combine(Chromium.ResultsFolder(), $"web-{name}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 5_000);
    }

    [Fact]
    public async Task Signing_in_and_filtering_the_today_list_by_reason_shows_just_those_patients()
    {
        var (server, playwright, browser) = await StartAsync();
        await using (server)
        using (playwright)
        await using (browser)
        {
            var page = await SignInAsync(server, browser, "hub", Role.Editor);
            Assert.Contains("As at Sunday 20 November 2016, 12:00", await page.InnerTextAsync(".asat"), StringComparison.Ordinal);
            await page.SelectOptionAsync("select[name=reason]", "Di");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**/today?*reason=Di*");
            var reasons = await page.Locator("#delays tbody tr td:nth-last-child(2)").AllInnerTextsAsync();
            int expected = Example.DelayedAt(Now).Count(d => d.Reason == "Di");
            Assert.True(expected > 0);
            Assert.Equal(expected, reasons.Count);
            Assert.All(reasons, r => Assert.StartsWith("Di:", r, StringComparison.Ordinal));
            await ShotAsync(page, "today-filtered");
        }
    }

    [Fact]
    public async Task A_viewer_sees_no_nhs_number_and_no_edit_form_and_the_api_refuses_their_edit()
    {
        var (server, playwright, browser) = await StartAsync();
        await using (server)
        using (playwright)
        await using (browser)
        {
            var page = await SignInAsync(server, browser, "vera", Role.Viewer);
            string today = await page.ContentAsync();
            await page.ClickAsync("#delays tbody tr:first-child a");
            await page.WaitForURLAsync("**/episodes/*");
            string patient = await page.ContentAsync();
            foreach (string nhs in Example.AllNhsNumbers())
            {
                Assert.DoesNotContain(nhs, today + patient, StringComparison.Ordinal);
                Assert.DoesNotContain($"{nhs[..3]} {nhs[3..6]} {nhs[6..]}", today + patient, StringComparison.Ordinal);
            }
            Assert.Equal(0, await page.Locator("form#edit").CountAsync());
            Assert.DoesNotContain("NHS number", await page.InnerTextAsync("#episode"), StringComparison.Ordinal);
            await ShotAsync(page, "viewer-patient");

            long episode = long.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var api = await server.TokenClientAsync("vera-api", Role.Viewer);
            using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/episodes/{episode}") { Content = JsonContent.Create(new { reason = "Dii", responsible = "Social Care", reason_from = "2016-11-20 09:00" }) };
            patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using var refused = await api.SendAsync(patch);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(1, (await new DelayRegister(server.Db).EpisodeAsync(episode))!.Version);
        }
    }

    [Fact]
    public async Task An_editor_records_a_reason_change_and_it_is_in_the_audit_and_the_months_sitrep_figures()
    {
        var (server, playwright, browser) = await StartAsync();
        await using (server)
        using (playwright)
        await using (browser)
        {
            var register = new DelayRegister(server.Db);
            var before = await NovemberAsync(register);
            var page = await SignInAsync(server, browser, "hub", Role.Editor);
            await page.ClickAsync("#delays tbody tr:first-child a");
            await page.WaitForURLAsync("**/episodes/*");
            long episode = long.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var record = (await register.EpisodeAsync(episode))!;
            var old = record.Reasons[^1].Reason;
            var next = old == DelayReason.Dii ? DelayReason.Di : DelayReason.Dii;
            await page.SelectOptionAsync("#edit select#reason", Bedflow.Core.Vocabulary.DelayReasonWords.Code(next));
            await page.SelectOptionAsync("#edit select#responsible", "Social Care");
            await page.FillAsync("#edit #reason_from", "2016-11-20 09:00");
            await page.ClickAsync("#edit button[type=submit]");
            await page.WaitForURLAsync("**/episodes/*?saved=1");
            Assert.Equal("Saved.", await page.InnerTextAsync(".saved"));
            var change = page.Locator("#changes tbody tr", new() { HasText = "edited" });
            Assert.Equal(1, await change.CountAsync());
            Assert.Contains("hub", await change.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(Bedflow.Core.Vocabulary.DelayReasonWords.Label(next), await page.InnerTextAsync("#reasons tbody tr:last-child"), StringComparison.Ordinal);
            await ShotAsync(page, "editor-reason-change");

            // The register's SitRep figures for November (the sitrep command's query): the midnights from 20 November 09:00
            // on move from the old reason to the new, and the month's total stays as it was.
            var after = await NovemberAsync(register);
            Assert.Equal(before.DelayedDays(), after.DelayedDays());
            long moved = after.DelayedDays(record.Beds, next) - before.DelayedDays(record.Beds, next);
            Assert.True(moved > 0, "the new reason's delayed days did not grow");
            Assert.Equal(-moved, after.DelayedDays(record.Beds, old) - before.DelayedDays(record.Beds, old));
        }
    }

    [Fact]
    public async Task An_import_with_bad_rows_shows_each_rejected_line_and_offers_the_rejects()
    {
        var (server, playwright, browser) = await StartAsync();
        await using (server)
        using (playwright)
        await using (browser)
        {
            var page = await SignInAsync(server, browser, "hub", Role.Editor);
            await page.GotoAsync("/import");
            await page.SetInputFilesAsync("#file", new FilePayload { Name = "hub extract.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(ImportApiTests.WithBadRows) });
            await page.CheckAsync("#skip_invalid");
            await page.ClickAsync("#import button[type=submit]");
            await page.WaitForSelectorAsync("#report");
            Assert.Equal("Imported: hub extract.csv", await page.InnerTextAsync("#verdict"));
            var lines = await page.Locator("#problems tbody tr td:first-child").AllInnerTextsAsync();
            Assert.Equal(["3", "4"], lines);
            string shown = await page.InnerTextAsync("#problems");
            Assert.Contains("*******871", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("9434765871", await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("a#rejects").CountAsync());
            await ShotAsync(page, "import-rejects");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a#rejects"));
            Assert.Equal("hub extract.csv.rejects.csv", download.SuggestedFilename);
            string saved = Path.Combine(Path.GetTempPath(), $"rejects-{Guid.NewGuid():N}.csv");
            await download.SaveAsAsync(saved);
            string rejects = await File.ReadAllTextAsync(saved);
            File.Delete(saved);
            Assert.StartsWith("line,problems,provider,nhs_number", rejects, StringComparison.Ordinal);
            Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_page_saying_so_and_nothing_is_imported()
    {
        var (server, playwright, browser) = await StartAsync();
        await using (server)
        using (playwright)
        await using (browser)
        {
            string big = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(big, ImportApiTests.WithBadRows + new string('x', 17 << 20));
            var counts = await new DelayRegister(server.Db).CountsAsync();
            var page = await SignInAsync(server, browser, "hub", Role.Editor);
            await page.GotoAsync("/import");
            await page.SetInputFilesAsync("#file", big);
            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#import button[type=submit]"), r => r.Url.EndsWith("/import", StringComparison.Ordinal) && r.Request.Method == "POST");
            File.Delete(big);
            Assert.Equal(413, response.Status);
            Assert.Contains("larger than 16 MB", await page.InnerTextAsync(".problem"), StringComparison.Ordinal);
            Assert.Equal(counts, await new DelayRegister(server.Db).CountsAsync());
        }
    }

    private static async Task<MonthFigures> NovemberAsync(DelayRegister register)
    {
        var counter = new DelayCounter(new(2016, 11, 1), new(2016, 11, 30));
        counter.AddRange(await register.DelayRecordsAsync(counter.First, counter.Last));
        return counter.Figures().Months[0];
    }
}
