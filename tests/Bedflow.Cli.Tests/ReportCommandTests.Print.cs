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

    [Fact]
    public void No_row_of_any_table_in_the_printed_board_pack_splits_across_pages_and_a_table_carried_over_repeats_its_heading()
    {
        Assert.True(ReportCommand.FindBrowser() is not null, "the print layout test needs Chromium: sudo apt-get install chromium (or set BEDFLOW_CHROMIUM); .ci/run installs it.");
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("run", Cli.RepoFile("examples", "oxfordshire", "scenario.yaml"), "--replications", "2", "--out", folder).Code);
        // Every cell of every row starts and ends with a small mark naming its table and row
        // ([t3r7]; heading rows [t3h]): a row split by a page break leaves its marks on two pages.
        string html = Path.Combine(folder, "report.html");
        var (marked, rows) = MarkRows(File.ReadAllText(html));
        Assert.True(rows.Count > 150, $"only {rows.Count} table rows marked");
        File.WriteAllText(html, marked);
        var (code, _, error) = Cli.Run("report", folder, "--pdf");
        Assert.True(code == 0, error);
        string pdf = Path.Combine(folder, "report.pdf");
        int pageCount = PrintedPages.Rasterise(pdf, 10).Count;
        var pagesOf = new Dictionary<string, SortedSet<int>>();
        var headings = new HashSet<(int Table, int Page)>();
        for (int page = 1; page <= pageCount; page++)
        {
            foreach (Match m in Regex.Matches(PrintedPages.Text(pdf, page), @"\[t(\d+)(r\d+|h)\]"))
            {
                if (m.Groups[2].Value == "h")
                {
                    headings.Add((int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), page));
                    continue;
                }
                string row = m.Value;
                if (!pagesOf.TryGetValue(row, out var pages))
                {
                    pagesOf[row] = pages = [];
                }
                pages.Add(page);
            }
        }
        // Every row printed, each on one page.
        Assert.Equal(rows.Order(), pagesOf.Keys.Order());
        var split = pagesOf.Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key} on pages {string.Join(", ", kv.Value)}").ToList();
        Assert.True(split.Count == 0, "table rows split across pages:\n" + string.Join("\n", split));
        // A table with a heading that runs onto another page repeats it there.
        foreach (var table in pagesOf.GroupBy(kv => int.Parse(kv.Key[2..kv.Key.IndexOf('r', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)))
        {
            var pages = table.SelectMany(kv => kv.Value).Distinct().Order().ToList();
            if (headings.Any(h => h.Table == table.Key))
            {
                Assert.All(pages, page => Assert.True(headings.Contains((table.Key, page)), $"table {table.Key} goes on to page {page} without its heading"));
            }
        }
        Directory.Delete(folder, true);
    }

    // The report with each cell marked at its start and end; and the body rows' marks.
    private static (string Html, List<string> Rows) MarkRows(string html)
    {
        var rows = new List<string>();
        int table = 0;
        string marked = Regex.Replace(html, "<table.*?</table>", t =>
        {
            table++;
            int row = 0;
            return Regex.Replace(t.Value, "<tr[^>]*>.*?</tr>", r =>
            {
                bool heading = Regex.IsMatch(t.Value[..r.Index], "<thead>(?!.*</thead>)", RegexOptions.Singleline);
                string mark = heading ? $"[t{table}h]" : $"[t{table}r{++row}]";
                if (!heading)
                {
                    rows.Add(mark);
                }
                string span = $"<span style=\"font-size:5pt;color:#999\">{mark}</span>";
                string cells = Regex.Replace(r.Value, "(<t[hd][^>]*>)", "$1" + span);
                return Regex.Replace(cells, "(</t[hd]>)", span + "$1");
            }, RegexOptions.Singleline);
        }, RegexOptions.Singleline);
        return (marked, rows);
    }

    private static int Pixels(double mm) => (int)Math.Round(mm / 25.4 * Dpi);
}
