using System.Globalization;

namespace Bedflow.Core.Statistics;

/// <summary>
/// Scores forecasts of a test window against a published monthly series (the scorecard of
/// <c>bedflow backtest</c>; docs/calibration.md, "Back-testing: the scorecard"). The history is
/// the published series before the first forecast month; the two naive forecasts are made from
/// its last 12 months alone, so they know no more than the forecast did.
/// </summary>
public static class Backtest
{
    /// <summary>How many published months before the test window the naive forecasts need.</summary>
    public const int HistoryMonths = 12;

    /// <summary>
    /// The scorecard of <paramref name="forecasts"/> (consecutive months) against the published
    /// series that starts at <paramref name="publishedStart"/> (null = not published).
    /// </summary>
    /// <exception cref="ArgumentException">A problem <see cref="Problems"/> would report (check values from a user first).</exception>
    public static Scorecard Score(DateOnly publishedStart, IReadOnlyList<double?> published, IReadOnlyList<MonthForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(forecasts);
        foreach (string problem in Checks(publishedStart, published, forecasts).Take(1))
        {
            throw new ArgumentException(problem, nameof(forecasts));
        }
        int first = MonthsBetween(publishedStart, forecasts[0].Month);
        double lastYearMean = 0;
        for (int i = first - HistoryMonths; i < first; i++)
        {
            lastYearMean += published[i]!.Value;
        }
        lastYearMean /= HistoryMonths;
        var scored = new List<ScoredMonth>();
        var unscored = new List<DateOnly>();
        for (int h = 0; h < forecasts.Count; h++)
        {
            if (published[first + h] is not { } actual)
            {
                unscored.Add(forecasts[h].Month);
                continue;
            }
            // The same calendar month in the last year of the history: a year back for the first
            // 12 months of the window, two years back for the next 12, and so on.
            double seasonalNaive = published[first - HistoryMonths + (h % HistoryMonths)]!.Value;
            scored.Add(new ScoredMonth(actual, forecasts[h], seasonalNaive, lastYearMean));
        }
        return new Scorecard(scored, unscored);
    }

    /// <summary>
    /// Every reason the forecasts cannot be scored against the series, in words for the user:
    /// months misaligned (not consecutive, or outside the published series), fewer than 12
    /// published months before the window, a missing or non-finite month among them, or no
    /// published actual in the whole window. Empty when <see cref="Score"/> accepts them.
    /// </summary>
    public static IReadOnlyList<string> Problems(DateOnly publishedStart, IReadOnlyList<double?> published, IReadOnlyList<MonthForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(forecasts);
        return [.. Checks(publishedStart, published, forecasts)];
    }

    private static IEnumerable<string> Checks(DateOnly publishedStart, IReadOnlyList<double?> published, IReadOnlyList<MonthForecast> forecasts)
    {
        if (publishedStart.Day != 1)
        {
            yield return Say($"the published series must start on the first day of a month, but starts on {publishedStart:yyyy-MM-dd}.");
            yield break;
        }
        if (forecasts.Count == 0)
        {
            yield return "there are no forecast months to score.";
            yield break;
        }
        bool aligned = true;
        for (int i = 1; i < forecasts.Count; i++)
        {
            var expected = forecasts[i - 1].Month.AddMonths(1);
            if (forecasts[i].Month != expected)
            {
                aligned = false;
                yield return Say($"forecast months must be consecutive, in order: forecast {i + 1} is for {forecasts[i].Month:yyyy-MM}, but {expected:yyyy-MM} follows {forecasts[i - 1].Month:yyyy-MM}.");
            }
        }
        if (!aligned)
        {
            yield break;
        }
        for (int i = 0; i < published.Count; i++)
        {
            if (published[i] is { } v && !double.IsFinite(v))
            {
                yield return Say($"the published figure for {publishedStart.AddMonths(i):yyyy-MM} is not a finite number ({Preconditions.Show(v)}); leave a month unpublished as missing.");
            }
        }
        int first = MonthsBetween(publishedStart, forecasts[0].Month);
        int last = first + forecasts.Count - 1;
        var publishedEnd = publishedStart.AddMonths(published.Count - 1);
        if (first < 0 || last >= published.Count)
        {
            yield return Say($"the test window {forecasts[0].Month:yyyy-MM} to {forecasts[^1].Month:yyyy-MM} is not inside the published series ({publishedStart:yyyy-MM} to {publishedEnd:yyyy-MM}): every forecast month needs its published month.");
            yield break;
        }
        if (first < HistoryMonths)
        {
            yield return Say($"the naive forecasts need the {HistoryMonths} published months before the test window ({forecasts[0].Month.AddMonths(-HistoryMonths):yyyy-MM} to {forecasts[0].Month.AddMonths(-1):yyyy-MM}), but the series starts at {publishedStart:yyyy-MM}, only {first} month(s) before.");
            yield break;
        }
        for (int i = first - HistoryMonths; i < first; i++)
        {
            if (published[i] is null)
            {
                yield return Say($"the naive forecasts need every one of the {HistoryMonths} months before the test window, but {publishedStart.AddMonths(i):yyyy-MM} is not published.");
            }
        }
        bool any = false;
        for (int i = first; i <= last; i++)
        {
            any |= published[i] is not null;
        }
        if (!any)
        {
            yield return Say($"no month of the test window {forecasts[0].Month:yyyy-MM} to {forecasts[^1].Month:yyyy-MM} has a published figure to score against.");
        }
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + (to.Month - from.Month);

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
