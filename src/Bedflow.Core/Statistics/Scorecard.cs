namespace Bedflow.Core.Statistics;

/// <summary>
/// How a forecast fared against the published figures over a test window, and against two naive
/// forecasts made from the history before it (docs/calibration.md, "Back-testing: the
/// scorecard"). Every figure is over <see cref="Months"/>: the test months with a published
/// actual; months whose actual is missing are listed in <see cref="Unscored"/> and count nowhere.
/// Immutable; made by <see cref="Backtest.Score"/>.
/// </summary>
public sealed record Scorecard
{
    internal Scorecard(IReadOnlyList<ScoredMonth> months, IReadOnlyList<DateOnly> unscored)
    {
        Months = months;
        Unscored = unscored;
        int n = months.Count;
        Mae = months.Sum(m => Math.Abs(m.Error)) / n;
        Rmse = Math.Sqrt(months.Sum(m => m.Error * m.Error) / n);
        Coverage80 = months.Count(m => m.Inside80) / (double)n;
        Coverage95 = months.Count(m => m.Inside95) / (double)n;
        SeasonalNaiveMae = months.Sum(m => Math.Abs(m.SeasonalNaive - m.Actual)) / n;
        LastYearMeanMae = months.Sum(m => Math.Abs(m.LastYearMean - m.Actual)) / n;
        Skill = SeasonalNaiveMae > 0 ? 1 - (Mae / SeasonalNaiveMae) : null;
    }

    /// <summary>The scored months, in order.</summary>
    public IReadOnlyList<ScoredMonth> Months { get; }

    /// <summary>Test months with no published actual (left out of every figure), in order.</summary>
    public IReadOnlyList<DateOnly> Unscored { get; }

    /// <summary>Mean absolute error of the forecast's mean, in the series' units.</summary>
    public double Mae { get; }

    /// <summary>Root mean squared error of the forecast's mean, in the series' units.</summary>
    public double Rmse { get; }

    /// <summary>Share of the months whose actual lies in the 80% prediction interval (ends included); nominally 0.8.</summary>
    public double Coverage80 { get; }

    /// <summary>Share of the months whose actual lies in the 95% prediction interval (ends included); nominally 0.95.</summary>
    public double Coverage95 { get; }

    /// <summary>Mean absolute error of the seasonal naive forecast (the same month last year) over the same months.</summary>
    public double SeasonalNaiveMae { get; }

    /// <summary>Mean absolute error of the flat forecast at the mean of the last 12 months before the window, over the same months.</summary>
    public double LastYearMeanMae { get; }

    /// <summary>
    /// Skill against the seasonal naive forecast: 1 − <see cref="Mae"/> ÷ <see cref="SeasonalNaiveMae"/>.
    /// 1 is a perfect forecast, 0 no better than the naive one, below 0 worse (reported as it is,
    /// however negative). Null when the naive forecast's error is 0: a ratio to zero is not defined.
    /// </summary>
    public double? Skill { get; }
}
