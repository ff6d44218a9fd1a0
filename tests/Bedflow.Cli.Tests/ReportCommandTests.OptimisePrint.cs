using System.Text.RegularExpressions;
using Bedflow.Cli.Tests.Printing;
using Bedflow.Reports.Charts;

namespace Bedflow.Cli.Tests;

/// <summary>
/// The optimisation pages as a board member holds them: `bedflow optimise --out DIR` then `bedflow
/// report DIR --pdf`, each A4 page rasterised — every chart whole inside its page, and no table row
/// split across pages (the same checks as the board pack's).
/// </summary>
public partial class ReportCommandTests
{
    [Fact]
    public void The_printed_optimisation_pages_show_every_chart_whole_inside_its_a4_page_and_split_no_table_row()
    {
        Assert.True(ReportCommand.FindBrowser() is not null, "the print layout test needs Chromium: sudo apt-get install chromium (or set BEDFLOW_CHROMIUM); .ci/run installs it.");
        string folder = Cli.TempFolder();
        var (ran, _, ranError) = Cli.Run("optimise", Cli.RepoFile("examples", "optimise-tiny.yaml"), "--out", folder);
        Assert.True(ran == 0, ranError);
        string html = Path.Combine(folder, "report.html");
        int figures = Regex.Count(File.ReadAllText(html), "<figure ");
        Assert.Equal(2, figures); // the frontier, and total system cost (the example prices a delayed day)
        var (marked, rows) = MarkRows(File.ReadAllText(html));
        Assert.True(rows.Count > 20, $"only {rows.Count} table rows marked");
        File.WriteAllText(html, marked);
        var (code, _, error) = Cli.Run("report", folder, "--pdf");
        Assert.True(code == 0, error);
        string pdf = Path.Combine(folder, "report.pdf");

        var pages = PrintedPages.Rasterise(pdf, Dpi);
        Assert.True(pages.Count >= 4, $"{pages.Count} page(s)");
        int pageWidth = Pixels(210), pageHeight = Pixels(297), margin = Pixels(15);
        var found = new List<Frame>();
        for (int p = 0; p < pages.Count; p++)
        {
            found.AddRange(Frames.Find(pages[p], p + 1, SvgRenderer.FrameColour, minWidth: Pixels(20), minHeight: Pixels(10)));
        }
        var open = found.Where(f => !f.IsWhole).ToList();
        Assert.True(open.Count == 0, "charts cut off on the printed page:\n" + string.Join("\n", open));
        Assert.Equal(figures, found.Count);
        foreach (var f in found)
        {
            Assert.True(f.Left >= margin - 3 && f.Top >= margin - 3 && f.Right <= pageWidth - margin + 3 && f.Bottom <= pageHeight - margin + 3, $"a chart outside the printable area: {f}");
            Assert.InRange(f.Width / (double)f.Height, 900 / 420.0 * 0.97, 900 / 420.0 * 1.03);
        }

        var pagesOf = new Dictionary<string, SortedSet<int>>();
        for (int page = 1; page <= pages.Count; page++)
        {
            foreach (Match m in Regex.Matches(PrintedPages.Text(pdf, page), @"\[t(\d+)r\d+\]"))
            {
                if (!pagesOf.TryGetValue(m.Value, out var on))
                {
                    pagesOf[m.Value] = on = [];
                }
                on.Add(page);
            }
        }
        Assert.Equal(rows.Order(), pagesOf.Keys.Order());
        var split = pagesOf.Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key} on pages {string.Join(", ", kv.Value)}").ToList();
        Assert.True(split.Count == 0, "table rows split across pages:\n" + string.Join("\n", split));
        // Page 1 holds every budget's headline sentence.
        string first = Regex.Replace(PrintedPages.Text(pdf, 1), "\\s+", "");
        Assert.Contains("With£50,000ayear:", first, StringComparison.Ordinal);
        Assert.Contains("With£100,000ayear:", first, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }
}
