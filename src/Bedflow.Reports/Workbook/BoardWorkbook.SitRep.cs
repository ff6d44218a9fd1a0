using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Workbook;

public static partial class BoardWorkbook
{
    // Long form, one row per option, month and reason, for a pivot table: delayed days (means over
    // replications) by responsible organisation and in all; the month is the date of its first day.
    private static SheetBuilder MonthlySitRep(IReadOnlyList<VariantResult> results)
    {
        var sheet = new SheetBuilder(SitRepSheet);
        sheet.Headings([
            "Option", "Month", "Reason code", "Reason",
            .. SitRep.Responsibilities.Select(o => $"Delayed days: {ResponsibilityWords.ExtractColumn(o)}"),
            "Delayed days: all",
        ]);
        foreach (var r in results)
        {
            var figures = r.Run.Delays!.Replications;
            for (int m = 0; m < figures[0].Months.Count; m++)
            {
                var month = figures[0].Months[m];
                foreach (var reason in SitRep.Reasons)
                {
                    sheet.Row().Text(r.Name).Date(new DateOnly(month.Year, month.Month, 1), NumberFormat.Month)
                        .Text(DelayReasonWords.Code(reason)).Text(DelayReasonWords.Description(reason));
                    foreach (var o in SitRep.Responsibilities)
                    {
                        sheet.Number(figures.Average(f => (double)f.Months[m].DelayedDays(reason: reason, responsible: o)), NumberFormat.OneDecimal);
                    }
                    sheet.Number(figures.Average(f => (double)f.Months[m].DelayedDays(reason: reason)), NumberFormat.OneDecimal);
                }
            }
        }
        return sheet;
    }
}
