using System.Globalization;
using System.Text;
using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    // The option's standing and the appraisal's reasons for it, in the words every face uses.
    private static void Appraised(StringBuilder h, VariantResult r, Appraisal? appraisal)
    {
        if (appraisal is null)
        {
            return;
        }
        h.Append("<div class=\"appraisal\"><p><b>Appraisal: ").Append(E(AppraisalWording.Standing(appraisal))).Append(".</b></p>\n");
        var why = AppraisalWording.Why(appraisal).ToList();
        if (why.Count > 0)
        {
            h.Append("<ul>\n");
            foreach (string reason in why)
            {
                h.Append("<li>").Append(E(reason)).Append("</li>\n");
            }
            h.Append("</ul>\n");
        }
        h.Append("</div>\n");
    }

    // Every harm measure: its level, and for an option its paired change from the baseline and
    // whether the appraisal finds it significantly worse (beyond the tolerance, or allowed).
    private static void HarmsTable(StringBuilder h, VariantResult r, Appraisal? appraisal)
    {
        bool option = appraisal is not null && r.HarmsVersusBaseline is not null;
        h.Append("<table class=\"breakdown harms\">\n<thead><tr><th>Activity and harm</th><th>Level</th>")
            .Append(option ? "<th>Change from the baseline</th><th>Significantly worse</th>" : "").Append("</tr></thead>\n<tbody>\n");
        foreach (var m in HarmMeasureWords.Table.Rows.Select(x => x.Value))
        {
            h.Append("<tr><th scope=\"row\">").Append(E(HarmMeasureWords.Display(m))).Append(m == HarmMeasure.AcuteOccupancy ? "" : $" <span class=\"unit\">{E(HarmMeasureWords.Table[m].Unit)}</span>")
                .Append("</th><td>").Append(Level(r.Harms[m], m)).Append("</td>");
            if (option)
            {
                var d = r.HarmsVersusBaseline![m];
                h.Append("<td>").Append(double.IsNaN(d.Mean) ? "–" : E(AppraisalWording.Amount(d.Mean, m, signed: true)));
                if (d.Lower is { } lo && d.Upper is { } hi)
                {
                    h.Append("<span class=\"ci\">").Append(E(AppraisalWording.Amount(lo, m, signed: true))).Append(" to ").Append(E(AppraisalWording.Amount(hi, m, signed: true))).Append("</span>");
                }
                h.Append("</td><td>").Append(Worsened(appraisal!, m) switch
                {
                    HarmWorse => "<b class=\"worse\">yes</b>",
                    Core.Decisions.HarmAllowed => "yes, allowed",
                    _ => "no",
                }).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        if (option)
        {
            h.Append("<p class=\"note\">Levels are means over replications with their 95% intervals (within the measure's limits); a change is this option less the baseline, paired on common random numbers. Significantly worse: the change's 95% interval lies beyond the appraisal's tolerance in the bad direction (fewer patients treated, or more waiting, cancelled or crowded).</p>\n");
        }
    }

    private static string Level(Core.Statistics.Estimate e, HarmMeasure m) => m == HarmMeasure.AcuteOccupancy
        ? Cell(e, "P1")
        : Cell(e, m is HarmMeasure.WaitingForAcuteBed or HarmMeasure.WaitingUncounted ? "N1" : "N0");
}
