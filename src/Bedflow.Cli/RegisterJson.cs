using System.Globalization;
using System.Text.Json;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Cli;

/// <summary>The JSON documents the register commands print with --json (docs/register.md), for scripts to read.</summary>
internal static class RegisterJson
{
    /// <summary>
    /// `register sitrep --json`: the month's delayed days, DTOC beds and snapshot, then delayed days
    /// by reason and by responsible organisation in the SitRep's order (every one, zeros included).
    /// </summary>
    public static void SitRepMonth(TextWriter output, MonthFigures m)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("month", $"{m.Year:0000}-{m.Month:00}");
            w.WriteNumber("delayed_days", m.DelayedDays());
            w.WriteNumber("dtoc_beds", m.DtocBeds());
            w.WriteString("snapshot_date", m.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("snapshot", m.SnapshotPatients());
            w.WriteStartObject("by_reason");
            foreach (var r in SitRep.Reasons)
            {
                w.WriteNumber(SitRepCodes.Code(r), m.DelayedDays(reason: r));
            }
            w.WriteEndObject();
            w.WriteStartObject("by_organisation");
            foreach (var o in SitRep.Responsibilities)
            {
                w.WriteNumber(SitRepCodes.Code(o), m.DelayedDays(responsible: o));
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
