using Bedflow.Core.Experiments;

namespace Bedflow.Reports.Workbook;

public static partial class BoardWorkbook
{
    /// <summary>The sheet a run with parameter uncertainty adds after the headline (none otherwise).</summary>
    public const string ParameterUncertaintySheet = "Parameter uncertainty";

    // Each option's headline figures from randomness only and with the parameters' uncertainty, and the parameters' share; null without parameter uncertainty.
    private static SheetBuilder? ParameterUncertainty(IReadOnlyList<VariantResult> results)
    {
        if (results.All(r => r.Uncertainty is null))
        {
            return null;
        }
        var sheet = new SheetBuilder(ParameterUncertaintySheet);
        sheet.Headings([
            "Option", "Figure",
            .. SheetBuilder.EstimateHeadings("Randomness only"),
            .. SheetBuilder.EstimateHeadings("With parameter uncertainty"),
            .. SheetBuilder.EstimateHeadings("Parameters' share of the spread"),
        ]);
        foreach (var r in results)
        {
            if (r.Uncertainty is not { } u)
            {
                continue;
            }
            foreach (var (label, estimate, format, divisor) in BoardReport.Figures(u))
            {
                // In the workbook money is in pounds, not £m.
                var number = format == "N1" ? NumberFormat.OneDecimal : divisor == 1 ? NumberFormat.Integer : NumberFormat.Pounds;
                string name = divisor == 1 ? label : label.Replace(" (£m)", " (£)", StringComparison.Ordinal);
                sheet.Row().Text(r.Name).Text(name)
                    .Estimate(estimate.Randomness, number)
                    .Estimate(estimate.WithParameters, number)
                    .Number(estimate.ParameterShare.Value, NumberFormat.Percent).Number(estimate.ParameterShare.Lower, NumberFormat.Percent).Number(estimate.ParameterShare.Upper, NumberFormat.Percent);
            }
        }
        sheet.Row();
        sheet.Row().Text("Uncertain parameters").Text(string.Join(", ", results.First(r => r.Uncertainty is not null).Uncertainty!.Parameters.Select(p => p.Path)));
        sheet.Row().Text(BoardReport.TwoIntervals);
        return sheet;
    }
}
