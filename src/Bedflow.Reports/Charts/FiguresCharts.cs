using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Charts;

/// <summary>
/// The charts of the web app's Figures page: the month's SitRep figures, a council against England,
/// and a published series with its seasonal decomposition. Every value drawn is the figure's own;
/// a missing value is left out, never drawn as zero.
/// </summary>
public static class FiguresCharts
{
    /// <summary>The month's delayed days by SitRep reason, stacked by responsible organisation (each in its own colour).</summary>
    public static ChartSpec SitRepMonth(MonthFigures month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var reasons = SitRep.Reasons.Where(r => month.DelayedDays(reason: r) > 0).ToList();
        var series = SitRep.Responsibilities
            .Select(o => new Series(ResponsibilityWords.ExtractColumn(o), [.. reasons.Select((_, i) => (double)i)], [.. reasons.Select(r => (double)month.DelayedDays(reason: r, responsible: o))]) { Colour = SeriesColours.Of(o) })
            .ToList();
        string name = month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return new ChartSpec("sitrep-month", $"Delayed days by reason, {name}",
            "Delayed days in the month by SitRep reason (what patients waited for), split by the organisation responsible; acute and non-acute beds together. From the register's patients.",
            "SitRep reason", "Delayed days in the month", ChartKind.StackedBars, series) { Categories = [.. reasons.Select(DelayReasonWords.Code)] };
    }

    /// <summary>
    /// Each reason's share of delayed days (%) for the council beside England's, over the same
    /// months; a reason missing for either is left out (the caption says which).
    /// </summary>
    public static ChartSpec Benchmark(string council, IReadOnlyDictionary<DelayReason, long?> mine, IReadOnlyDictionary<DelayReason, long?> england)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(england);
        var shown = SitRep.Reasons.Where(r => mine.GetValueOrDefault(r) is not null && england.GetValueOrDefault(r) is not null).ToList();
        var left = SitRep.Reasons.Where(r => !shown.Contains(r)).Select(DelayReasonWords.Code).ToList();
        double ownTotal = shown.Sum(r => (double)mine[r]!.Value), nationalTotal = shown.Sum(r => (double)england[r]!.Value);
        Series Share(string name, IReadOnlyDictionary<DelayReason, long?> days, double total) =>
            new(name, [.. shown.Select((_, i) => (double)i)], [.. shown.Select(r => total > 0 ? 100.0 * days[r]!.Value / total : 0)]);
        return new ChartSpec("benchmark", $"Delayed days by reason: {council} against England",
            "Each SitRep reason's share of the period's delayed days, the council beside England's total (published figures)."
                + (left.Count == 0 ? "" : $" Not published for one of them, so left out: {string.Join(", ", left)}."),
            "SitRep reason", "Share of delayed days (%)", ChartKind.Bars, [Share(council, mine, ownTotal), Share("England", england, nationalTotal)])
        {
            Categories = [.. shown.Select(DelayReasonWords.Code)],
        };
    }

    /// <summary>The published monthly series (delayed days ÷ days in month) and its trend (the centred 12-month average); months without data left out.</summary>
    public static ChartSpec Trend(string council, SeasonalDecomposition decomposition)
    {
        ArgumentNullException.ThrowIfNull(decomposition);
        var d = decomposition;
        double Day(int i) => d.First.AddMonths(i).DayNumber - d.First.DayNumber;
        var observed = Enumerable.Range(0, d.Values.Count).Where(i => d.Values[i] is not null).ToList();
        var trend = Enumerable.Range(0, d.Trend.Count).Where(i => double.IsFinite(d.Trend[i])).ToList();
        return new ChartSpec("trend", $"Patients delayed on an average day, {council}",
            "Published delayed days in each month ÷ days in the month, with the trend (centred 12-month moving average, classical decomposition). Months without data are left out.",
            "Month", "Delayed days ÷ days in month", ChartKind.Lines,
            [
                new Series("Published", [.. observed.Select(Day)], [.. observed.Select(i => d.Values[i]!.Value)]),
                new Series("Trend (12-month centred average)", [.. trend.Select(Day)], [.. trend.Select(i => d.Trend[i])]),
            ])
        { Start = d.First };
    }

    /// <summary>The seasonal effect of each calendar month (patients a day above or below the trend) with its 95% interval; months without an effect left out.</summary>
    public static ChartSpec Seasonal(string council, SeasonalDecomposition decomposition)
    {
        ArgumentNullException.ThrowIfNull(decomposition);
        var d = decomposition;
        var months = Enumerable.Range(0, 12).Where(m => double.IsFinite(d.SeasonalByMonth[m])).ToList();
        var intervals = months.Select(d.SeasonalInterval).ToList();
        bool all = intervals.All(x => double.IsFinite(x.Low));
        var series = new Series("Seasonal effect", [.. months.Select((_, i) => (double)i)], [.. months.Select(m => d.SeasonalByMonth[m])])
        {
            Low = all ? [.. intervals.Select(x => x.Low)] : null,
            High = all ? [.. intervals.Select(x => x.High)] : null,
        };
        return new ChartSpec("seasonal", $"Seasonal effect by calendar month, {council}",
            "How far each calendar month sits above or below the trend, on average over the years (patients a day)" + (all ? ", with its 95% interval." : "; no intervals: some months have fewer than two years of data."),
            "Calendar month", "Patients a day above the trend", ChartKind.Bars, [series])
        {
            Categories = [.. months.Select(m => CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[m])],
        };
    }
}
