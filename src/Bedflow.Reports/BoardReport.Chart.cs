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

    /// <summary>
    /// A chart already drawn — its SVG as <see cref="SvgRenderer"/> wrote it, kept beside a run — as
    /// <see cref="Chart(ChartSpec)"/> holds it: a <c>figure</c> with id <paramref name="id"/>, the SVG
    /// inline (its ids prefixed) and <paramref name="caption"/> (encoded).
    /// </summary>
    public static string Chart(string id, string svg, string caption)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(svg);
        return new StringBuilder().Append("<figure id=\"").Append(E(id)).Append("\">\n").Append(InlineSvg(svg, id))
            .Append("<figcaption>").Append(E(caption)).Append("</figcaption>\n</figure>\n").ToString();
    }
}
