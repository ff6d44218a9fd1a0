namespace Bedflow.Data.Register;

internal static partial class RegisterExtract
{
    /// <summary>The extract's columns, in the documented order (docs/register.md); any order is read.</summary>
    public static readonly string[] Columns =
        ["provider", "nhs_number", "admitted", "ready_for_transfer", "discharged", "service", "bed_type", "destination", "reason", "responsible", "reason_from", "adult", LocalNumberColumn];

    /// <summary>The optional column of a local hospital number (kept encrypted, like the NHS number).</summary>
    public const string LocalNumberColumn = "local_number";

    private static readonly string[] Required = ["provider", "nhs_number", "admitted", "service", "bed_type"];

    /// <summary>Why the header (trimmed, lower case) cannot be read, or null. Never echoes a cell that may be data.</summary>
    private static string? HeaderProblem(string[] header)
    {
        if (header.Length <= 2 && header.Any(h => h.Contains(';', StringComparison.Ordinal)))
        {
            return "the file looks semicolon-separated: Bedflow reads comma-separated UTF-8 (in Excel: Save As, CSV UTF-8).";
        }
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        var twice = header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count == 0 && unknown.Count == 0 && twice.Count == 0)
        {
            return null;
        }
        // A "column name" with digits is data: the header row is missing. Never echo it (it may be an NHS number).
        if (unknown.Any(u => u.Any(char.IsAsciiDigit)))
        {
            return $"the first row holds values, not column names: is the header row missing? Expected: {string.Join(", ", Columns)}.";
        }
        return ((missing.Count > 0 ? $"missing column(s): {string.Join(", ", missing)}. " : "")
            + string.Join(" ", twice.Select(t => $"column '{t}' appears {header.Count(h => h == t)} times: each column once.")) + (twice.Count > 0 ? " " : "")
            + string.Join(" ", unknown.Select(u => $"unknown column '{u}'.{Scenarios.Suggest.DidYouMean(u, Columns)}"))
            + $" Expected: {string.Join(", ", Columns)}.").Replace("  ", " ", StringComparison.Ordinal);
    }
}
