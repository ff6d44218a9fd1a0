using Bedflow.Tests.Shared;
using Microsoft.Playwright;

namespace Bedflow.Reports.Tests;

/// <summary>
/// The report in a real browser: Debian's Chromium, headless, driven by Playwright. Every chart
/// must render (an SVG with content naming its series), the page must log no errors, and a
/// screenshot is kept in TestResults/ as an artifact.
/// </summary>
public class BrowserTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    [Fact]
    public async Task The_report_renders_every_chart_in_chromium_without_console_errors()
    {
        string browser = Chromium.Find();
        string folder = Path.Combine(Path.GetTempPath(), $"bedflow-report-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(file, f.Html);

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = browser, Headless = true, Args = ["--no-sandbox"] });
        var page = await chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 1400 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        var figures = await page.EvalOnSelectorAllAsync<FigureInfo[]>("figure", """
            figs => figs.map(f => {
              const svg = f.querySelector('svg');
              const box = svg ? svg.getBoundingClientRect() : null;
              return { id: f.id, series: f.dataset.series, text: svg ? svg.textContent : '', elements: svg ? svg.querySelectorAll('*').length : 0,
                       width: box ? box.width : 0, height: box ? box.height : 0 };
            })
            """);
        Assert.Equal(Bedflow.Reports.Charts.ChartBuilder.All(f.Results, f.Decision, 2).Select(c => c.Id), figures.Select(x => x.Id));
        foreach (var fig in figures)
        {
            Assert.True(fig.Elements > 20 && fig.Width > 300 && fig.Height > 100, $"{fig.Id} did not render: {fig.Elements} elements, {fig.Width}×{fig.Height}");
            foreach (string name in fig.Series.Split('|'))
            {
                Assert.Contains(name, fig.Text, StringComparison.Ordinal);
            }
        }
        string shot = Path.Combine(Chromium.ResultsFolder(), "report-screenshot.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
        Assert.Empty(errors);
        Directory.Delete(folder, recursive: true);
    }

    public sealed class FigureInfo
    {
        public string Id { get; set; } = "";

        public string Series { get; set; } = "";

        public string Text { get; set; } = "";

        public int Elements { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }
    }
}
