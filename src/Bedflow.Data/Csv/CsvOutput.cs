using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bedflow.Data.Csv;

/// <summary>
/// The one way Bedflow writes CSV (CsvHelper): RFC 4180 fields, quoted only when they hold a comma,
/// a quote or a line break, "\n" line ends, the invariant culture. Callers format numbers
/// themselves, so each file keeps its own number format (docs/results.md, docs/delays.md).
/// </summary>
internal static class CsvOutput
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        // CsvHelper would also quote fields with a leading or trailing space; the published files do not.
        ShouldQuote = args => NeedsQuotes(args.Field),
        InjectionOptions = InjectionOptions.None,
    };

    /// <summary>A writer onto <paramref name="writer"/>, which it leaves open; dispose it to flush the last rows.</summary>
    public static CsvWriter Writer(TextWriter writer) => new(writer, Configuration, leaveOpen: true);

    /// <summary>Writes one row of fields as they are, and ends it.</summary>
    public static void Row(this CsvWriter csv, params ReadOnlySpan<string> fields)
    {
        foreach (string field in fields)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
    }

    /// <summary>One row as text, line end included, for a caller that builds a file itself.</summary>
    public static string Line(params ReadOnlySpan<string> fields)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Writer(text))
        {
            csv.Row(fields);
        }
        return text.ToString();
    }

    private static bool NeedsQuotes(string? field) => field is not null && field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
}
