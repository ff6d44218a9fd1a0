namespace Bedflow.Core.Statistics;

/// <summary>
/// One month of a back-test: the published actual, the forecast and the two naive forecasts made
/// from the history before the test window. Immutable.
/// </summary>
/// <param name="Actual">The published figure for the month.</param>
/// <param name="Forecast">The forecast scored against it.</param>
/// <param name="SeasonalNaive">The seasonal naive forecast: the same calendar month in the last 12 months before the test window (the same month last year for a window of up to 12 months).</param>
/// <param name="LastYearMean">The mean of the 12 published months before the test window.</param>
public sealed record ScoredMonth(double Actual, MonthForecast Forecast, double SeasonalNaive, double LastYearMean)
{
    /// <summary>The month.</summary>
    public DateOnly Month => Forecast.Month;

    /// <summary>The forecast's error, mean − actual (positive: forecast too high).</summary>
    public double Error => Forecast.Mean - Actual;

    /// <summary>Whether the actual lies in the forecast's 80% interval (ends included).</summary>
    public bool Inside80 => Forecast.Inside80(Actual);

    /// <summary>Whether the actual lies in the forecast's 95% interval (ends included).</summary>
    public bool Inside95 => Forecast.Inside95(Actual);
}
