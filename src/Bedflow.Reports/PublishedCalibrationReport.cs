using System.Globalization;
using System.Net;
using System.Text;
using Bedflow.Core.Calibration;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports;

/// <summary>
/// calibration-published.html: a scenario fitted to a council's published months — the overlay of
/// the published, the calibrated and the starting model's monthly delayed days; residuals by
/// reason, organisation and month against the targets; each unknown parameter's fitted value and
/// plausible range; every candidate tried. Self-contained HTML, printable like the board pack.
/// </summary>
public static class PublishedCalibrationReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The report as HTML text.</summary>
    public static string Html(string scenario, string council, string code, HistoryMatch match, IReadOnlyList<MonthlyDelays> published,
        IReadOnlyList<MonthlyDelays> calibrated, IReadOnlyList<MonthlyDelays> start, string version)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(calibrated);
        ArgumentNullException.ThrowIfNull(start);
        var fit = match.Best.Fit;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(scenario)).Append(" — fitted to the published months</title>\n<style>\n")
            .Append(BoardReport.Css).Append("</style>\n</head>\n<body>\n<header><h1>").Append(E(scenario)).Append(": fitted to ").Append(E(council)).Append("'s published months</h1>\n")
            .Append(string.Create(Inv, $"<p class=\"meta\">{E(council)} ({E(code)}), {fit.Months[0]:MMM yyyy} to {fit.Months[^1]:MMM yyyy}. {match.Evaluated.Count} candidates simulated on common random numbers: history matching over a Latin-hypercube design, then Nelder–Mead. Bedflow {E(version)}.</p></header>\n"));
        h.Append("<section class=\"headline\">\n<h2>Headline</h2>\n<p class=\"verdict\">").Append(E(fit.MeetsTargets
            ? "The calibrated model meets every target over the fitting window."
            : "The calibrated model does NOT meet every target: within the ranges given, the scenario's structure cannot reproduce the published months. The residuals below show where it misses.")).Append("</p>\n");
        h.Append("<table>\n<thead><tr><th>Target</th><th>Tolerance</th><th>Calibrated</th><th>Met</th></tr></thead>\n<tbody>\n");
        Row(h, "Annual delayed days", "5%", string.Create(Inv, $"{fit.Simulated:N0} for {fit.Published:N0} ({fit.AnnualError:+0.0%;-0.0%})"), Math.Abs(fit.AnnualError) <= PublishedFit.AnnualTolerance);
        double reason = fit.ReasonShareErrors.Values.DefaultIfEmpty(0).Max(Math.Abs), org = fit.OrganisationShareErrors.Values.DefaultIfEmpty(0).Max(Math.Abs), month = fit.QuarterShareErrors.DefaultIfEmpty(0).Max(Math.Abs);
        Row(h, "Each reason's share (largest miss)", "3 points", Points(reason), reason <= PublishedFit.ReasonShareTolerance);
        Row(h, "Each organisation's share (largest miss)", "5 points", Points(org), org <= PublishedFit.OrganisationShareTolerance);
        Row(h, "Each quarter's share of the window (largest miss)", "2.5 points", Points(month), month <= PublishedFit.QuarterShareTolerance);
        Row(h, "Seasonal peak", "same quarter", $"quarter {fit.SimulatedPeakQuarter} (published {fit.PublishedPeakQuarter})", fit.SimulatedPeakQuarter == fit.PublishedPeakQuarter);
        h.Append("</tbody>\n</table>\n</section>\n");
        BoardReport.Figure(h, Overlay(council, published, calibrated, start));
        Parameters(h, match);
        Residuals(h, fit);
        Candidates(h, match);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The overlay: monthly delayed days per day, published, calibrated and as the scenario started.</summary>
    public static ChartSpec Overlay(string council, IReadOnlyList<MonthlyDelays> published, IReadOnlyList<MonthlyDelays> calibrated, IReadOnlyList<MonthlyDelays> start)
    {
        ArgumentNullException.ThrowIfNull(published);
        var first = published.Min(m => m.Month);
        Series Of(string name, IReadOnlyList<MonthlyDelays> months, string colour) => new(name,
            [.. months.Where(m => published.Any(p => p.Month == m.Month)).Select(m => (double)(m.Month.DayNumber - first.DayNumber))],
            [.. months.Where(m => published.Any(p => p.Month == m.Month)).Select(m => m.Total / DateTime.DaysInMonth(m.Month.Year, m.Month.Month))]) { Colour = colour };
        return new ChartSpec("overlay", $"{council}: delayed days a day, each month",
            "Published (NHS England's monthly SitRep figures) against the model: calibrated, and as the scenario was before. A month's delayed days divided by its days: the delayed patients on an average day.",
            "Month", "Delayed days a day", ChartKind.Lines,
            [Of("published", published, "#000000"), Of("calibrated model", calibrated, "#1f77b4"), Of("model before calibration", start, "#aaaaaa")])
        { Start = first };
    }

    private static void Parameters(StringBuilder h, HistoryMatch match)
    {
        h.Append("<section>\n<h2>The unknown parameters</h2>\n<table>\n<thead><tr><th>Parameter</th><th>Range given</th><th>Before</th><th>Fitted</th><th>Plausible range</th></tr></thead>\n<tbody>\n");
        for (int j = 0; j < match.Parameters.Count; j++)
        {
            var p = match.Parameters[j];
            string plausible = match.PlausibleRanges[j] is { } r ? $"{p.Text(r.Min)} to {p.Text(r.Max)}" : "none plausible";
            h.Append($"<tr><th scope=\"row\">{E(p.Path)}</th><td>{E(p.Text(p.Min))} to {E(p.Text(p.Max))}</td><td>{E(p.Text(match.Evaluated[0].Values[j]))}</td><td>{E(p.Text(match.Best.Values[j]))}</td><td>{E(plausible)}</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">A candidate is ruled out when any target is missed by more than 1.5 times its tolerance (implausibility above 3, the tolerance read as two standard deviations). With no emulator between the points simulated, a plausible range is the range of the candidates tried that were not ruled out: the true region may be wider.</p>\n</section>\n");
    }

    private static void Residuals(StringBuilder h, PublishedFit fit)
    {
        h.Append("<section>\n<h2>Residuals of the calibrated model</h2>\n<table>\n<thead><tr><th>Reason</th><th>Share: model less published</th></tr></thead>\n<tbody>\n");
        foreach (var (r, e) in fit.ReasonShareErrors)
        {
            h.Append($"<tr><th scope=\"row\">{E(DelayReasonWords.Code(r))}: {E(DelayReasonWords.Description(r))}</th><td>{Points(e, signed: true)}</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n<table>\n<thead><tr><th>Organisation</th><th>Share: model less published</th></tr></thead>\n<tbody>\n");
        foreach (var (o, e) in fit.OrganisationShareErrors)
        {
            h.Append($"<tr><th scope=\"row\">{E(ResponsibilityWords.ExtractColumn(o))}</th><td>{Points(e, signed: true)}</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n<table>\n<thead><tr><th>Quarter of the window</th><th>Share of the window: model less published</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < fit.QuarterShareErrors.Count; i++)
        {
            var from = fit.Months[Math.Min(i * 3, fit.Months.Count - 1)];
            h.Append(string.Create(Inv, $"<tr><th scope=\"row\">{i + 1} (from {from:MMM yyyy})</th><td>{Points(fit.QuarterShareErrors[i], signed: true)}</td></tr>\n"));
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Candidates(StringBuilder h, HistoryMatch match)
    {
        h.Append("<section>\n<h2>Every candidate simulated</h2>\n<table>\n<thead><tr><th>#</th><th>How chosen</th>");
        foreach (var p in match.Parameters)
        {
            h.Append("<th>").Append(E(p.Path)).Append("</th>");
        }
        h.Append("<th>Annual error</th><th>Implausibility</th><th>Plausible</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < match.Evaluated.Count; i++)
        {
            var c = match.Evaluated[i];
            h.Append(string.Create(Inv, $"<tr><td>{i + 1}</td><td>{c.Stage.ToString().ToLowerInvariant()}</td>"));
            for (int j = 0; j < match.Parameters.Count; j++)
            {
                h.Append("<td>").Append(E(match.Parameters[j].Text(c.Values[j]))).Append("</td>");
            }
            h.Append(string.Create(Inv, $"<td>{c.Fit.AnnualError:+0.0%;-0.0%}</td><td>{c.Fit.Implausibility:0.##}</td><td>{(c.Fit.Plausible ? "yes" : "no")}</td></tr>\n"));
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Row(StringBuilder h, string target, string tolerance, string value, bool met) =>
        h.Append($"<tr><th scope=\"row\">{E(target)}</th><td>{E(tolerance)}</td><td>{E(value)}</td><td>{(met ? "yes" : "<b>no</b>")}</td></tr>\n");

    private static string Points(double share, bool signed = false) =>
        (share * 100).ToString(signed ? "+0.0;-0.0;0.0" : "0.0", Inv) + " points";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
