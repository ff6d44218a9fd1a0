using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Workbook;

namespace Bedflow.Web.Figures;

/// <summary>
/// Each figure as tables for its downloads: the first table is the CSV, all of them the workbook's
/// sheets. Missing stays missing (null), never zero.
/// </summary>
internal static class FigureTables
{
    public static IReadOnlyList<FigureTable> SitRep(MonthFigures m)
    {
        string month = $"{m.Year:0000}-{m.Month:00}";
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var beds in new[] { SitRepBeds.Acute, SitRepBeds.NonAcute })
        {
            foreach (var r in Core.Vocabulary.SitRep.Reasons.Where(r => m.DelayedDays(beds, r) > 0 || m.SnapshotPatients(beds, r) > 0))
            {
                rows.Add([month, SitRepBedsWords.Display(beds), DelayReasonWords.Code(r), DelayReasonWords.Label(r),
                    .. Core.Vocabulary.SitRep.Responsibilities.Select(o => (object?)m.DelayedDays(beds, r, o)),
                    .. Core.Vocabulary.SitRep.Responsibilities.Select(o => (object?)m.SnapshotPatients(beds, r, o))]);
            }
        }
        var detail = new FigureTable("SitRep by reason", ["Month", "Beds", "Reason code", "Reason", "NHS delayed days", "Social care delayed days", "Both delayed days",
            "NHS at snapshot", "Social care at snapshot", "Both at snapshot"], rows);
        var summary = new FigureTable("Month", ["Month", "Delayed days", "DTOC beds (delayed days ÷ days)", "Days covered", "Snapshot date", "Patients delayed at the snapshot"],
            [[month, m.DelayedDays(), m.DtocBeds(), (long)m.DaysCovered, m.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.SnapshotPatients()]]);
        return [detail, summary];
    }

    public static IReadOnlyList<FigureTable> Benchmark(BenchmarkFigures f)
    {
        var b = f.Council;
        var e = f.England;
        double? Share(long? days, long? total) => days is { } d && total is > 0 ? 100.0 * d / total.Value : null;
        var rows = Core.Vocabulary.SitRep.Reasons.Select(r => (IReadOnlyList<object?>)[DelayReasonWords.Code(r), DelayReasonWords.Label(r),
            b.ByReason[r], Share(b.ByReason[r], b.DelayedDays), e?.ByReason[r], Share(e?.ByReason[r], e?.DelayedDays)]).ToList();
        var byReason = new FigureTable("By reason", ["Reason code", "Reason", $"{b.Name} delayed days", $"{b.Name} share (%)", "England delayed days", "England share (%)"], rows);
        var byOrg = new FigureTable("By organisation", ["Organisation", $"{b.Name} delayed days", "England delayed days"],
            [.. Core.Vocabulary.SitRep.Responsibilities.Select(o => (IReadOnlyList<object?>)[ResponsibilityWords.ExtractColumn(o), b.ByOrganisation[o], e?.ByOrganisation[o]])]);
        var rank = new FigureTable("Rank", ["Council", "Name", "From", "To", "Delayed days", "Rank (1 = fewest)", "Councils ranked", "Ranked by", "Missing values", "Warning"],
            [[b.Council, b.Name, b.From, b.To, b.DelayedDays, b.Rank is { } k ? (long)k : null, (long)b.Councils, b.RankedBy, (long)b.MissingValues, b.Warning]]);
        return [byReason, byOrg, rank];
    }

    public static IReadOnlyList<FigureTable> Trend(TrendFigures t)
    {
        var d = t.Decomposition;
        var rows = Enumerable.Range(0, d.Values.Count).Select(i => (IReadOnlyList<object?>)[FiguresReader.M(d.First.AddMonths(i)), d.Values[i], d.Trend[i], d.Seasonal(i)]).ToList();
        var series = new FigureTable("Series", ["Month", "Delayed days ÷ days in month", "Trend (12-month centred average)", "Seasonal effect"], rows);
        var seasonal = new FigureTable("Seasonal by month", ["Calendar month", "Seasonal effect (patients a day)", "95% CI from", "95% CI to", "Years"],
            [.. Enumerable.Range(0, 12).Select(m => (IReadOnlyList<object?>)[CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[m], d.SeasonalByMonth[m],
                d.SeasonalInterval(m).Low, d.SeasonalInterval(m).High, (long)d.SeasonalYears[m]])]);
        var tables = new List<FigureTable> { series, seasonal };
        if (t.Share is { } s)
        {
            tables.Add(new FigureTable("Change", ["From", "To", "Change (patients a day)", "Seasonal part", "Seasonal 95% CI from", "Seasonal 95% CI to", "Seasonal share", "Share 95% CI from", "Share 95% CI to"],
                [[t.From, t.To, s.Change, s.Seasonal, s.SeasonalLow, s.SeasonalHigh, s.Share, s.ShareLow, s.ShareHigh]]));
        }
        return tables;
    }
}
