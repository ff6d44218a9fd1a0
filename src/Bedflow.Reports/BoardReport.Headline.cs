using System.Globalization;
using System.Text;
using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    // The harms page 1 shows beside each option, as its change from the baseline: what it does to
    // the patients treated and at the front door. Every measure is in the option's own section.
    private static readonly HarmMeasure[] KeyHarms = [HarmMeasure.ElectiveAdmissions, HarmMeasure.WaitingForAcuteBed, HarmMeasure.WaitsOver12Hours];

    private static void Headline(StringBuilder h, Scenario scenario, IReadOnlyList<VariantResult> results, Decision decision)
    {
        var verdict = decision.Verdict;
        bool costed = results[0].Costs is not null;
        h.Append("<section class=\"headline\">\n<h2>Headline</h2>\n<p class=\"verdict\">").Append(E(VerdictWording.Statement(verdict))).Append("</p>\n");
        if (decision.BaselineOverloads is { } overloads)
        {
            h.Append("<p class=\"verdict\">Baseline: ").Append(E(AppraisalWording.Sentence(overloads) ?? "")).Append("</p>\n");
        }
        // Two heading rows: the options' own figures, then the key harms under one heading of their own.
        string rows = "rowspan=\"2\"";
        h.Append("<table>\n<thead><tr><th class=\"option\" ").Append(rows).Append(">Option and its standing</th><th ").Append(rows).Append(">Patients delayed on a typical day")
            .Append(scenario.TargetDelayedPatients is { } t ? Inv($" (target {t:N0})") : "").Append("</th><th ").Append(rows).Append(">Delayed days a year</th><th ").Append(rows).Append(">Acute occupancy</th>");
        if (costed)
        {
            h.Append("<th ").Append(rows).Append(">Cost over the period (£m)</th><th ").Append(rows).Append(">£ per delayed day avoided</th>");
        }
        h.Append("<th class=\"change\" colspan=\"").Append(KeyHarms.Length.ToString(CultureInfo.InvariantCulture)).Append("\">Change from the baseline</th></tr>\n<tr>");
        foreach (var m in KeyHarms)
        {
            h.Append("<th class=\"change\">").Append(E(HarmMeasureWords.Display(m))).Append(' ').Append(E(HarmMeasureWords.Table[m].Unit)).Append("</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in results)
        {
            var appraisal = decision.For(r.Name);
            bool best = r.Name == verdict.Best;
            h.Append(best ? "<tr class=\"best\">" : appraisal is { Acceptable: false } ? "<tr class=\"unacceptable\">" : "<tr>")
                .Append("<th scope=\"row\">").Append(E(r.Name)).Append(best ? " <span class=\"tag\">best option</span>" : "");
            if (!string.IsNullOrWhiteSpace(r.Description))
            {
                h.Append("<span class=\"description\">").Append(E(r.Description)).Append("</span>");
            }
            if (appraisal is not null)
            {
                h.Append("<span class=\"standing\">").Append(E(AppraisalWording.Standing(appraisal))).Append("</span>");
            }
            h.Append("</th>");
            h.Append("<td>").Append(Cell(r.DelayedPatients, "N1")).Append(WithParameters(r.Uncertainty?.DelayedPatients, "N1"));
            if (scenario.TargetDelayedPatients is { } target && r.DelayedPatients.Mean <= target)
            {
                h.Append("<span class=\"vs\">target met</span>");
            }
            h.Append("</td><td>").Append(Cell(r.DelayedDaysPerYear, "N0")).Append(WithParameters(r.Uncertainty?.DelayedDaysPerYear, "N0")).Append("</td><td>").Append(Cell(r.AcuteOccupancy, "P1")).Append("</td>");
            if (costed)
            {
                h.Append("<td>").Append(Cell(r.Costs!.Total.DividedBy(1e6), "N2")).Append(WithParameters(r.Uncertainty?.TotalCost, "N2", 1e-6)).Append("</td><td>").Append(PerDayAvoided(appraisal)).Append("</td>");
            }
            KeyHarmCells(h, r, appraisal);
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">Each figure is the mean over replications with its 95% confidence interval beneath it. Options are compared with the baseline on common random numbers: a change is the option less the baseline, paired; <b>worse</b>: significantly worse, beyond the appraisal's tolerance. £ per delayed day avoided has Fieller's interval. Every harm is in each option's own section.")
            .Append(results.Any(r => r.Uncertainty is not null) ? " <b>With parameters</b>: the interval that also allows for the uncertain parameters (the next section)." : "")
            .Append("</p>\n</section>\n");
    }

    // An unstable option's harms have no meaning: its row says why instead.
    private static void KeyHarmCells(StringBuilder h, VariantResult r, Appraisal? appraisal)
    {
        if (appraisal?.Reasons.OfType<Overloads>().FirstOrDefault() is { } overloads)
        {
            h.Append("<td colspan=\"").Append(KeyHarms.Length.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"overload\">")
                .Append(E(AppraisalWording.Sentence(overloads) ?? "")).Append("</td>");
            return;
        }
        foreach (var m in KeyHarms)
        {
            h.Append("<td>").Append(r.HarmsVersusBaseline is { } changes && appraisal is not null ? Change(changes[m], m, appraisal) : "–").Append("</td>");
        }
    }

    // A harm's paired change from the baseline, signed, with its interval; marked when the appraisal finds it significantly worse.
    private static string Change(Core.Statistics.Estimate d, HarmMeasure m, Appraisal appraisal)
    {
        if (double.IsNaN(d.Mean))
        {
            return "–";
        }
        string mean = E(AppraisalWording.Amount(d.Mean, m, signed: true));
        string interval = d.Lower is { } lo && d.Upper is { } hi
            ? $"<span class=\"ci\">{E(AppraisalWording.Amount(lo, m, signed: true))} to {E(AppraisalWording.Amount(hi, m, signed: true))}</span>"
            : "";
        return Worsened(appraisal, m) switch
        {
            HarmWorse => $"<span class=\"worse\">{mean} <b>worse</b></span>{interval}",
            Core.Decisions.HarmAllowed => $"{mean} (allowed){interval}",
            _ => mean + interval,
        };
    }

    private static VerdictReason? Worsened(Appraisal appraisal, HarmMeasure m) =>
        appraisal.Reasons.FirstOrDefault(x => x is HarmWorse w && w.Measure == m || x is Core.Decisions.HarmAllowed a && a.Measure == m);

    // The appraisal's ratio, with Fieller's interval; only for an option that avoids delays on average (else the ratio of two negatives reads as a cost).
    private static string PerDayAvoided(Appraisal? appraisal)
    {
        if (appraisal?.CostPerDelayedDayAvoided is not { } ratio || appraisal.DelayedDaysAvoided.Mean <= 0 || double.IsNaN(ratio.Value))
        {
            return "–";
        }
        string value = E(ratio.Value.ToString("N0", CultureInfo.InvariantCulture));
        return ratio.IsBounded
            ? value + $"<span class=\"ci\">{E(ratio.Lower!.Value.ToString("N0", CultureInfo.InvariantCulture))} to {E(ratio.Upper!.Value.ToString("N0", CultureInfo.InvariantCulture))}</span>"
            : value + "<span class=\"ci\">no bounded interval</span>";
    }
}
