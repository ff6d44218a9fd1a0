using System.Globalization;
using System.Text.Json;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

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
}
