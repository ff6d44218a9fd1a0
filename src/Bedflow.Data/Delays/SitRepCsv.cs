using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Csv;

namespace Bedflow.Data.Delays;

/// <summary>
/// Writes delay figures in NHS England's monthly DTOC extract layout (domain.md §3): three title
/// lines, the header on the fourth row, then one row per month × bed type × reason.
/// </summary>
public static class SitRepCsv
{
    /// <summary>The extract's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Year", "Period Name", "Provider Parent Org Code", "Provider Parent Name", "Provider Org Code", "Provider Org Name",
        "Local Authority Code", "Local Authority Name", "Acute Or Non Acute Description", "Reason For Delay",
        "NHS A SUM", "NHS B SUM", "Social Care A SUM", "Social Care B SUM", "Both A SUM", "Both B SUM",
    ];

    /// <summary>
    /// Writes the rows. <paramref name="title"/> and <paramref name="note"/> fill the title lines
    /// (e.g. the variant, and "mean of 20 replications"). Values print as numbers with up to two
    /// decimals (whole numbers for one replication); a missing snapshot is an empty cell.
    /// </summary>
    public static void Write(TextWriter writer, SitRepIdentity identity, IReadOnlyList<SitRepRow> rows, string title, string note)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvOutput.Writer(writer);
        csv.Row(title);
        csv.Row(note);
        csv.NextRecord();
        csv.Row([.. Columns]);
        foreach (var r in rows)
        {
            // Per organisation (NHS, social care, both): patients at the snapshot (A), delayed days (B).
            string A(int o) => r.Patients[o] is { } p ? Number(p) : "";
            string B(int o) => Number(r.Days[o]);
            csv.Row(
                r.Year, r.PeriodName, identity.ProviderParentCode, identity.ProviderParentName, identity.ProviderCode, identity.ProviderName,
                identity.CouncilCode, identity.CouncilName, r.BedsDescription, DelayReasonWords.ExtractValue(r.Reason),
                A(0), B(0), A(1), B(1), A(2), B(2));
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
