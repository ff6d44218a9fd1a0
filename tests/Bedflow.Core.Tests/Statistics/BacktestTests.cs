using Bedflow.Core.Statistics;

namespace Bedflow.Core.Tests.Statistics;

/// <summary>The back-test scorecard: every figure worked by hand on 16 months of history and 4 test months.</summary>
public class BacktestTests
{
    private static readonly DateOnly Start = new(2015, 4, 1);

    // April 2015 to July 2016 (16 months of history), then the test window August to November 2016.
    private static readonly double?[] Published =
    [
        100, 104, 98, 96,                                 // Apr–Jul 2015
        90, 94, 102, 110, 120, 126, 118, 112, 106, 100, 96, 92, // Aug 2015–Jul 2016: the last 12, sum 1,266, mean 105.5
        88, 97, 104, 115,                                 // Aug–Nov 2016: the actuals
    ];

    private static MonthForecast[] Forecasts(params double[] means) =>
    [
        MonthForecast.FromQuantiles(new DateOnly(2016, 8, 1), means[0], 87, 91, 85, 93),         // 88 inside both
        MonthForecast.FromQuantiles(new DateOnly(2016, 9, 1), means[1], 93, 96, 91, 99),         // 97 outside the 80%, inside the 95%
        MonthForecast.FromQuantiles(new DateOnly(2016, 10, 1), means[2], 104.5, 107.5, 100, 112), // 104 outside the 80%, inside the 95%
        MonthForecast.FromQuantiles(new DateOnly(2016, 11, 1), means[3], 110, 114, 108, 115),    // 115 on the 95% interval's end: inside
    ];

    [Fact]
    public void Every_figure_of_the_scorecard_matches_the_hand_computation()
    {
        var card = Backtest.Score(Start, Published, Forecasts(89, 95, 106, 112));

        // Errors 1, −2, 2, −3: MAE 8/4 = 2; squares 1 + 4 + 4 + 9 = 18, RMSE √4.5.
        Assert.Equal(4, card.Months.Count);
        Assert.Equal(2, card.Mae, 12);
        Assert.Equal(Math.Sqrt(4.5), card.Rmse, 12);
        Assert.Equal(0.25, card.Coverage80, 12);
        Assert.Equal(1, card.Coverage95, 12);
        // Seasonal naive = Aug–Nov 2015 = 90, 94, 102, 110: errors 2, 3, 2, 5, MAE 3.
        Assert.Equal([90.0, 94, 102, 110], card.Months.Select(m => m.SeasonalNaive));
        Assert.Equal(3, card.SeasonalNaiveMae, 12);
        // Last-12 mean 105.5: errors 17.5, 8.5, 1.5, 9.5, MAE 37/4.
        Assert.All(card.Months, m => Assert.Equal(105.5, m.LastYearMean, 12));
        Assert.Equal(9.25, card.LastYearMeanMae, 12);
        // Skill 1 − 2/3.
        Assert.Equal(1.0 / 3, card.Skill!.Value, 12);
        Assert.Empty(card.Unscored);
    }

    [Fact]
    public void A_forecast_that_loses_to_the_seasonal_naive_one_has_negative_skill()
    {
        // Errors −8, 8, −9, 10: MAE 35/4 = 8.75 against the naive 3: skill 1 − 8.75/3 = −23/12.
        var card = Backtest.Score(Start, Published, Forecasts(80, 105, 95, 125));
        Assert.Equal(8.75, card.Mae, 12);
        Assert.Equal(-23.0 / 12, card.Skill!.Value, 12);
        Assert.True(card.Skill < 0);
    }

    [Fact]
    public void A_perfect_seasonal_naive_forecast_leaves_skill_undefined_rather_than_infinite()
    {
        // A series that repeats itself exactly a year later: the naive forecast has no error.
        double?[] repeating = [.. Published[..16], 90, 94, 102, 110];
        var card = Backtest.Score(Start, repeating, Forecasts(89, 95, 106, 112));
        Assert.Equal(0, card.SeasonalNaiveMae);
        Assert.Null(card.Skill);
        Assert.Equal(2, card.Mae, 12); // errors 1, 1, 4, 2: MAE 2
    }

    [Fact]
    public void A_test_month_without_a_published_actual_is_left_out_of_every_figure_and_listed()
    {
        double?[] gap = [.. Published];
        gap[17] = null; // September 2016 not published
        var card = Backtest.Score(Start, gap, Forecasts(89, 95, 106, 112));
        Assert.Equal([new DateOnly(2016, 9, 1)], card.Unscored);
        Assert.Equal(3, card.Months.Count);
        Assert.Equal(2, card.Mae, 12);              // errors 1, 2, 3
        Assert.Equal(3, card.SeasonalNaiveMae, 12); // errors 2, 2, 5
        Assert.Equal(1.0 / 3, card.Coverage80, 12);
    }

