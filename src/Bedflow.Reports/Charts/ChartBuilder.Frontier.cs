using Bedflow.Core.Decisions;

namespace Bedflow.Reports.Charts;

public static partial class ChartBuilder
{
    // Acceptable options in NHS-report blue; those not accepted are grey and hollow (SvgRenderer).
    private const string AcceptableColour = "#0072B2";

    /// <summary>
    /// Cost against delays, every option against the baseline, paired on common random numbers:
    /// x = delayed days avoided a year, y = extra cost a year (£ million; negative: it saves), each
    /// with its 95% interval, each point named; options the appraisal does not accept hollow and
    /// grey; and the frontier (<see cref="FrontierOf"/>) as a line from the baseline at (0, 0).
    /// The decision must be priced (each appraisal has its extra cost).
    /// </summary>
    /// <param name="baseline">The baseline's name.</param>
    /// <param name="decision">The appraisal of the options against it.</param>
    public static ChartSpec Frontier(string baseline, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(decision);
        var series = new List<Series>
        {
            new(baseline, [0.0], [0.0]) { Mark = PointMark.Reference, Labelled = true, Legend = "Baseline" },
        };
        foreach (var a in decision.Appraisals)
        {
            var (x, y) = Point(a);
            series.Add(new Series(a.Variant, [x.Mean], [y.Mean])
            {
                Low = [y.Lower ?? y.Mean],
                High = [y.Upper ?? y.Mean],
                XInterval = (x.Lower ?? x.Mean, x.Upper ?? x.Mean),
                Mark = a.Acceptable ? PointMark.Filled : PointMark.Hollow,
                Colour = a.Acceptable ? AcceptableColour : null,
                Labelled = true,
                Legend = a.Acceptable ? "Acceptable" : "Not acceptable (or unstable)",
            });
        }
        var frontier = FrontierOf(decision);
        series.Add(new Series("Frontier", [0.0, .. frontier.Select(a => Point(a).X.Mean)], [0.0, .. frontier.Select(a => Point(a).Y.Mean)])
        {
            Mark = PointMark.Line,
            Colour = AcceptableColour,
            Legend = "Frontier: acceptable, undominated",
        });
        return new ChartSpec("cost-frontier", "Extra cost against delayed days avoided",
            "Each option against the baseline (the square at 0, 0), paired on common random numbers: delayed days a year it avoids (right is better) and what it adds to the cost a year (down is better; below 0 it saves money), with 95% intervals both ways. "
            + "Grey hollow points are options the appraisal does not accept (a harm significantly worse, or unstable). The line is the frontier: the baseline and the acceptable options no other option beats on everything, by delayed days avoided.",
            "Delayed days avoided a year", "Extra cost a year (£ million)", ChartKind.Points, series);
    }

    /// <summary>The options on the frontier: acceptable and not dominated, in order of delayed days avoided (the baseline, at 0, 0, comes before them all).</summary>
    public static IReadOnlyList<Appraisal> FrontierOf(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return [.. decision.Appraisals.Where(a => a.Acceptable && !a.Dominated).OrderBy(a => a.DelayedDaysAvoided.Mean)];
    }

    private static (Core.Statistics.Estimate X, Core.Statistics.Estimate Y) Point(Appraisal a) =>
        (a.DelayedDaysAvoided, (a.ExtraCostPerYear ?? throw new ArgumentException($"option {a.Variant} is not priced: no extra cost to draw.", nameof(a))).DividedBy(1e6));
}
