using Bedflow.Core.Statistics;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests.Charts;

/// <summary>The back-test's chart as data: each test month's forecast and intervals, the published month and the naive forecast, placed mid-month.</summary>
public class BacktestChartTests
{
    [Fact]
    public void Each_month_is_drawn_mid_month_with_its_forecast_intervals_the_published_value_and_the_naive_forecast()
    {
        // Twelve months of history (100 … 111), then two test months; errors −2 and +6, MAE 4.
        double?[] published = [.. Enumerable.Range(0, 12).Select(i => (double?)(100 + i)), 120, 90];
        var start = new DateOnly(2015, 4, 1);
        MonthForecast[] forecasts =
        [
            MonthForecast.FromQuantiles(new DateOnly(2016, 4, 1), 118, 110, 125, 105, 130),
            MonthForecast.FromQuantiles(new DateOnly(2016, 5, 1), 96, 92, 99, 88, 104),
        ];
        var card = Backtest.Score(start, published, forecasts);
        var spec = BacktestChart.Spec("Tiny", card);
        Assert.Equal(new DateOnly(2016, 4, 1), spec.Start);
        Assert.Equal(["Forecast (95% interval)", "Forecast (80% interval)", "Published", "Same month a year before"], spec.Series.Select(s => s.Name));
        // 15 April is day 14 from 1 April, 15 May day 44.
        Assert.All(spec.Series, s => Assert.Equal([14.0, 44.0], s.X));
        Assert.Equal([118.0, 96.0], spec.Series[0].Y);
        Assert.Equal([105.0, 88.0], spec.Series[0].Low);
        Assert.Equal([130.0, 104.0], spec.Series[0].High);
        Assert.Equal([110.0, 92.0], spec.Series[1].Low);
        Assert.Equal([120.0, 90.0], spec.Series[2].Y);
        // The same month a year before: April and May 2015, 100 and 101.
        Assert.Equal([100.0, 101.0], spec.Series[3].Y);
        Assert.Contains("MAE 4,", spec.Caption, StringComparison.Ordinal);
        Assert.Contains("<svg", BacktestChart.Svg("Tiny", card), StringComparison.Ordinal);
    }
}
