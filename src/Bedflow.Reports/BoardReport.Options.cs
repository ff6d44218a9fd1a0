using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    // One option's own section, on a page of its own: what it is, its delayed days by reason and by
    // organisation, its money by organisation against the baseline, and its own charts.
    private static void Option(StringBuilder h, IReadOnlyList<VariantResult> results, Core.Decisions.Decision decision, int index)
    {
        var r = results[index];
        var d = r.Run.Delays!;
        h.Append("<section class=\"option\" id=\"option-").Append(E(Charts.ChartBuilder.Slug(r.Name))).Append("\">\n<h2>").Append(E(r.Name));
        if (!string.IsNullOrWhiteSpace(r.Description))
        {
            h.Append(" <span class=\"description\">— ").Append(E(r.Description)).Append("</span>");
        }
        h.Append("</h2>\n<table class=\"breakdown\">\n<thead><tr><th>Delayed days a year</th><th>Mean</th><th>95% CI</th></tr></thead>\n<tbody>\n");
        foreach (var reason in SitRep.Reasons.Where(x => d.ByReason[x].Mean > 0))
        {
            Breakdown(h, DelayReasonWords.Label(reason), d.ByReason[reason]);
        }
        foreach (var o in SitRep.Responsibilities)
        {
            Breakdown(h, "Responsible: " + ResponsibilityWords.ExtractColumn(o), d.ByResponsibility[o]);
        }
        Breakdown(h, "All", r.DelayedDaysPerYear);
        h.Append("<tr><th scope=\"row\">Per 1,000 adults a year</th><td>").Append(E(d.DaysPer1000AdultsPerYear.Mean.ToString("N1", CultureInfo.InvariantCulture))).Append("</td><td>")
            .Append(d.DaysPer1000AdultsPerYear is { Lower: { } l, Upper: { } u } ? E(Inv($"{l:N1} to {u:N1}")) : "–").Append("</td></tr>\n");
        h.Append("</tbody>\n</table>\n");
        Appraised(h, r, decision.For(r.Name));
        HarmsTable(h, r, decision.For(r.Name));
        if (r.Costs is { } costs)
        {
            var c = r.VersusBaseline;
            h.Append("<table class=\"breakdown\">\n<thead><tr><th>Money over the period (£m)</th><th>Cost</th>").Append(c is null ? "" : "<th>Saving against the baseline</th>").Append("</tr></thead>\n<tbody>\n");
            foreach (var o in new[] { Commissioner.Nhs, Commissioner.SocialCare })
            {
                h.Append("<tr><th scope=\"row\">").Append(E(CommissionerWords.PartnerHeading(o))).Append("</th><td>").Append(Cell(costs.ByOrganisation[o].DividedBy(1e6), "N2")).Append("</td>");
                h.Append(c is null ? "" : "<td>" + Cell(c.CostByOrganisation[o].DividedBy(-1e6), "N2") + "</td>").Append("</tr>\n");
            }
            h.Append("<tr><th scope=\"row\">All</th><td>").Append(Cell(costs.Total.DividedBy(1e6), "N2")).Append("</td>");
            h.Append(c is null ? "" : "<td>" + Cell(c.TotalCost.DividedBy(-1e6), "N2") + "</td>").Append("</tr>\n");
            UnmetRows(h, costs, c);
            h.Append("</tbody>\n</table>\n");
            if (c is not null)
            {
                h.Append("<p class=\"note\">A saving is positive: the baseline's cost less this option's, paired on common random numbers; negative means the option costs more.</p>\n");
            }
            h.Append("<p class=\"note\">").Append(E(UnmetDemandWording.Note(costs))).Append("</p>\n");
        }
        foreach (var chart in Charts.ChartBuilder.ForOption(r, isBaseline: index == 0))
        {
            Figure(h, chart);
        }
        h.Append("</section>\n");
    }

    // The price of the care not given, under its own heading saying whether the totals above hold it; each part with its paired saving.
    private static void UnmetRows(StringBuilder h, VariantCosts costs, Comparison? c)
    {
        h.Append("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"").Append(c is null ? "2" : "3").Append("\">").Append(E(UnmetDemandWording.Heading(costs))).Append("</th></tr>\n");
        foreach (var (label, level, change, unpriced) in new[]
        {
            (UnmetDemandWording.Electives, costs.UnmetElectives, c?.UnmetElectives, UnmetDemandWording.Unpriced(costs, u => u.ElectivesTurnedAway, u => u.Electives)),
            (UnmetDemandWording.Waiting, costs.UnmetWaiting, c?.UnmetWaiting, UnmetDemandWording.Unpriced(costs, u => u.HoursWaitedForBed, u => u.Waiting)),
            (UnmetDemandWording.Total, costs.UnmetDemand, c?.UnmetDemand, false),
        })
        {
            // A part the scenario gives no price (an hour waiting has none by default) is not "£0": say so.
            string Shown(Core.Statistics.Estimate e, double scale) => unpriced ? UnmetDemandWording.NoPrice : Cell(e.DividedBy(scale), "N2");
            h.Append("<tr class=\"unmet\"><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(Shown(level, 1e6)).Append("</td>");
            h.Append(change is { } d ? "<td>" + Shown(d, -1e6) + "</td>" : "").Append("</tr>\n");
        }
    }

    private static void Breakdown(StringBuilder h, string label, Core.Statistics.Estimate e)
    {
        h.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(e.Mean.ToString("N0", CultureInfo.InvariantCulture))).Append("</td><td>")
            .Append(e.Lower is { } lo && e.Upper is { } hi ? E(Inv($"{lo:N0} to {hi:N0}")) : "–").Append("</td></tr>\n");
    }
}
