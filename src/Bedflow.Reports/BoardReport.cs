using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Charts;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

/// <summary>
/// The board pack: one self-contained HTML file (inline CSS, charts inline as SVG, no network
/// fetches), readable on screen and printable on A4 — headline table, charts with plain-English
/// captions, and the assumptions the numbers rest on.
/// </summary>
public static partial class BoardReport
{
    /// <summary>The report as HTML text.</summary>
    public static string Html(Scenario scenario, Core.Simulation.RunOptions options, IReadOnlyList<VariantResult> results, string version)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        var decision = Core.Decisions.Decision.Of(results, scenario.Decision);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E(scenario.Name)).Append(" — Bedflow board pack</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header><h1>").Append(E(scenario.Name)).Append("</h1>\n<p class=\"lede\">").Append(E(scenario.Description)).Append("</p>\n");
        h.Append(Inv($"<p class=\"meta\">Period reported: {scenario.Baseline.StartDate:d MMM yyyy} for {options.HorizonDays:0} days, after {options.WarmupDays:0} days of warm-up. {options.Replications} replications, seed {options.Seed}. Bedflow {E(version)}.</p></header>\n"));
        Headline(h, scenario, results, decision);
        ParameterUncertainty(h, results);
        h.Append("<section class=\"charts\">\n<h2>The options compared</h2>\n");
        foreach (var chart in ChartBuilder.Comparisons(results, decision, scenario.TargetDelayedPatients))
        {
            Figure(h, chart);
        }
        h.Append("</section>\n");
        for (int i = 0; i < results.Count; i++)
        {
            Option(h, results, decision, i);
        }
        Assumptions(h, scenario, options, version);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    internal static void Figure(StringBuilder h, ChartSpec chart)
    {
        h.Append("<figure id=\"").Append(E(chart.Id)).Append("\" data-series=\"").Append(E(string.Join("|", chart.Series.Select(s => s.Name)))).Append("\">\n");
        h.Append(InlineSvg(SvgRenderer.Render(chart), chart.Id));
        h.Append("<figcaption>").Append(E(chart.Caption)).Append("</figcaption>\n</figure>\n");
    }

    internal static string Cell(Estimate e, string format)
    {
        if (double.IsNaN(e.Mean))
        {
            return "–";
        }
        string mean = Number(e.Mean, format);
        return e.Lower is { } lo && e.Upper is { } hi
            ? $"{E(mean)}<span class=\"ci\">{E(Number(lo, format))} to {E(Number(hi, format))}</span>"
            : E(mean);
    }

    // Invariant, with no minus before a value that rounds to zero ("0.00", not "-0.00": a saving of nothing, negated).
    internal static string Number(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.,") < 0 ? text[1..] : text;
    }

    // ScottPlot writes a whole XML document; inside HTML only the <svg> element is wanted, and its
    // ids (clip paths) are made unique to the chart: ids are shared by the whole HTML page.
    private static string InlineSvg(string svg, string chartId)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        string element = start >= 0 ? svg[start..] : svg;
        element = Regex.Replace(element, "\\bid=\"([^\"]+)\"", m => $"id=\"{chartId}-{m.Groups[1].Value}\"");
        element = Regex.Replace(element, "url\\(#([^)]+)\\)", m => $"url(#{chartId}-{m.Groups[1].Value})");
        element = Regex.Replace(element, "href=\"#([^\"]+)\"", m => $"href=\"#{chartId}-{m.Groups[1].Value}\"");
        return element + "\n";
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Print: A4 with 15 mm margins (the print layout test in Bedflow.Cli.Tests assumes them); the
    // headline table is compact enough for nine options on page 1; no table row or chart is split
    // across pages.
    internal const string Css = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "Segoe UI", Arial, "Liberation Sans", sans-serif; color: #1a1a1a; max-width: 1000px; margin: 0 auto; padding: 1rem; line-height: 1.4; }
        h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
        h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2rem; break-after: avoid; }
        h3 { break-after: avoid; }
        .lede { font-size: 1.1rem; }
        .meta, .note { color: #444; font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: right; vertical-align: top; }
        th[scope=row], thead th:first-child { text-align: left; }
        thead th { background: #eef3f8; }
        tr.best { background: #fff4cc; font-weight: 600; }
        tr.group th { text-align: left; background: #f4f4f4; font-style: italic; }
        tr.unmet th { font-weight: normal; padding-left: 1.2rem; }
        tr.unacceptable th[scope=row], tr.unacceptable td { color: #555; }
        .standing { display: block; font-size: 0.8rem; font-style: italic; font-weight: normal; }
        .worse b { color: #B00020; }
        td.overload { text-align: left; font-size: 0.8rem; color: #8a1c00; }
        th.option { width: 28%; }
        thead th.change { text-align: center; }
        .tag { display: inline-block; border: 1px solid #1a1a1a; border-radius: 3px; padding: 0 0.3rem; font-size: 0.75rem; }
        .ci, .vs, .description { display: block; color: #555; font-size: 0.8rem; font-weight: normal; }
        .ci { white-space: nowrap; }
        .verdict { font-size: 1.05rem; border-left: 4px solid #D55E00; padding-left: 0.6rem; }
        figure { margin: 1.5rem 0; page-break-inside: avoid; break-inside: avoid; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { font-size: 0.9rem; color: #333; }
        .headline { page-break-after: always; break-after: page; }
        section.option { break-before: page; page-break-before: always; }
        h2 .description { display: inline; font-size: 1rem; color: #444; font-weight: normal; }
        table.breakdown { width: auto; min-width: 60%; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.3; }
          h1 { font-size: 18pt; margin: 0 0 2mm; }
          h2 { margin-top: 5mm; }
          .lede { font-size: 11pt; margin: 0 0 2mm; }
          .headline table { font-size: 8pt; }
          .headline th, .headline td { padding: 0.7mm 1.2mm; }
          .ci, .vs, .description, .standing, td.overload { font-size: 7pt; }
          .headline .ci { white-space: normal; }
          .headline thead th { font-size: 7pt; }
          .headline .note, .meta { font-size: 8pt; }
          .verdict { font-size: 10pt; }
          figure { margin: 4mm 0; }
        }

        """;
}
