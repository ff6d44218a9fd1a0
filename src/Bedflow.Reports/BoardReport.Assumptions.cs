using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    private static void Assumptions(StringBuilder h, Scenario scenario, Core.Simulation.RunOptions options, string version)
    {
        var net = scenario.Baseline;
        h.Append("<section class=\"assumptions\">\n<h2>What the numbers rest on</h2>\n<table>\n<thead><tr><th>Service</th><th>Kind</th><th>Capacity</th><th>Mean length of stay (days)</th><th>Commissioner</th></tr></thead>\n<tbody>\n");
        foreach (var s in net.Services)
        {
            string capacity = s.Capacity.IsEverUnlimited ? "unlimited" : s.Capacity.Initial.Places.ToString("N0", CultureInfo.InvariantCulture)
                + (s.Capacity.Changes.Count > 0 ? Inv($" ({s.Capacity.Changes.Count} change(s) over time)") : "");
            string stays = string.Join(", ", net.Groups.Select(g => Inv($"{g} {(s.LengthOfStayByGroup.TryGetValue(g, out var d) ? d : s.LengthOfStay).Mean:N1}")));
            h.Append("<tr><th scope=\"row\">").Append(E(s.Name)).Append("</th><td>").Append(E(ServiceKindWords.Display(s.Kind))).Append("</td><td>").Append(E(capacity))
                .Append("</td><td>").Append(E(stays)).Append("</td><td>").Append(E(CommissionerWords.Display(s.Commissioner ?? SitRep.CommissionerFor(s.Kind)))).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p>Arrivals: ");
        h.Append(E(string.Join("; ", net.Arrivals.Select(a => Inv($"{a.Name} into {a.Service}, {a.Rate.At(0):N1} a day at the start ({Core.Model.ArrivalKindWords.Display(a.Kind)})"))))).Append(".</p>\n");
        if (scenario.Economy is { } economy)
        {
            h.Append("<table>\n<thead><tr><th>Prices (").Append(E(economy.Prices.Year?.ToString() ?? "")).Append(")</th><th>£ per occupied day</th><th>£ per funded day</th><th>£ per unit a week</th><th>£ per admission</th></tr></thead>\n<tbody>\n");
            foreach (var (service, p) in economy.Prices.Services)
            {
                h.Append("<tr><th scope=\"row\">").Append(E(service)).Append("</th>").Append(Inv($"<td>{p.OccupiedDay.Pounds:N2}</td><td>{p.FundedDay.Pounds:N2}</td><td>{p.PerUnit.Pounds:N2}</td><td>{p.Admission.Pounds:N2}</td></tr>\n"));
            }
            h.Append("</tbody>\n</table>\n");
            if (economy.Prices.ExcessBedDay is { } excess)
            {
                h.Append(Inv($"<p>A delayed day in an acute bed is priced at £{excess.Pounds:N2} instead of the occupied price. "));
                h.Append(E(string.Join(" ", economy.FixedCosts.Select(f => Inv($"{f.Name}: £{f.Amount.Pounds:N0} ({CommissionerWords.Display(f.PaidBy)}).")))));
                h.Append("</p>\n");
            }
        }
        h.Append(Inv($"<p class=\"meta\">Run: {options.Replications} replications, seed {options.Seed}, warm-up {options.WarmupDays:0} days, horizon {options.HorizonDays:0} days; scenario file {E(Path.GetFileName(scenario.File))}; Bedflow {E(version)}.</p>\n</section>\n"));
    }
}
