using Bedflow.Core.Statistics;

namespace Bedflow.Reports.Charts;

/// <summary>
/// The back-test's chart (<c>bedflow backtest --out</c>): each test month's forecast inside its 95%
/// and, darker, 80% prediction intervals, against what was published and the naive forecast of the
/// same month a year before.
/// </summary>
public static class BacktestChart
{
    /// <summary>The chart as data: x = days from the first test month to each month's 15th.</summary>
    public static ChartSpec Spec(string council, Scorecard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var months = card.Months;
        if (months.Count == 0)
        {
            throw new ArgumentException("a scorecard with no months has nothing to draw.", nameof(card));
        }
        var start = months[0].Month;
        double[] x = [.. months.Select(m => (double)(m.Month.DayNumber - start.DayNumber + 14))];
        double[] mean = [.. months.Select(m => m.Forecast.Mean)];
        string skill = card.Skill is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"skill {s:0.00} against it") : "no skill defined (the naive forecast was exact)";
        return new ChartSpec(
            "backtest",
            $"{council}: delayed days a month, forecast against published",
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The model's forecast (mean) with its 80% and 95% prediction intervals, what was published, and the same month a year before (the naive forecast; {skill}). MAE {card.Mae:N0}, RMSE {card.Rmse:N0}; the 80% intervals hold {card.Coverage80:P0} of the months, the 95% intervals {card.Coverage95:P0}."),
            "Month", "Delayed days in the month", ChartKind.Lines,
            [
                new Series("Forecast (95% interval)", x, mean) { Low = [.. months.Select(m => m.Forecast.Lower95)], High = [.. months.Select(m => m.Forecast.Upper95)], Colour = "#1f77b4" },
                new Series("Forecast (80% interval)", x, mean) { Low = [.. months.Select(m => m.Forecast.Lower80)], High = [.. months.Select(m => m.Forecast.Upper80)], Colour = "#1f77b4" },
                new Series("Published", x, [.. months.Select(m => m.Actual)]) { Colour = "#000000" },
                new Series("Same month a year before", x, [.. months.Select(m => m.SeasonalNaive)]) { Colour = "#7f7f7f" },
            ])
        {
            Start = start,
        };
    }

    /// <summary>The chart drawn as SVG.</summary>
    public static string Svg(string council, Scorecard card) => SvgRenderer.Render(Spec(council, card));
}
