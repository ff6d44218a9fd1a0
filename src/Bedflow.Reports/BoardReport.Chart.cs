using System.Text;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    /// <summary>
    /// One chart as the board pack draws it, for another page to hold (the web app's Figures page):
    /// a <c>figure</c> with the chart's inline SVG (its ids prefixed by the chart's, so several can
    /// share a page) and its caption. HTML, encoded; no scripts.
    /// </summary>
    public static string Chart(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var h = new StringBuilder();
        Figure(h, chart);
        return h.ToString();
    }
}
