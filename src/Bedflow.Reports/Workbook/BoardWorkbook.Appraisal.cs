using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Workbook;

public static partial class BoardWorkbook
{
    // One row per option and harm measure: its level, its paired change from the baseline, which
    // way is worse, and whether the appraisal found it significantly worse (and whether allowed).
    private static SheetBuilder HarmsOf(IReadOnlyList<VariantResult> results, Decision decision)
    {
        var sheet = new SheetBuilder(HarmsSheet);
        sheet.Headings([
            "Option", "Measure", "Unit",
            .. SheetBuilder.EstimateHeadings("Level"),
            .. SheetBuilder.EstimateHeadings("Change from the baseline (paired)"),
            "Worse when", "Significantly worse",
        ]);
        foreach (var r in results)
        {
            var appraisal = decision.For(r.Name);
            foreach (var row in HarmMeasureWords.Table.Rows)
            {
                var m = row.Value;
                var format = m == HarmMeasure.AcuteOccupancy ? NumberFormat.Percent
                    : m is HarmMeasure.WaitingForAcuteBed or HarmMeasure.WaitingUncounted ? NumberFormat.OneDecimal : NumberFormat.Integer;
                string worse = appraisal is null ? ""
                    : appraisal.Reasons.OfType<HarmWorse>().Any(h => h.Measure == m) ? "yes"
                    : appraisal.Reasons.OfType<HarmAllowed>().Any(h => h.Measure == m) ? "yes, allowed" : "no";
                sheet.Row().Text(r.Name).Text(row.Display).Text(row.Unit).Estimate(r.Harms[m], format)
                    .Estimate(r.HarmsVersusBaseline?[m], format)
                    .Text(Harms.WorseWhen(m) == Worse.Higher ? "higher" : "lower").Text(worse);
            }
        }
        return sheet;
    }

    // One row per option: its standing, the figures it was judged on, and its reasons in words.
    private static SheetBuilder AppraisalOf(IReadOnlyList<VariantResult> results, Decision decision)
    {
        var sheet = new SheetBuilder(AppraisalSheet);
        sheet.Headings([
            "Option", "Description", "Standing", "Acceptable", "Dominated", "Unstable", "Recommended",
            .. SheetBuilder.EstimateHeadings("Delayed days avoided a year"),
            .. SheetBuilder.EstimateHeadings("Extra cost a year (£)"),
            "£ per delayed day avoided", "£ per delayed day avoided: Fieller 95% CI from", "£ per delayed day avoided: Fieller 95% CI to",
            "Reasons",
        ]);
        foreach (var r in results.Skip(1))
        {
            if (decision.For(r.Name) is not { } a)
            {
                continue;
            }
            sheet.Row().Text(a.Variant).Text(r.Description, NumberFormat.WrappedText).Text(AppraisalWording.Standing(a))
                .Text(a.Acceptable ? "yes" : "no").Text(a.Dominated ? "yes" : "no").Text(a.Unstable ? "yes" : "no")
                .Text(decision.Verdict.Best == a.Variant ? "yes" : "")
                .Estimate(a.DelayedDaysAvoided, NumberFormat.Integer)
                .Estimate(a.ExtraCostPerYear, NumberFormat.Pounds)
                .Number(a.CostPerDelayedDayAvoided?.Value, NumberFormat.Pounds)
                .Number(a.CostPerDelayedDayAvoided?.Lower, NumberFormat.Pounds)
                .Number(a.CostPerDelayedDayAvoided?.Upper, NumberFormat.Pounds)
                .Text(string.Join(" ", AppraisalWording.Why(a).Select(w => w[(a.Variant.Length + 2)..])), NumberFormat.WrappedText);
        }
        sheet.Row();
        sheet.Row().Text("Objective").Text(Core.Finance.ObjectiveWords.Table[decision.Objective].Display);
        sheet.Row().Text("Recommendation").Text(VerdictWording.Statement(decision.Verdict));
        return sheet;
    }
}
