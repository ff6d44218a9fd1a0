using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;
using Bedflow.Data.Csv;
using CsvHelper;

namespace Bedflow.Data.Results;

/// <summary>
/// A variant's per-day series in long form: <c>date,series,mean,ci95_low,ci95_high</c>, one row
/// per day and series — <c>delayed_patients</c> (at the midnight ending the day) and, per service,
/// <c>&lt;service&gt;.occupied</c>, <c>.blocked</c> and <c>.queued</c>. Means over replications; the
/// interval is empty with one replication.
/// </summary>
public static class DailyCsv
{
    /// <summary>Writes the series of one variant.</summary>
    public static void Write(TextWriter writer, VariantResult variant)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(variant);
        using var csv = CsvOutput.Writer(writer);
        csv.Row("date", "series", "mean", "ci95_low", "ci95_high");
        var start = variant.Network.StartDate;
        var delays = variant.Run.Delays!.Replications;
        var services = variant.Run.Services;
        int days = services.Count == 0 || services[0].Daily is null ? 0 : services[0].Daily!.Occupied.Length;
        for (int d = 0; d < days; d++)
        {
            var date = start.AddDays(d);
            string day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date <= delays[0].Last)
            {
                Row(csv, day, "delayed_patients", Estimate.Of(delays.Select(f => (double)f.DelayedOn(date))).NonNegative());
            }
            foreach (var s in services)
            {
                var daily = s.Daily!;
                Row(csv, day, $"{s.Name}.occupied", daily.Occupied[d], daily.OccupiedHalfWidth?[d]);
                Row(csv, day, $"{s.Name}.blocked", daily.Blocked[d], daily.BlockedHalfWidth?[d]);
                Row(csv, day, $"{s.Name}.queued", daily.Queued[d], daily.QueuedHalfWidth?[d]);
            }
        }
    }

    // Counts of patients: the interval stops at 0 (docs/results-reference.md, "Intervals that respect limits").
    private static void Row(CsvWriter csv, string day, string series, double mean, double? halfWidth) =>
        csv.Row(day, series, Num(mean), Num(mean - halfWidth is { } lo ? Math.Max(0, lo) : null), Num(mean + halfWidth));

    private static void Row(CsvWriter csv, string day, string series, Estimate e) =>
        csv.Row(day, series, Num(e.Mean), Num(e.Lower), Num(e.Upper));

    private static string Num(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "";
}
