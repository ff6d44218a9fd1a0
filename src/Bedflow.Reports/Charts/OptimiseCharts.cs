using Bedflow.Core.Optimisation;
using Bedflow.Core.Statistics;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Charts;

/// <summary>
/// The optimisation pages' charts (bedflow optimise): the frontier — each budget against the
/// delayed days its best allocation avoids a year, with 95% intervals — and, when a delayed day is
/// priced, each budget against its best allocation's total system cost a year; on both, the
/// economically essential allocation marked and named, at its own spend.
/// </summary>
public static class OptimiseCharts
{
    private const string FrontierColour = "#0072B2";
    private const string EssentialColour = "#D55E00";

    /// <summary>The name written beside the economically essential point.</summary>
    public const string EssentialLabel = "Economically essential";

    /// <summary>How budgets are scaled on the x axis: £ million when the largest is £1m or more, else £ thousand.</summary>
    public static (double Divisor, string Unit) MoneyScale(double largest) => Math.Abs(largest) >= 1e6 ? (1e6, "£ million") : (1e3, "£ thousand");

    /// <summary>Budget a year against delayed days a year avoided (against the start), each best allocation with its 95% interval; the start at 0; the economically essential point marked at its spend.</summary>
    public static ChartSpec Frontier(OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (divisor, unit) = MoneyScale((double)result.Frontier.Max(p => p.Budget.Pounds));
        double startSpend = (double)result.Levers.Select((l, j) => l.Cost(result.Start[j]).Pounds).Sum();
        var series = new List<Series>
        {
            new("Start", [startSpend / divisor], [0.0]) { Mark = PointMark.Reference, Legend = "Start: " + (OptimiseWording.StartsFromNothing(result) ? OptimiseWording.Start(result) : "every lever at its least") },
        };
        series.AddRange(result.Frontier.Select(p => Point($"Within {OptimiseWording.Pounds(p.Budget)}", Budget(p, divisor), p.DelayedDaysAvoided, "Best allocation within the budget", FrontierColour)));
        series.Add(new Series("Frontier", [startSpend / divisor, .. result.Frontier.Select(p => Budget(p, divisor))], [0.0, .. result.Frontier.Select(p => p.DelayedDaysAvoided.Mean)])
        {
            Mark = PointMark.Line,
            Colour = FrontierColour,
            Legend = "Frontier",
        });
        if (result.EconomicallyEssential is { } e)
        {
            series.Add(Point(EssentialLabel, (double)e.Spend.Pounds / divisor, e.DelayedDaysAvoided, EssentialLabel, EssentialColour) with { Labelled = true });
        }
        return new ChartSpec("optimise-frontier", "Delayed days avoided by the best allocation of each budget",
            $"Each budget a year (across) against the delayed days a year its best allocation avoids {OptimiseWording.Against(result)} (up), paired on common random numbers, with 95% intervals. "
            + (result.EconomicallyEssential is null ? "A delayed day has no price, so no economically essential level is computed." : "The economically essential allocation (least total system cost) is drawn at what it spends."),
            $"Budget a year ({unit})", "Delayed days avoided a year", ChartKind.Points, series);
    }

    /// <summary>Budget a year against total system cost a year (levers' spend, delayed days at their price, unmet demand), with 95% intervals; null when a delayed day has no price.</summary>
    public static ChartSpec? TotalCost(OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Frontier.Any(p => p.TotalCost is null))
        {
            return null;
        }
        var (divisor, unit) = MoneyScale((double)result.Frontier.Max(p => p.Budget.Pounds));
        var (costDivisor, costUnit) = MoneyScale(result.Frontier.Max(p => Math.Abs(p.TotalCost!.Mean)));
        var series = new List<Series>();
        series.AddRange(result.Frontier.Select(p => Point($"Within {OptimiseWording.Pounds(p.Budget)}", Budget(p, divisor), p.TotalCost!.DividedBy(costDivisor), "Best allocation within the budget", FrontierColour)));
        series.Add(new Series("Frontier", [.. result.Frontier.Select(p => Budget(p, divisor))], [.. result.Frontier.Select(p => p.TotalCost!.Mean / costDivisor)])
        {
            Mark = PointMark.Line,
            Colour = FrontierColour,
            Legend = "Frontier",
        });
        if (result.EconomicallyEssential is { TotalCost: { } cost } e)
        {
            series.Add(Point(EssentialLabel, (double)e.Spend.Pounds / divisor, cost.DividedBy(costDivisor), EssentialLabel, EssentialColour) with { Labelled = true });
        }
        return new ChartSpec("optimise-total-cost", "Total system cost of the best allocation of each budget",
            "Each budget a year (across) against its best allocation's total system cost a year (up: the levers' spend, the delayed days at their price and the unmet demand at its prices), with 95% intervals. "
            + "The economically essential allocation, the least total system cost found within the largest budget, is marked at what it spends: avoiding delays beyond its level costs more than they cost.",
            $"Budget a year ({unit})", $"Total system cost a year ({costUnit})", ChartKind.Points, series);
    }

    private static double Budget(FrontierPoint p, double divisor) => (double)p.Budget.Pounds / divisor;

    private static Series Point(string name, double x, Estimate y, string legend, string colour) =>
        new(name, [x], [y.Mean])
        {
            Low = [y.Lower ?? y.Mean],
            High = [y.Upper ?? y.Mean],
            Colour = colour,
            Legend = legend,
            Mark = PointMark.Filled,
        };
}
