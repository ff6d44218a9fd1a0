using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bedflow.Data.Register;

/// <summary>One data row of a published file: its line in the file and its cells by column name.</summary>
internal sealed record PublishedRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells[column];
}

/// <summary>A published count read from one cell: a value, missing, or a problem with the cell.</summary>
internal readonly record struct PublishedValue(long? Days, string? Problem);

/// <summary>Reading NHS England's published CSV files: header, rows with their lines, and the counts in the cells.</summary>
internal static class PublishedCsv
{
    /// <summary>The two spellings of a missing value in the published files ("Other" before April 2017 is NA; a few cells are -).</summary>
    public static readonly string[] MissingMarks = ["-", "NA"];

    /// <summary>The header and every row, or a problem with the file as a whole (empty, a column named twice).</summary>
    public static (string[] Header, List<PublishedRow> Rows, ImportProblem? Problem) Read(TextReader reader, string file)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            return ([], [], new ImportProblem(file, 0, "", "the file is empty."));
        }
        string[] header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        // A column named twice would let one of the two be read silently and the other ignored.
        if (header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList() is { Count: > 0 } twice)
        {
            return (header, [], new ImportProblem(file, 1, twice[0], $"the header names {string.Join(", ", twice.Select(t => $"'{t}'"))} more than once: each column must appear once."));
        }
        var rows = new List<PublishedRow>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                cells[header[i]] = (csv.GetField(i) ?? "").Trim();
            }
            rows.Add(new PublishedRow(csv.Parser.RawRow, cells));
        }
        return (header, rows, null);
    }

    /// <summary>
    /// A published count: a non-negative whole number (digits, optionally grouped by commas as
    /// in "1,234"), or missing for "-" and "NA" — never zero. Anything else ("", "abc", "63.5",
    /// "-63", "1e20", too large) is a problem, not a missing value.
    /// </summary>
    public static PublishedValue Value(string text)
    {
        if (MissingMarks.Contains(text, StringComparer.Ordinal))
        {
            return new PublishedValue(null, null);
        }
        if (!IsWholeNumber(text))
        {
            return new PublishedValue(null, text.Length == 0
                ? "the value is empty: a count of delayed days, or - or NA for missing, is expected."
                : $"'{text}' is not a count of delayed days (a whole number 0 or more), nor - or NA for missing.");
        }
        return long.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out long days)
            ? new PublishedValue(days, null)
            : new PublishedValue(null, $"'{text}' is too large for a count of delayed days.");
    }

    private static bool IsWholeNumber(string text)
    {
        if (text.Length == 0 || text[0] == ',' || text[^1] == ',')
        {
            return false;
        }
        string[] groups = text.Split(',');
        // Either plain digits, or thousands groups: 1–3 digits, then groups of exactly 3.
        return groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))
            && (groups.Length == 1 || (groups[0].Length <= 3 && groups.Skip(1).All(g => g.Length == 3)));
    }
}
