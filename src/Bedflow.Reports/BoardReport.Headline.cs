using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    private static void Headline(StringBuilder h, Scenario scenario, IReadOnlyList<VariantResult> results, Verdict verdict)
    {
        bool costed = results[0].Costs is not null;
        h.Append("<section class=\"headline\">\n<h2>Headline</h2>\n<p class=\"verdict\">").Append(E(VerdictWording.Statement(verdict))).Append("</p>\n");
        h.Append("<table>\n<thead><tr><th>Option</th><th>Patients delayed on a typical day</th><th>Delayed days a year</th><th>Delayed days per 1,000 adults a year</th><th>Acute occupancy</th>");
        if (costed)
        {
            h.Append("<th>Cost over the period (£m)</th><th>£ per delayed day avoided</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in results)
        {
            bool best = r.Name == verdict.Best;
            h.Append(best ? "<tr class=\"best\">" : "<tr>").Append("<th scope=\"row\">").Append(E(r.Name)).Append(best ? " <span class=\"tag\">best option</span>" : "");
            if (!string.IsNullOrWhiteSpace(r.Description))
            {
                h.Append("<span class=\"description\">").Append(E(r.Description)).Append("</span>");
            }
            h.Append("</th>");
            h.Append("<td>").Append(Cell(r.DelayedPatients, "N1"));
            if (scenario.TargetDelayedPatients is { } target)
            {
                h.Append(Inv($"<span class=\"vs\">target {target:N0}: {(r.DelayedPatients.Mean <= target ? "met" : $"{r.DelayedPatients.Mean - target:N0} over")}</span>"));
            }
            h.Append("</td><td>").Append(Cell(r.DelayedDaysPerYear, "N0")).Append("</td><td>").Append(Cell(r.Run.Delays!.DaysPer1000AdultsPerYear, "N1"))
                .Append("</td><td>").Append(Cell(r.AcuteOccupancy, "P1")).Append("</td>");
            if (costed)
            {
                var c = r.Costs!.Total;
                h.Append("<td>").Append(Cell(c.DividedBy(1e6), "N2")).Append("</td><td>");
                h.Append(r.VersusBaseline is { } vb && !double.IsNaN(vb.CostPerDelayedDayAvoided) ? E(vb.CostPerDelayedDayAvoided.ToString("N0", CultureInfo.InvariantCulture)) : "–");
                h.Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">Each figure is the mean over replications with its 95% confidence interval beneath it. Options are compared with the baseline on common random numbers.</p>\n</section>\n");
    }
}
