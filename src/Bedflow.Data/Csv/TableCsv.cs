using System.Globalization;

namespace Bedflow.Data.Csv;

/// <summary>
/// A table of figures as CSV (the web app's downloads): the headings, then one line per row; text
/// as given, whole numbers plainly, other numbers with up to four decimals, the invariant culture;
/// a missing value (null or NaN) an empty field, never zero.
/// </summary>
public static class TableCsv
{
    /// <summary>Writes <paramref name="headings"/> and <paramref name="rows"/> (cells: string, int, long, double or null) to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvOutput.Writer(writer);
        csv.Row([.. headings]);
        foreach (var row in rows)
        {
            csv.Row([.. row.Select(Field)]);
        }
    }

    private static string Field(object? cell) => cell switch
    {
        null => "",
        string text => text,
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        int whole => whole.ToString(CultureInfo.InvariantCulture),
        double number => double.IsFinite(number) ? number.ToString("0.####", CultureInfo.InvariantCulture) : "",
        _ => throw new ArgumentException($"a table cell must be text, a number or null, not {cell.GetType().Name}.", nameof(cell)),
    };
}
