using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Workbook;

public static partial class BoardWorkbook
{
    private static readonly Commissioner[] Partners = [Commissioner.Nhs, Commissioner.SocialCare];

    // Money against the baseline reads one way throughout: positive is money the option saves
    // (Comparison's extra cost is variant − baseline, so its saving is the negation; its
    // cash-releasing saving is already baseline − variant).
    private static SheetBuilder Money(IReadOnlyList<VariantResult> results)
    {
        var sheet = new SheetBuilder(MoneySheet);
        if (results[0].Costs is null)
        {
            sheet.Row().Text("The scenario has no prices: costs are not computed.");
            return sheet;
        }
        sheet.Headings([
            "Option", "Description",
            .. SheetBuilder.EstimateHeadings("Total cost over the period (£)"),
            .. Partners.SelectMany(o => SheetBuilder.EstimateHeadings($"Cost to the {CommissionerWords.Organisation(o)} (£)")),
            .. SheetBuilder.EstimateHeadings("Saving against the baseline (£; negative: costs more)"),
            .. SheetBuilder.EstimateHeadings("Cash released (£; negative: more cash spent)"),
            .. Partners.SelectMany(o => SheetBuilder.EstimateHeadings($"Saving to the {CommissionerWords.Organisation(o)} (£)")),
            .. UnmetHeadings(results[0].Costs!).SelectMany(SheetBuilder.EstimateHeadings),
            .. SheetBuilder.EstimateHeadings("Delayed days avoided a year"),
            "Net cost per delayed day avoided (£; negative: it also saves money)",
            "Price year",
        ]);
        foreach (var r in results)
        {
            var costs = r.Costs!;
            var c = r.VersusBaseline;
            sheet.Row().Text(r.Name).Text(r.Description, NumberFormat.WrappedText).Estimate(costs.Total, NumberFormat.Pounds);
            foreach (var o in Partners)
            {
                sheet.Estimate(costs.ByOrganisation[o], NumberFormat.Pounds);
            }
            sheet.Estimate(c?.TotalCost, NumberFormat.Pounds, scale: -1).Estimate(c?.CashReleasingSaving, NumberFormat.Pounds);
            foreach (var o in Partners)
            {
                sheet.Estimate(c?.CostByOrganisation[o], NumberFormat.Pounds, scale: -1);
            }
            sheet.Estimate(costs.UnmetElectives, NumberFormat.Pounds).Estimate(costs.UnmetWaiting, NumberFormat.Pounds).Estimate(costs.UnmetDemand, NumberFormat.Pounds)
                .Estimate(c?.UnmetDemand, NumberFormat.Pounds, scale: -1);
            sheet.Estimate(c?.DelayedDaysAvoided, NumberFormat.Integer).Number(c?.CostPerDelayedDayAvoided, NumberFormat.Pounds)
                .Text(costs.PriceYear?.ToString());
        }
        return sheet;
    }

    // The price of the care not given, each heading saying whether the totals hold it (UnmetDemandWording).
    internal static string[] UnmetHeadings(Core.Finance.VariantCosts costs)
    {
        string h = UnmetDemandWording.Heading(costs);
        return
        [
            $"{h}: {UnmetDemandWording.Electives} (£)", $"{h}: {UnmetDemandWording.Waiting} (£)", $"{h}: {UnmetDemandWording.Total} (£)",
            $"{h}: saving against the baseline (£; negative: more care not given)",
        ];
    }
}
