using System.Globalization;
using System.Text.Json;
using Bedflow.Core.Delays;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Cli;

/// <summary>
/// The JSON documents the register commands print with --json (docs/register.md), for scripts to
/// read: each shape is a record in RegisterJsonDocuments.cs, written by the source-generated
/// <see cref="RegisterJsonContext"/>.
/// </summary>
internal static class RegisterJson
{
    /// <summary>
    /// `register sitrep --json`: the month's delayed days, DTOC beds and snapshot, then delayed days
    /// by reason and by responsible organisation in the SitRep's order (every one, zeros included).
    /// </summary>
    public static void SitRepMonth(TextWriter output, MonthFigures m)
    {
        var byReason = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in SitRep.Reasons)
        {
            byReason.Add(SitRepCodes.Code(r), m.DelayedDays(reason: r));
        }
        var byOrganisation = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in SitRep.Responsibilities)
        {
            byOrganisation.Add(SitRepCodes.Code(o), m.DelayedDays(responsible: o));
        }
        var document = new SitRepMonthDocument(
            $"{m.Year:0000}-{m.Month:00}",
            m.DelayedDays(),
            m.DtocBeds(),
            m.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.SnapshotPatients(),
            byReason,
            byOrganisation);
        output.WriteLine(JsonSerializer.Serialize(document, RegisterJsonContext.Default.SitRepMonthDocument));
    }

    /// <summary>
    /// `register benchmark --json`: the council and period, its delayed days by reason (in the
    /// benchmark's order) and by organisation, then its rank; missing is null, never zero.
    /// </summary>
    public static void Benchmark(TextWriter output, Benchmark b)
    {
        var byReason = new OrderedDictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (reason, days) in b.ByReason)
        {
            byReason.Add(SitRepCodes.Code(reason), days);
        }
        var byOrganisation = new OrderedDictionary<string, long?>(StringComparer.Ordinal);
        foreach (var o in SitRep.Responsibilities)
        {
            byOrganisation.Add(SitRepCodes.Code(o), b.ByOrganisation[o]);
        }
        var document = new BenchmarkDocument(
            b.Council, b.Name, b.IsNational, b.From, b.To, b.DelayedDays, byReason, byOrganisation,
            b.Rank, b.Councils, b.RankedBy, b.RatePer100kAdults, b.MissingValues, b.Warning);
        output.WriteLine(JsonSerializer.Serialize(document, RegisterJsonContext.Default.BenchmarkDocument));
    }

    /// <summary>
    /// `register trend --json`: the monthly series, its trend and seasonal effect by calendar month
    /// (null where undefined), and with --months the split of the change between them.
    /// </summary>
    public static void Trend(TextWriter output, PublishedSeries series, SeasonalDecomposition d, SeasonalShare? share, string? from, string? to, IReadOnlyList<string?> noData)
    {
        var seasonal = new OrderedDictionary<string, double?>(StringComparer.Ordinal);
        for (int i = 0; i < 12; i++)
        {
            seasonal.Add(PublishedOutput.MonthNames[i], Number(d.SeasonalByMonth[i]));
        }
        var change = share is null ? null : new ChangeDocument(
            from, to, noData, Number(share.Change), Number(share.Seasonal), [Number(share.SeasonalLow), Number(share.SeasonalHigh)],
            Number(share.Share), [Number(share.ShareLow), Number(share.ShareHigh)]);
        var document = new TrendDocument(
            series.Council, series.Name, series.First.ToString("yyyy-MM", CultureInfo.InvariantCulture), series.Values, [.. d.Trend.Select(Number)], seasonal, change);
        output.WriteLine(JsonSerializer.Serialize(document, RegisterJsonContext.Default.TrendDocument));
    }

    /// <summary>JSON has no NaN: an undefined figure is null.</summary>
    private static double? Number(double x) => double.IsFinite(x) ? x : null;
}
