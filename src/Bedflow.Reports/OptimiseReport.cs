using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Statistics;
using Bedflow.Reports.Charts;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports;

/// <summary>
/// The optimisation pages of the board pack (bedflow optimise --out DIR writes them as
/// DIR/report.html; <c>bedflow report DIR --pdf</c> prints them): a headline sentence per budget,
/// the frontier charts, each budget's allocation with its figures and harms against the start and
/// what the selection could not tell apart, the marginal value of each lever ranked, and the method
/// with its settings. One self-contained HTML file in the board pack's own style and print CSS.
/// </summary>
public static class OptimiseReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The pages as HTML text.</summary>
    public static string Html(Scenario scenario, OptimiseResult result, string version)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var options = scenario.Options;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E(scenario.Name)).Append(" — Bedflow optimisation</title>\n<style>\n").Append(BoardReport.Css).Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header><h1>").Append(E(scenario.Name)).Append(": where the next pound frees most beds</h1>\n");
        if (!string.IsNullOrWhiteSpace(scenario.Description))
        {
            h.Append("<p class=\"lede\">").Append(E(scenario.Description)).Append("</p>\n");
        }
        h.Append(string.Create(Inv, $"<p class=\"meta\">Period simulated: {scenario.Baseline.StartDate:d MMM yyyy} for {options.HorizonDays:0} days, after {options.WarmupDays:0} days of warm-up; seed {options.Seed}. {result.Candidates:N0} allocations simulated, {result.ReplicationsSimulated:N0} replications in all. Bedflow {E(version)}.</p></header>\n"));
        Headline(h, result);
        Charts(h, result);
        foreach (var p in result.Frontier)
        {
            Budget(h, result, p, $"Within {OptimiseWording.Pounds(p.Budget)} a year", OptimiseWording.Headline(result, p));
        }
        if (result.EconomicallyEssential is { } e)
        {
            Budget(h, result, e, "The economically essential allocation", Essential(scenario, result, e));
        }
        Marginal(h, result);
        Method(h, scenario, result);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    // Page 1: a sentence per budget, then the frontier at a glance.
    private static void Headline(StringBuilder h, OptimiseResult r)
    {
        h.Append("<section class=\"headline\">\n<h2>Headline</h2>\n");
        foreach (var p in r.Frontier)
        {
            h.Append("<p class=\"verdict\">").Append(E(OptimiseWording.Headline(r, p))).Append("</p>\n");
        }
        h.Append("<p>").Append(E(string.Create(Inv, $"The start ({OptimiseWording.Start(r)}) has {OptimiseWording.WithInterval(r.StartDelayedDays, "N0")} delayed days a year."))).Append("</p>\n");
        if (r.EconomicallyEssential is { } e)
        {
            h.Append("<p>").Append(E($"Economically essential: {OptimiseWording.Allocation(r, e.Allocation)}, spending {OptimiseWording.Pounds(e.Spend)} a year, leaves {OptimiseWording.WithInterval(e.DelayedDays, "N0")} delayed days a year at the least total system cost found, {OptimiseWording.WithInterval(e.TotalCost!, "N0", OptimiseWording.Pounds)} a year.")).Append("</p>\n");
        }
        bool priced = r.Frontier.All(p => p.TotalCost is not null);
        h.Append("<table>\n<thead><tr><th>Budget a year</th><th>Best allocation</th><th>Spend a year</th><th>Delayed days a year</th><th>Delayed days avoided a year</th>")
            .Append(priced ? "<th>Total system cost a year (£)</th>" : "").Append("</tr></thead>\n<tbody>\n");
        foreach (var p in r.Frontier)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(OptimiseWording.Pounds(p.Budget))).Append("</th><td>").Append(E(OptimiseWording.Allocation(r, p.Allocation))).Append("</td><td>")
                .Append(E(OptimiseWording.Pounds(p.Spend))).Append("</td><td>").Append(BoardReport.Cell(p.DelayedDays, "N0")).Append("</td><td>").Append(BoardReport.Cell(p.DelayedDaysAvoided, "N0")).Append("</td>")
                .Append(priced ? $"<td>{BoardReport.Cell(p.TotalCost!, "N0")}</td>" : "").Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">Each figure is the mean over replications with its 95% confidence interval beneath it. Delayed days avoided are ")
            .Append(E(OptimiseWording.Against(r))).Append(", paired on common random numbers. An allocation is the capacity added to each lever's service (negative: cut).</p>\n</section>\n");
    }

    private static void Charts(StringBuilder h, OptimiseResult r)
    {
        h.Append("<section class=\"charts\">\n<h2>The frontier</h2>\n");
        BoardReport.Figure(h, OptimiseCharts.Frontier(r));
        if (OptimiseCharts.TotalCost(r) is { } cost)
        {
            BoardReport.Figure(h, cost);
        }
        h.Append("</section>\n");
    }

    private static string Essential(Scenario scenario, OptimiseResult r, FrontierPoint e)
    {
        string price = scenario.Optimise?.DelayedDayPrice is { } p ? $" at {OptimiseWording.Pounds(p)} a delayed day" : "";
        return $"Within {OptimiseWording.Pounds(e.Budget)} a year, the least total system cost (the levers' spend, the delayed days{price} and the unmet demand at its prices) is {OptimiseWording.WithInterval(e.TotalCost!, "N0", OptimiseWording.Pounds)} a year: {OptimiseWording.Actions(r, e.Allocation)}, spending {OptimiseWording.Pounds(e.Spend)}, leaving {OptimiseWording.WithInterval(e.DelayedDays, "N0")} delayed days a year. Avoiding delays beyond this level costs more than they cost.";
    }

    // One budget's page: its sentence, the allocation lever by lever, its figures and harms against the start, and what the selection told apart.
    private static void Budget(StringBuilder h, OptimiseResult r, FrontierPoint p, string title, string sentence)
    {
        h.Append("<section class=\"option\">\n<h2>").Append(E(title)).Append("</h2>\n<p class=\"verdict\">").Append(E(sentence)).Append("</p>\n");
        h.Append("<h3>Allocation</h3>\n<table class=\"breakdown\">\n<thead><tr><th>Lever</th><th>Service</th><th>Amount added</th><th>Cost a year</th></tr></thead>\n<tbody>\n");
        for (int j = 0; j < r.Levers.Count; j++)
        {
            var l = r.Levers[j];
            h.Append("<tr><th scope=\"row\">").Append(E(l.Name)).Append("</th><td>").Append(E(OptimiseWording.Target(l))).Append("</td><td>")
                .Append(E(string.Create(Inv, $"{p.Allocation[j]:+#,0;-#,0;0}"))).Append("</td><td>").Append(E(OptimiseWording.Pounds(l.Cost(p.Allocation[j])))).Append("</td></tr>\n");
        }
        h.Append("<tr><th scope=\"row\">Spend</th><td></td><td></td><td>").Append(E(OptimiseWording.Pounds(p.Spend))).Append(" of ").Append(E(OptimiseWording.Pounds(p.Budget))).Append("</td></tr>\n");
        h.Append("</tbody>\n</table>\n");
        h.Append("<h3>What it does</h3>\n<table class=\"compact\">\n<thead><tr><th>Figure</th><th>Mean</th><th>95% CI</th></tr></thead>\n<tbody>\n");
        Row(h, "Delayed days a year", p.DelayedDays, v => BoardReport.Number(v, "N0"));
        Row(h, $"Delayed days avoided a year ({OptimiseWording.Against(r)})", p.DelayedDaysAvoided, v => BoardReport.Number(v, "N0"));
        if (p.AcuteBedDaysFreed is { } acute)
        {
            Row(h, "Acute bed-days freed a year (delayed days in acute beds avoided)", acute, v => BoardReport.Number(v, "N0"));
        }
        if (p.TotalCost is { } t)
        {
            Row(h, "Total system cost a year", t, OptimiseWording.Pounds);
        }
        else
        {
            h.Append("<tr><th scope=\"row\">Total system cost a year</th><td colspan=\"2\">not priced</td></tr>\n");
        }
        if (p.HarmsVersusStart.Count > 0)
        {
            h.Append("<tr class=\"group\"><th colspan=\"3\">Harms: the change from the start (paired)</th></tr>\n");
        }
        foreach (var m in Enum.GetValues<HarmMeasure>())
        {
            if (p.HarmsVersusStart.TryGetValue(m, out var d))
            {
                Row(h, $"{HarmMeasureWords.Display(m)} ({HarmMeasureWords.Table[m].Unit})", d, v => AppraisalWording.Amount(v, m, signed: true));
            }
        }
        h.Append("</tbody>\n</table>\n<h3>How sure</h3>\n<p>").Append(E(OptimiseWording.Selection(r, p))).Append("</p>\n</section>\n");
    }

    // A figure's row: its mean, then its 95% interval, each as written by `write`.
    private static void Row(StringBuilder h, string heading, Estimate e, Func<double, string> write) =>
        h.Append("<tr><th scope=\"row\">").Append(E(heading)).Append("</th><td>").Append(double.IsNaN(e.Mean) ? "–" : E(write(e.Mean))).Append("</td><td class=\"interval\">")
            .Append(e.Lower is { } lo && e.Upper is { } hi ? E($"{write(lo)} to {write(hi)}") : "–").Append("</td></tr>\n");

    /// <summary>
    /// The marginal values' columns: at the start, then at each budget's best allocation (and the
    /// economically essential one). Each column is one place the next step is measured from.
    /// </summary>
    internal static IReadOnlyList<(string Heading, IReadOnlyList<MarginalValue> Values)> MarginalColumns(OptimiseResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var columns = new List<(string, IReadOnlyList<MarginalValue>)> { ("At the start", r.Marginal) };
        columns.AddRange(r.Frontier.Select(p => ($"At the best within {OptimiseWording.Pounds(p.Budget)}", p.Marginal)));
        if (r.EconomicallyEssential is { } e)
        {
            columns.Add(("At the economically essential", e.Marginal));
        }
        return columns;
    }

    // Where the next pound frees most beds: one row per lever, ranked by its value at the start; each cell with its rank in its column.
    private static void Marginal(StringBuilder h, OptimiseResult r)
    {
        var columns = MarginalColumns(r);
        h.Append("<section class=\"option\">\n<h2>Where the next pound frees most beds</h2>\n<p>Delayed days a year avoided by one more step of each lever, per £1,000 a year of its cost, at the start and at each budget's best allocation, with 95% intervals (paired on common random numbers; the step's cost is exact). Levers are ranked by their value at the start; each cell's rank in its own column is after it.</p>\n");
        h.Append("<table>\n<thead><tr><th>Lever (service)</th>");
        foreach (var (heading, _) in columns)
        {
            h.Append("<th>").Append(E(heading)).Append("</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var lever in RankedLevers(r))
        {
            h.Append("<tr><th scope=\"row\">").Append(E($"{r.Levers[lever].Name} ({OptimiseWording.Target(r.Levers[lever])})")).Append("</th>");
            foreach (var (_, values) in columns)
            {
                var v = values.FirstOrDefault(m => m.Lever == r.Levers[lever].Name)?.DelayedDaysAvoidedPer1000Pounds;
                h.Append("<td>").Append(v is null ? "at its greatest amount" : BoardReport.Cell(v, "N2") + $"<span class=\"vs\">{E(Ordinal(Rank(values, r.Levers[lever].Name)))}</span>").Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        if (r.Marginal.Any(m => m.AcuteBedDaysFreedPer1000Pounds is not null))
        {
            h.Append("<p>Acute bed-days a year freed (delayed days in acute beds avoided) by one more step, per £1,000 a year, at the start, with 95% intervals:</p>\n");
            h.Append("<table class=\"compact\">\n<thead><tr><th>Lever (service)</th><th>Acute bed-days freed per £1,000</th></tr></thead>\n<tbody>\n");
            foreach (var lever in RankedLevers(r))
            {
                var v = r.Marginal.FirstOrDefault(m => m.Lever == r.Levers[lever].Name)?.AcuteBedDaysFreedPer1000Pounds;
                h.Append("<tr><th scope=\"row\">").Append(E($"{r.Levers[lever].Name} ({OptimiseWording.Target(r.Levers[lever])})")).Append("</th><td>")
                    .Append(v is null ? "at its greatest amount" : BoardReport.Cell(v, "N2")).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary>The levers' indices, ranked by their marginal value at the start (most delayed days avoided per £1,000 first; at its bound last; ties in file order).</summary>
    public static IReadOnlyList<int> RankedLevers(OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Enumerable.Range(0, result.Levers.Count)
            .OrderByDescending(j => result.Marginal.FirstOrDefault(m => m.Lever == result.Levers[j].Name)?.DelayedDaysAvoidedPer1000Pounds?.Mean ?? double.NegativeInfinity)
            .ThenBy(j => j)];
    }

    /// <summary>A lever's rank (1 = most delayed days avoided per £1,000) among the values with one.</summary>
    public static int Rank(IReadOnlyList<MarginalValue> values, string lever)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mine = values.First(m => m.Lever == lever).DelayedDaysAvoidedPer1000Pounds ?? throw new ArgumentException($"lever {lever} has no marginal value here.", nameof(lever));
        return 1 + values.Count(m => m.DelayedDaysAvoidedPer1000Pounds is { } o && o.Mean > mine.Mean);
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    private static void Method(StringBuilder h, Scenario scenario, OptimiseResult r)
    {
        var spec = scenario.Optimise;
        string units = r.Goal == OptimiseGoal.TotalCost ? "pounds of total system cost a year" : "delayed days a year";
        h.Append("<section class=\"option\">\n<h2>Method and settings</h2>\n<p>")
            .Append(E("Every allocation was simulated on common random numbers: replication i of each saw the same patients, so differences between allocations are paired. "
                + "A greedy marginal analysis from the start (Fox 1966) added, one step at a time, the step that avoided most delayed days per pound, re-evaluating every lever at each new allocation; "
                + "within each budget a local search (add a step, swap one lever's step for another's, trade one step for two) improved on it; then Kim and Nelson's fully sequential ranking and selection (2001) among the budget's best five added replications until the best was told apart from the rest, or the replication limit was reached — allocations still not told apart then are reported as equally good. "
                + "Allocations that were unstable, or made a harm significantly worse than the start beyond the scenario's tolerance, were never chosen. The same seed gives the same answer whatever the number of threads."))
            .Append("</p>\n<table class=\"breakdown\">\n<thead><tr><th>Setting</th><th>Value</th></tr></thead>\n<tbody>\n");
        Setting(h, "Minimised", r.Goal == OptimiseGoal.TotalCost ? "total system cost a year" : "delayed days a year");
        Setting(h, "Probability of correct selection aimed at", r.Confidence.ToString("0.#%", Inv));
        Setting(h, "Indifference zone", $"{BoardReport.Number(r.Indifference, "N0")} {units}");
        Setting(h, "First-stage replications of every allocation", r.FirstStage.ToString("N0", Inv));
        Setting(h, "Most replications for one allocation", spec?.MaxReplications is { } most ? most.ToString("N0", Inv) : string.Create(Inv, $"{4 * r.FirstStage:N0} (four times the first stage)"));
        Setting(h, "Allocations simulated (candidates)", r.Candidates.ToString("N0", Inv));
        Setting(h, "Replications simulated in all", r.ReplicationsSimulated.ToString("N0", Inv));
        if (spec?.DelayedDayPrice is { } price)
        {
            Setting(h, "Price of a delayed day", OptimiseWording.Pounds(price));
        }
        foreach (var l in r.Levers)
        {
            Setting(h, $"Lever {l.Name}", string.Create(Inv, $"{OptimiseWording.Target(l)}: {l.Min:+#,0;-#,0;0} to {l.Max:+#,0;-#,0;0} in steps of {l.Step:N0}, {OptimiseWording.Pounds(l.UnitCost)} a unit a year, paid by {Core.Vocabulary.CommissionerWords.Code(l.PaidBy)}"));
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">S.-H. Kim and B. L. Nelson, \"A fully sequential procedure for indifference-zone selection in simulation\", ACM TOMACS 11(3), 2001; B. Fox, \"Discrete optimization via marginal analysis\", Management Science 13(3), 1966.</p>\n</section>\n");
    }

    private static void Setting(StringBuilder h, string name, string value) =>
        h.Append("<tr><th scope=\"row\">").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string E(string text) => BoardReport.E(text);

    // On top of the board pack's stylesheet: intervals on one line, and each budget's figures compact enough for its page.
    private const string Css = """
        td.interval { white-space: nowrap; }
        table.compact th, table.compact td { padding: 0.15rem 0.5rem; }
        @media print {
          table.compact { font-size: 8.5pt; }
        }

        """;
}
