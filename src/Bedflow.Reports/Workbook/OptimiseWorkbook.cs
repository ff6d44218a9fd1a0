using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Workbook;

/// <summary>
/// report.xlsx of bedflow optimise: the frontier and the marginal values as numbers — sheet
/// "Frontier" (one row per budget, then the economically essential allocation: budget, spend,
/// each lever's amount, delayed days, avoided, total cost and each harm against the start, every
/// estimate as its mean and its 95% interval's two ends in numeric columns, then the runner-up and
/// the allocations not told apart) and sheet "Marginal" (one row per lever and place measured
/// from). Aggregates only. Thread-safe (no shared state).
/// </summary>
public static class OptimiseWorkbook
{
    /// <summary>The sheets' names, in order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } = [FrontierSheet, MarginalSheet];

    private const string FrontierSheet = "Frontier";
    private const string MarginalSheet = "Marginal";

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open; it need only be writable).</summary>
    public static void Write(Stream stream, string scenario, OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        BoardWorkbook.Package(stream, $"{scenario} — Bedflow optimisation", [Frontier(result), Marginal(result)]);
    }

    private static IEnumerable<(string Label, FrontierPoint Point)> Points(OptimiseResult r) =>
        r.Frontier.Select(p => ("Best within the budget", p))
            .Concat(r.EconomicallyEssential is { } e ? [("Economically essential (least total system cost)", e)] : []);

    private static SheetBuilder Frontier(OptimiseResult r)
    {
        var sheet = new SheetBuilder(FrontierSheet);
        var harms = Enum.GetValues<HarmMeasure>().Where(m => Points(r).Any(p => p.Point.HarmsVersusStart.ContainsKey(m))).ToList();
        sheet.Headings([
            "Point", "Budget a year (£)", "Spend a year (£)",
            .. r.Levers.Select(l => (l.IsSwitch ? $"{l.Name}: switches {OptimiseWording.Target(l)} on (1) or off (0)" : $"{l.Name}: added to {l.Service}")),
            .. SheetBuilder.EstimateHeadings("Delayed days a year"),
            .. SheetBuilder.EstimateHeadings("Delayed days avoided a year (against the start)"),
            .. SheetBuilder.EstimateHeadings("Acute bed-days freed a year (against the start)"),
            .. SheetBuilder.EstimateHeadings("Total system cost a year (£)"),
            .. harms.SelectMany(m => SheetBuilder.EstimateHeadings($"{HarmMeasureWords.Display(m)} ({HarmMeasureWords.Table[m].Unit}): change from the start")),
            "Replications of the selection", "Runner-up told apart from", "Cannot be told apart from (treat as equally good)",
        ]);
        foreach (var (label, p) in Points(r))
        {
            sheet.Row().Text(label).Number((double)p.Budget.Pounds, NumberFormat.Pounds).Number((double)p.Spend.Pounds, NumberFormat.Pounds);
            for (int j = 0; j < r.Levers.Count; j++)
            {
                sheet.Number(p.Allocation[j], NumberFormat.Integer);
            }
            sheet.Estimate(p.DelayedDays, NumberFormat.Integer).Estimate(p.DelayedDaysAvoided, NumberFormat.Integer).Estimate(p.AcuteBedDaysFreed, NumberFormat.Integer).Estimate(p.TotalCost, NumberFormat.Pounds);
            foreach (var m in harms)
            {
                sheet.Estimate(p.HarmsVersusStart.GetValueOrDefault(m), m == HarmMeasure.AcuteOccupancy ? NumberFormat.Percent : NumberFormat.OneDecimal);
            }
            sheet.Number(p.Replications, NumberFormat.Integer)
                .Text(p.RunnerUp is { } u ? OptimiseWording.Allocation(r, u) : "")
                .Text(string.Join("; ", p.IndistinguishableFrom.Select(a => OptimiseWording.Allocation(r, a))), NumberFormat.WrappedText);
        }
        sheet.Row();
        sheet.Row().Text("Start (every lever at its least)").Text(OptimiseWording.Allocation(r, r.Start));
        sheet.Row().Text("Start: delayed days a year").Number(r.StartDelayedDays.Mean, NumberFormat.Integer).Number(r.StartDelayedDays.Lower, NumberFormat.Integer).Number(r.StartDelayedDays.Upper, NumberFormat.Integer);
        sheet.Row().Text("Confidence").Number(r.Confidence, NumberFormat.Percent);
        sheet.Row().Text(r.Goal == OptimiseGoal.TotalCost ? "Indifference (£ a year)" : "Indifference (delayed days a year)").Number(r.Indifference, NumberFormat.Integer);
        sheet.Row().Text("First-stage replications").Number(r.FirstStage, NumberFormat.Integer);
        sheet.Row().Text("Allocations simulated").Number(r.Candidates, NumberFormat.Integer);
        sheet.Row().Text("Replications simulated").Number(r.ReplicationsSimulated, NumberFormat.Integer);
        sheet.Row().Text("Each figure is the mean over replications; its 95% confidence interval's ends are in the two columns after it. Avoided and changes are against the start, paired on common random numbers.");
        return sheet;
    }

    private static SheetBuilder Marginal(OptimiseResult r)
    {
        var sheet = new SheetBuilder(MarginalSheet);
        sheet.Headings([
            "Measured at", "Lever", "Service",
            .. SheetBuilder.EstimateHeadings("Delayed days avoided a year per £1,000 a year"),
            "Rank (1 = most)",
            .. SheetBuilder.EstimateHeadings("Acute bed-days freed a year per £1,000 a year"),
        ]);
        foreach (var (heading, values) in OptimiseReport.MarginalColumns(r))
        {
            foreach (int j in OptimiseReport.RankedLevers(r))
            {
                var l = r.Levers[j];
                var value = values.FirstOrDefault(m => m.Lever == l.Name);
                var v = value?.DelayedDaysAvoidedPer1000Pounds;
                sheet.Row().Text(heading).Text(l.Name).Text(OptimiseWording.Target(l)).Estimate(v, NumberFormat.TwoDecimals);
                sheet.Number(v is null ? null : OptimiseReport.Rank(values, l.Name), NumberFormat.Integer);
                sheet.Estimate(value?.AcuteBedDaysFreedPer1000Pounds, NumberFormat.TwoDecimals);
            }
        }
        sheet.Row();
        sheet.Row().Text("One more step of each lever at each place measured from, paired on common random numbers; empty: the lever is at its greatest amount.");
        return sheet;
    }
}
