using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;

namespace Bedflow.Reports;

public static partial class BoardReport
{
    /// <summary>The sentence that says what the two intervals of a run with parameter uncertainty are (the pack and the workbook).</summary>
    public const string TwoIntervals =
        "Each figure has two 95% intervals. \"Randomness only\" is the simulation's own error at the scenario's values, as everywhere else in this pack. "
        + "\"With parameter uncertainty\" also allows for not knowing those values exactly: every replication is run again with the uncertain parameters "
        + "drawn from the scenario's uncertainty: section (the same draws for every option), so it is the wider and the one a decision should rest on. "
        + "The parameters' share is how much of one replication's spread the parameters explain (0% to 100%).";

    // Under a headline figure: its interval with the parameters' uncertainty, when the run has one.
    private static string WithParameters(UncertainEstimate? u, string format, double scale = 1)
    {
        if (u?.WithParameters is not { Lower: { } lo, Upper: { } hi })
        {
            return "";
        }
        return $"<span class=\"ci pu\">with parameters {E(Number(lo * scale, format))} to {E(Number(hi * scale, format))}</span>";
    }

    // The headline figures of a run with parameter uncertainty, each two ways, with the parameters' share.
    private static void ParameterUncertainty(StringBuilder h, IReadOnlyList<VariantResult> results)
    {
        if (results.All(r => r.Uncertainty is null))
        {
            return;
        }
        var parameters = results.First(r => r.Uncertainty is not null).Uncertainty!.Parameters;
        h.Append("<section class=\"uncertainty\" id=\"parameter-uncertainty\">\n<h2>With parameter uncertainty</h2>\n<p>").Append(E(TwoIntervals)).Append("</p>\n");
        h.Append("<table class=\"breakdown\">\n<thead><tr><th>Option and figure</th><th>Randomness only</th><th>With parameter uncertainty</th><th>Parameters' share of the spread</th></tr></thead>\n<tbody>\n");
        foreach (var r in results)
        {
            if (r.Uncertainty is not { } u)
            {
                continue;
            }
            h.Append("<tr class=\"group\"><th colspan=\"4\">").Append(E(r.Name)).Append("</th></tr>\n");
            foreach (var (label, estimate, format, divisor) in Figures(u))
            {
                h.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(Cell(estimate.Randomness.DividedBy(divisor), format))
                    .Append("</td><td>").Append(Cell(estimate.WithParameters.DividedBy(divisor), format)).Append("</td><td>").Append(Share(estimate.ParameterShare)).Append("</td></tr>\n");
            }
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">Uncertain parameters (").Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append("): ")
            .Append(E(string.Join(", ", parameters.Select(p => p.Path)))).Append(". The interval with parameters is for the long-run mean at the true, unknown values; ")
            .Append("it under-covers when the parameters' share is small (docs/calibration.md, \"Parameter uncertainty\").</p>\n</section>\n");
    }

    /// <summary>The figures a run with parameter uncertainty gives two ways, with their labels, number formats and divisors (cost in £m).</summary>
    internal static IEnumerable<(string Label, UncertainEstimate Estimate, string Format, double Divisor)> Figures(ParameterUncertaintyResult u)
    {
        yield return ("Patients delayed on a typical day", u.DelayedPatients, "N1", 1);
        yield return ("Delayed days a year", u.DelayedDaysPerYear, "N0", 1);
        if (u.TotalCost is { } cost)
        {
            yield return ("Cost over the period (£m)", cost, "N2", 1e6);
        }
        if (u.DelayedDaysAvoided is { } avoided)
        {
            yield return ("Delayed days avoided a year, against the baseline", avoided, "N0", 1);
        }
        if (u.ExtraCost is { } extra)
        {
            yield return ("Extra cost against the baseline (£m)", extra, "N2", 1e6);
        }
    }

    private static string Share(FittedValue share)
    {
        if (double.IsNaN(share.Value))
        {
            return "–";
        }
        string value = E(Number(share.Value, "P0"));
        return share.Lower is { } lo && share.Upper is { } hi ? $"{value}<span class=\"ci\">{E(Number(lo, "P0"))} to {E(Number(hi, "P0"))}</span>" : value;
    }
}
