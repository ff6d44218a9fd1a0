using System.Globalization;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Cli;

/// <summary>
/// How `register benchmark` and `register trend` print their figures. Missing is never shown as
/// zero: text says "no data for …", JSON has null; NaN never reaches the text.
/// </summary>
internal static class PublishedOutput
{
    /// <summary>Jan … Dec, whatever the culture.</summary>
    internal static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    public static void Benchmark(Benchmark b, bool json, TextWriter output)
    {
        if (json)
        {
            RegisterJson.Benchmark(output, b);
            return;
        }
        string title = $"{b.Name} ({b.Council}), {b.From} to {b.To}";
        if (b.DelayedDays is not { } days)
        {
            output.WriteLine($"{title}: no data for {b.Name} in this period (every value is missing or was not published).");
            return;
        }
        string rank = b.Rank is { } r ? I($"rank {r} of {b.Councils} by {b.RankedBy} (1 = fewest)") : (b.IsNational ? "the national total, not ranked" : "not ranked");
        string rate = b.RatePer100kAdults is { } per ? I($" ({per:F1} patients delayed per 100,000 adults)") : "";
        output.WriteLine(I($"{title}: {days:N0} delayed days{rate}; {rank}."));
        var missingReasons = b.ByReason.Where(kv => kv.Value is null).Select(kv => DelayReasonWords.Code(kv.Key)).ToList();
        output.WriteLine("By reason: " + string.Join(", ", b.ByReason.Where(kv => kv.Value > 0).Select(kv => I($"{DelayReasonWords.Code(kv.Key)} {kv.Value:N0}")))
            + (missingReasons.Count == 0 ? "" : $"; no data for {string.Join(", ", missingReasons)}") + ".");
        output.WriteLine(b.ByOrganisation.Values.All(v => v is null)
            ? "By organisation: no data for this period (import dtoc-la-days-by-organisation.csv for the NHS / Social Care / Both split)."
            : $"By organisation: {string.Join(", ", SitRep.Responsibilities.Select(o => $"{ResponsibilityWords.ExtractColumn(o)} {Days(b.ByOrganisation[o])}"))}.");
        if (b.MissingValues > 0)
        {
            output.WriteLine($"{b.MissingValues} value(s) missing in the published data ('-' or 'NA'): left out, not counted as zero.");
        }
        if (b.Warning is { } w)
        {
            output.WriteLine($"Warning: {w}");
        }
    }

    public static void Trend(PublishedSeries series, SeasonalDecomposition d, SeasonalShare? share, string? from, string? to, bool json, TextWriter output)
    {
        string first = Month(series.First, 0), last = Month(series.First, series.Values.Length - 1);
        var noData = new[] { from, to }.Where(m => m is not null && series.Values[Index(series.First, m)] is null).Distinct().ToList();
        if (json)
        {
            RegisterJson.Trend(output, series, d, share, from, to, noData);
            return;
        }
        if (series.Values.All(v => v is null))
        {
            output.WriteLine($"{series.Name} ({series.Council}): no data for {series.Name} from {first} to {last} (every value is missing).");
            return;
        }
        output.WriteLine($"{series.Name} ({series.Council}): delayed days ÷ days in month, {first} to {last}; seasonal effect by calendar month (patients):");
        output.WriteLine(string.Join("  ", MonthNames.Select((n, i) => double.IsFinite(d.SeasonalByMonth[i]) ? I($"{n} {d.SeasonalByMonth[i]:+0.0;-0.0}") : $"{n} no data")));
        if (share is null)
        {
            return;
        }
        if (noData.Count > 0)
        {
            output.WriteLine($"No data for {series.Name} in {string.Join(" or ", noData)}: the change from {from} to {to} cannot be split into seasonal and other parts.");
        }
        else if (!double.IsFinite(share.Seasonal))
        {
            output.WriteLine(I($"From {from} to {to} the count changed by {share.Change:+0.0;-0.0} a day; no data for a seasonal effect of one of the two calendar months, so how much of it is seasonal cannot be said."));
        }
        else
        {
            string interval = double.IsFinite(share.SeasonalLow) ? I($" (95% CI {share.SeasonalLow:+0.0;-0.0} to {share.SeasonalHigh:+0.0;-0.0})") : " (no interval: fewer than two years of data for one of the months)";
            string part = !double.IsFinite(share.Share) ? "; the count did not change, so no share of the change can be given"
                : double.IsFinite(share.ShareLow) ? I($", that is {share.Share:P0} of the change (95% CI {share.ShareLow:P0} to {share.ShareHigh:P0})") : I($", that is {share.Share:P0} of the change");
            output.WriteLine(I($"From {from} to {to} the count changed by {share.Change:+0.0;-0.0} a day; the seasonal pattern accounts for {share.Seasonal:+0.0;-0.0}{interval}{part}."));
        }
    }

    private static string Days(long? days) => days is { } d ? I($"{d:N0}") : "no data";

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Month(DateOnly first, int index) => first.AddMonths(index).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static int Index(DateOnly first, string month)
    {
        var m = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ((m.Year - first.Year) * 12) + m.Month - first.Month;
    }
}