    [Fact]
    public void The_seasonal_naive_forecast_of_a_second_year_uses_the_last_year_before_the_window_again()
    {
        // 12 months of history, a 14-month window: months 13 and 14 of the window get the history's
        // first two months again (no actual from inside the window leaks into a naive forecast).
        var start = new DateOnly(2017, 1, 1);
        double?[] series = [.. Enumerable.Range(0, 26).Select(i => (double?)(i * 10))];
        var forecasts = Enumerable.Range(12, 14).Select(i => MonthForecast.FromQuantiles(start.AddMonths(i), i * 10, 0, 500, 0, 500)).ToArray();
        var card = Backtest.Score(start, series, forecasts);
        Assert.Equal([.. Enumerable.Range(0, 12).Select(i => i * 10.0), 0, 10], card.Months.Select(m => m.SeasonalNaive));
        Assert.All(card.Months, m => Assert.Equal(55, m.LastYearMean, 12));
    }

    [Fact]
    public void Intervals_from_replications_are_their_sample_quantiles_by_definition_7()
    {
        // 1..10 shuffled: h = 9τ, so the 10% quantile is 1 + 0.9 = 1.9, the 90% 9 + 0.1 = 9.1,
        // the 2.5% 1 + 0.225, the 97.5% 9 + 0.775.
        var f = MonthForecast.FromReplications(new DateOnly(2016, 8, 1), [7.0, 3, 10, 1, 5, 9, 2, 8, 6, 4]);
        Assert.Equal(5.5, f.Mean, 12);
        Assert.Equal(1.9, f.Lower80, 12);
        Assert.Equal(9.1, f.Upper80, 12);
        Assert.Equal(1.225, f.Lower95, 12);
        Assert.Equal(9.775, f.Upper95, 12);
        Assert.Equal(10, f.Replications);
    }

    [Fact]
    public void Forecast_months_with_a_gap_are_refused_naming_the_month()
    {
        var f = Forecasts(89, 95, 106, 112);
        MonthForecast[] gap = [f[0], f[2], f[3]];
        var problems = Backtest.Problems(Start, Published, gap);
        Assert.Equal(["forecast months must be consecutive, in order: forecast 2 is for 2016-10, but 2016-09 follows 2016-08."], problems);
        var thrown = Assert.Throws<ArgumentException>(() => Backtest.Score(Start, Published, gap));
        Assert.StartsWith(problems[0], thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_past_the_end_of_the_published_series_is_refused()
    {
        var problems = Backtest.Problems(Start, Published[..19], Forecasts(89, 95, 106, 112));
        Assert.Equal(["the test window 2016-08 to 2016-11 is not inside the published series (2015-04 to 2016-10): every forecast month needs its published month."], problems);
    }

    [Fact]
    public void Fewer_than_12_months_before_the_window_are_refused()
    {
        var problems = Backtest.Problems(new DateOnly(2015, 12, 1), Published[8..], Forecasts(89, 95, 106, 112));
        Assert.Equal(["the naive forecasts need the 12 published months before the test window (2015-08 to 2016-07), but the series starts at 2015-12, only 8 month(s) before."], problems);
    }

    [Fact]
    public void A_missing_month_in_the_last_year_of_history_is_refused_naming_it()
    {
        double?[] gap = [.. Published];
        gap[9] = null; // January 2016
        var problems = Backtest.Problems(Start, gap, Forecasts(89, 95, 106, 112));
        Assert.Equal(["the naive forecasts need every one of the 12 months before the test window, but 2016-01 is not published."], problems);
    }

    [Fact]
    public void A_window_with_no_published_actual_is_refused()
    {
        double?[] none = [.. Published[..16], null, null, null, null];
        Assert.Equal(["no month of the test window 2016-08 to 2016-11 has a published figure to score against."], Backtest.Problems(Start, none, Forecasts(89, 95, 106, 112)));
    }

    [Fact]
    public void A_forecast_month_that_is_not_the_first_of_a_month_or_quantiles_out_of_order_are_refused()
    {
        var day = Assert.Throws<ArgumentException>(() => MonthForecast.FromQuantiles(new DateOnly(2016, 8, 15), 1, 0, 2, 0, 2));
        Assert.Contains("first day of a month, but was 2016-08-15", day.Message, StringComparison.Ordinal);
        var order = Assert.Throws<ArgumentException>(() => MonthForecast.FromQuantiles(new DateOnly(2016, 8, 1), 1, 0, 3, 0.5, 2));
        Assert.Contains("lower95 ≤ lower80 ≤ upper80 ≤ upper95, but were 0.5, 0, 3, 2", order.Message, StringComparison.Ordinal);
    }
}
