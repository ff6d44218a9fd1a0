using Bedflow.Core.Forecasting;

namespace Bedflow.Reports.Charts;

/// <summary>
/// The fan chart of a forecast's patients delayed (<c>bedflow forecast --out</c>): for the baseline
/// and each variant, the mean each day inside its 95% and, darker, 80% prediction bands.
/// </summary>
public static class ForecastChart
{
    // One colour a variant, the baseline first (the board pack's blue, then orange, green, purple, brown).
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"];

    /// <summary>The chart as data: two series a variant (its 95% band, then its 80% band, the same mean line), x = days from the forecast's first date.</summary>
    public static ChartSpec Spec(string scenario, ForecastResult forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var series = new List<Series>();
        double[] x = [.. Enumerable.Range(0, forecast.Days).Select(d => (double)d)];
        for (int k = 0; k < forecast.Variants.Count; k++)
        {
            var v = forecast.Variants[k];
            string colour = Colours[k % Colours.Length];
            double[] mean = [.. v.Delayed.Select(b => b.Mean.Mean)];
            series.Add(new Series($"{v.Name} (95% band)", x, mean) { Low = [.. v.Delayed.Select(b => b.Lower95)], High = [.. v.Delayed.Select(b => b.Upper95)], Colour = colour });
            series.Add(new Series($"{v.Name} (80% band)", x, mean) { Low = [.. v.Delayed.Select(b => b.Lower80)], High = [.. v.Delayed.Select(b => b.Upper80)], Colour = colour });
        }
        return new ChartSpec(
            "forecast-delayed",
            $"{scenario}: patients delayed, forecast from {forecast.AsOf:yyyy-MM-dd HH:mm}",
            Caption(forecast.Replications, forecast.DelayedNow),
            "Date (each day's ending midnight)", "Patients delayed", ChartKind.Lines, series)
        {
            Start = forecast.FirstDay,
        };
    }

    /// <summary>The chart's caption, for a forecast of <paramref name="replications"/> replications from a census with <paramref name="delayedNow"/> patients delayed.</summary>
    public static string Caption(int replications, int delayedNow) =>
        $"Patients delayed at each midnight (mean of {replications} replications) with the 80% and 95% prediction bands: the range what will happen is expected to fall in, not a confidence interval of the mean. Delayed at the census: {delayedNow}.";

    /// <summary>The chart drawn as SVG.</summary>
    public static string Svg(string scenario, ForecastResult forecast) => SvgRenderer.Render(Spec(scenario, forecast));
}
