using System.Globalization;
using System.Net;
using System.Text;
using Bedflow.Core.Calibration;
using Bedflow.Core.Statistics.Fitting;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports;

/// <summary>
/// calibration-report.html: what a register said about a scenario — each service's length of stay
/// (every family fitted, AIC, the mean's interval, the goodness of fit and a Q–Q chart against the
/// Kaplan–Meier estimate), routing with simultaneous intervals, arrivals with their factors, and
/// what could not be matched or fitted. One self-contained HTML file, printable like the board pack.
/// </summary>
public static class CalibrationReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The report as HTML text.</summary>
    public static string Html(string scenario, RegisterCalibration calibration, string version)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(calibration);
        var e = calibration.Evidence;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(scenario)).Append(" — calibration from the register</title>\n<style>\n")
            .Append(BoardReport.Css).Append("</style>\n</head>\n<body>\n<header><h1>").Append(E(scenario)).Append(": calibration from the register</h1>\n")
            .Append(string.Create(Inv, $"<p class=\"meta\">Stays admitted {e.From:d MMM yyyy} to {e.AsOf.AddTicks(-1):d MMM yyyy}; a stay is a transfer when the patient's next stay begins within {e.LinkWindow.TotalHours:0} hours of its end. Bedflow {E(version)}.</p></header>\n"));
        Stays(h, calibration);
        Routing(h, calibration);
        Arrivals(h, calibration);
        ProcessTimes(h, calibration);
        Choices(h, calibration);
        Unmatched(h, calibration);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The Q–Q chart of a service's chosen family: Kaplan–Meier quantiles against the fitted ones, and the line where they agree.</summary>
    public static ChartSpec QuantileChart(string service, StayFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var chosen = fit.Chosen;
        string family = StayFamilyWords.Code(chosen.Family);
        var points = chosen.QuantilePoints;
        double top = points.Count == 0 ? 1 : points.Max(p => Math.Max(p.Observed, p.Fitted));
        List<Series> series =
        [
            new("observed = fitted", [0, top], [0, top]) { Mark = PointMark.Line, Colour = "#888888" },
            .. points.Select(p => new Series(string.Create(Inv, $"{p.Probability:P0}"), [p.Fitted], [p.Observed]) { Legend = $"{family} (chosen by AIC)" }),
        ];
        return new ChartSpec($"qq-{service}", $"{service}: length of stay, observed against fitted",
            string.Create(Inv, $"Each point is a quantile (5%, 10%, … 95%) of the stays' Kaplan–Meier estimate against the same quantile of the fitted {family} distribution; points on the line mean the family fits there. {fit.Stays:N0} stays, {fit.StillIn:N0} still not ready (censored)."),
            "Fitted quantile (days)", "Observed quantile (days)", ChartKind.Points, series);
    }

    private static void Stays(StringBuilder h, RegisterCalibration c)
    {
        h.Append("<section>\n<h2>Lengths of stay (admission to ready for transfer)</h2>\n");
        foreach (var s in c.Stays)
        {
            h.Append("<h3>").Append(E(s.Service)).Append("</h3>\n");
            if (s.Fit is not { } fit)
            {
                h.Append("<p class=\"note\">Not fitted: ").Append(E(s.ByGroup
                    ? "the scenario gives this service a length of stay per patient group, and a register has no groups."
                    : string.Join(" ", s.Problems.Select(p => p.Message)))).Append("</p>\n");
                continue;
            }
            h.Append("<table>\n<thead><tr><th>Family</th><th>AIC</th><th>ΔAIC</th><th>Mean (days)</th><th>95% CI</th><th>Kaplan–Meier distance</th><th>Bootstrap p</th></tr></thead>\n<tbody>\n");
            foreach (var f in fit.Fits)
            {
                h.Append(string.Create(Inv, $"<tr><th scope=\"row\">{E(StayFamilyWords.Code(f.Family))}{(f == fit.Chosen ? " (chosen)" : "")}</th><td>{f.Aic:N1}</td><td>{f.DeltaAic:N1}</td><td>{f.Mean.Value:N2}</td><td>{(f.Mean.Lower is { } lo && f.Mean.Upper is { } hi ? $"{lo:N2} to {hi:N2}" : "–")}</td><td>{f.GoodnessOfFit.Distance:0.000}</td><td>{(f.GoodnessOfFit.PValue is { } p ? p.ToString("0.000", Inv) : "–")}</td></tr>\n"));
            }
            h.Append("</tbody>\n</table>\n");
            BoardReport.Figure(h, QuantileChart(s.Service, fit));
        }
        h.Append("</section>\n");
    }

    private static void Routing(StringBuilder h, RegisterCalibration c)
    {
        h.Append("<section>\n<h2>Routing</h2>\n<p class=\"note\">Shares of the stays that ended in the window, fitted by maximum likelihood (EM) with 95% bootstrap intervals. A register sees a transfer to another bed by name, anything else only by its discharge pathway, and nothing of the referrals and assessments a patient waits for in the bed: destinations it cannot tell apart keep the scenario's proportions between them.</p>\n");
        foreach (var r in c.Routing)
        {
            h.Append("<h3>").Append(E(r.Service)).Append(string.Create(Inv, $" ({r.Shares.Total:N0} stays)")).Append("</h3>\n<table>\n<thead><tr><th>Destination</th><th>Probability</th><th>95% CI</th><th>Seen in the register as</th></tr></thead>\n<tbody>\n");
            foreach (var p in r.Probabilities)
            {
                h.Append(string.Create(Inv, $"<tr><th scope=\"row\">{E(p.To)}{(p.Shared ? " (pathway shared)" : "")}</th><td>{p.Probability:0.0000}</td><td>{p.Lower:0.0000} to {p.Upper:0.0000}</td><td>{E(string.Join(", ", p.SeenAs))}</td></tr>\n"));
            }
            h.Append("</tbody>\n</table>\n");
            if (r.Unplaced.Count > 0)
            {
                h.Append("<p class=\"note\">The scenario has no route from ").Append(E(r.Service)).Append(" for ")
                    .Append(E(string.Join(", ", r.Unplaced.Select(u => string.Create(Inv, $"{u.Count:N0} stays to {u.Destination}"))))).Append(": they are left out of the shares above.</p>\n");
            }
        }
        h.Append("</section>\n");
    }

    private static void Arrivals(StringBuilder h, RegisterCalibration c)
    {
        h.Append("<section>\n<h2>Arrivals (admissions from outside)</h2>\n");
        foreach (var a in c.Arrivals)
        {
            var f = a.Fit;
            h.Append("<h3>").Append(E(a.Service)).Append("</h3>\n").Append(string.Create(Inv,
                $"<p>{f.Arrivals:N0} admissions over {f.Days:N0} days: base rate {f.BaseRate.Value:0.##} a day ({f.BaseRate.Lower:0.##} to {f.BaseRate.Upper:0.##}); Pearson χ²/df {f.Dispersion:0.##}{(f.Overdispersed ? " (over-dispersed: intervals widened)" : "")}. {(a.Separable ? $"One stream, {E(a.Streams[0].Stream)}: these are its base rate and factors." : $"{a.Streams.Count} streams, which a register does not tell apart: the admissions are {a.Scale.Value:0.###} ({a.Scale.Lower:0.###} to {a.Scale.Upper:0.###}) times the {a.Expected:N0} they expected, and each base rate is scaled by that, its own shape kept: {E(string.Join(", ", a.Streams.Select(s => $"{s.Stream} {s.Was:0.#} → {s.Fitted:0.#} a day")))}; the factors below are of all of them together.")}</p>\n"));
            string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            Factors(h, "Month", months, f.MonthFactors);
            Factors(h, "Weekday", days, f.WeekdayFactors);
        }
        h.Append("</section>\n");
    }

    private static void ProcessTimes(StringBuilder h, RegisterCalibration c)
    {
        if (c.ProcessTimes.Count == 0)
        {
            return;
        }
        h.Append("<section>\n<h2>Process time and waiting for a place</h2>\n<p>Each transfer's delay (ready to leaving) split into the time while its destination had a free place and the time while it was full, from the register's own stays against the scenario's capacity for that date. A transfer whose destination was never full took exactly the process time; one whose destination filled is right-censored at that moment (the process had not ended, or the patient would have been admitted while a place was free); a choice period's start ends the process exactly. Where the register cannot see the destination's places the whole time to leaving is fitted, an upper bound, and not written.</p>\n");
        h.Append("<table>\n<thead><tr><th>Step</th><th>To</th><th>Transfers (censored)</th><th>Mean days free</th><th>Mean days full</th><th>Process time fitted</th><th>Mean, days (95% CI)</th></tr></thead>\n<tbody>\n");
        foreach (var p in c.ProcessTimes)
        {
            string fitted = p.Note ?? (p.Fit is { } f
                ? StayFamilyWords.Code(f.Chosen.Family) + (p.KeptFamily is null ? " (by AIC)" : " (the scenario's family, kept)") + (p.UpperBound ? " — UPPER BOUND, not written" : "")
                : "not fitted: " + string.Join(" ", p.Problems.Select(x => x.Message)));
            string mean = p.Fit?.Chosen.Mean is { } m ? string.Create(Inv, $"{m.Value:0.##} ({m.Lower:0.##} to {m.Upper:0.##})") : "–";
            h.Append(string.Create(Inv, $"<tr><td>{E(p.Resource)}</td><td>{E(p.Destination)}</td><td class=\"num\">{p.Transfers:N0} ({p.Censored:N0})</td><td class=\"num\">{Days(p.MeanFreeDays)}</td><td class=\"num\">{Days(p.MeanFullDays)}</td><td>{E(fitted)}</td><td class=\"num\">{mean}</td></tr>\n"));
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Days(double d) => double.IsNaN(d) ? "not seen" : d.ToString("0.##", Inv);

    private static void Choices(StringBuilder h, RegisterCalibration c)
    {
        if (c.Choices.Count == 0)
        {
            return;
        }
        h.Append("<section>\n<h2>Patient or family choice</h2>\n<table>\n<thead><tr><th>Services</th><th>Seen as</th><th>Patients</th><th>Waited for choice (G)</th><th>Share (95% Wilson CI)</th><th>Wait fitted, mean days (95% CI)</th></tr></thead>\n<tbody>\n");
        foreach (var ch in c.Choices)
        {
            string share = ch.Share is { } s ? string.Create(Inv, $"{s.Value:0.###} ({s.Lower:0.###} to {s.Upper:0.###})") : "–";
            string wait = ch.Wait is { } w
                ? string.Create(Inv, $"{StayFamilyWords.Code(w.Chosen.Family)}, {w.Chosen.Mean.Value:0.##} ({w.Chosen.Mean.Lower:0.##} to {w.Chosen.Mean.Upper:0.##}){(ch.Cap is { } cap ? $"; censored at the cap of {cap:0.##}d" : "")}")
                : ch.Note ?? "not fitted: " + string.Join(" ", ch.WaitProblems.Select(x => x.Message));
            h.Append(string.Create(Inv, $"<tr><td>{E(string.Join(", ", ch.Services))}</td><td>{E(ch.SeenAs.ToString())}</td><td class=\"num\">{ch.Patients:N0}</td><td class=\"num\">{ch.WithChoice:N0}</td><td class=\"num\">{share}</td><td>{E(wait)}</td></tr>\n"));
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Factors(StringBuilder h, string what, string[] names, IReadOnlyList<Core.Statistics.FittedValue> factors)
    {
        h.Append("<table>\n<thead><tr><th>").Append(what).Append("</th>");
        foreach (string n in names)
        {
            h.Append("<th>").Append(n).Append("</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Factor (95% CI)</th>");
        foreach (var f in factors)
        {
            h.Append("<td>").Append(f.Absent ? "no data" : string.Create(Inv, $"{f.Value:0.000}<br>{f.Lower:0.000}–{f.Upper:0.000}")).Append("</td>");
        }
        h.Append("</tr>\n</tbody>\n</table>\n");
    }

    private static void Unmatched(StringBuilder h, RegisterCalibration c)
    {
        if (c.NotInScenario.Count == 0 && c.NotInRegister.Count == 0)
        {
            return;
        }
        h.Append("<section>\n<h2>Not matched</h2>\n");
        if (c.NotInScenario.Count > 0)
        {
            h.Append("<p>In the register but not the scenario (not used): ").Append(E(string.Join(", ", c.NotInScenario))).Append(".</p>\n");
        }
        if (c.NotInRegister.Count > 0)
        {
            h.Append("<p>SitRep beds in the scenario with no stays in the register (their values are still the scenario's assumptions): ").Append(E(string.Join(", ", c.NotInRegister))).Append(".</p>\n");
        }
        h.Append("</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
