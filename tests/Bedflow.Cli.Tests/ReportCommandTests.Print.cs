using System.Text.RegularExpressions;
using Bedflow.Cli.Tests.Printing;
using Bedflow.Reports.Charts;

namespace Bedflow.Cli.Tests;

/// <summary>
/// The board pack as a board member holds it: the Oxfordshire example printed by `bedflow report
/// --pdf` (headless Chromium), each A4 page rasterised by pdftoppm. Every chart draws a thin frame
/// in <see cref="SvgRenderer.FrameColour"/> along its edges; a chart whose axes, title or legend are
/// cut off (by its own box, a page break or the page's edge) leaves an open frame.
/// </summary>
public partial class ReportCommandTests
{
    private const int Dpi = 150;

    [Fact]
    public void The_printed_board_pack_shows_every_chart_whole_inside_its_a4_page_and_the_headline_on_page_one()
    {
        Assert.True(ReportCommand.FindBrowser() is not null, "the print layout test needs Chromium: sudo apt-get install chromium (or set BEDFLOW_CHROMIUM); .ci/run installs it.");
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("run", Cli.RepoFile("examples", "oxfordshire", "scenario.yaml"), "--replications", "2", "--out", folder).Code);
        var (code, _, error) = Cli.Run("report", folder, "--pdf");
        Assert.True(code == 0, error);
        string pdf = Path.Combine(folder, "report.pdf");
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        int figures = Regex.Count(html, "<figure ");
        Assert.True(figures >= 10, $"the pack should have at least ten charts, has {figures}");

        // Each option's section shows how full its own services are: step-up beds exist only in the step-up options.
        string Load(string option) => Regex.Match(html, $"<figure id=\"occupancy-all-{Regex.Escape(option)}\" data-series=\"([^\"]*)\"").Groups[1].Value;
        Assert.Contains("step_up", Load("step_up_beds_10__").Split('|'));
        Assert.DoesNotContain("step_up", Load("baseline").Split('|'));
        Assert.Contains("acute", Load("baseline").Split('|'));

        var pages = PrintedPages.Rasterise(pdf, Dpi);
        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        // A4 is 210 × 297 mm; the pack's @page margin is 15 mm all round.
        int pageWidth = Pixels(210), pageHeight = Pixels(297), margin = Pixels(15);
        var found = new List<Frame>();
        for (int p = 0; p < pages.Count; p++)
        {
            Assert.InRange(pages[p].Width, pageWidth - 2, pageWidth + 2);
            Assert.InRange(pages[p].Height, pageHeight - 2, pageHeight + 2);
            found.AddRange(Frames.Find(pages[p], p + 1, SvgRenderer.FrameColour, minWidth: Pixels(20), minHeight: Pixels(10)));
        }
        var open = found.Where(f => !f.IsWhole).ToList();
        Assert.True(open.Count == 0, "charts cut off on the printed page:\n" + string.Join("\n", open));
        Assert.Equal(figures, found.Count);
        foreach (var f in found)
        {
            Assert.True(f.Left >= margin - 3 && f.Top >= margin - 3 && f.Right <= pageWidth - margin + 3 && f.Bottom <= pageHeight - margin + 3, $"a chart outside the printable area: {f}");
            // The whole drawing, not a slice of it: the frame keeps the chart's 900 × 420 shape.
            Assert.InRange(f.Width / (double)f.Height, 900 / 420.0 * 0.97, 900 / 420.0 * 1.03);
        }

        // Page 1 holds the whole headline: every option's row and the note under the table.
        string first = Regex.Replace(PrintedPages.Text(pdf, 1), "\\s+", "");
        using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var options = results.RootElement.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList();
        Assert.Equal(9, options.Count);
        foreach (string option in options)
        {
            Assert.Contains(option, first, StringComparison.Ordinal);
        }
        Assert.Contains("Eachfigureisthemeanoverreplications", first, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    private static int Pixels(double mm) => (int)Math.Round(mm / 25.4 * Dpi);
}
