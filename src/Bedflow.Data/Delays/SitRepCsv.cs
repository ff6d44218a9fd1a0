using System.Globalization;
using System.Text;
using Bedflow.Core.Delays;

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
        writer.Write(Field(title) + "\n");
        writer.Write(Field(note) + "\n");
        writer.Write("\n");
        writer.Write(string.Join(',', Columns.Select(Field)) + "\n");
        foreach (var r in rows)
        {
            var cells = new List<string>
            {
                r.Year, r.PeriodName, identity.ProviderParentCode, identity.ProviderParentName, identity.ProviderCode, identity.ProviderName,
                identity.CouncilCode, identity.CouncilName, r.BedsDescription, SitRep.ExtractValue(r.Reason),
            };
            for (int o = 0; o < 3; o++)
            {
                cells.Add(r.Patients[o] is { } p ? Number(p) : "");
                cells.Add(Number(r.Days[o]));
            }
            writer.Write(string.Join(',', cells.Select(Field)) + "\n");
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.</summary>
    internal static string Field(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            sb.Append(c == '"' ? "\"\"" : c.ToString());
        }
        return sb.Append('"').ToString();
    }
}
