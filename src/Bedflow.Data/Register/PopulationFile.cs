using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bedflow.Data.Register;

/// <summary>
/// What a population file holds: adults aged 18+ by council code, or null when the file has
/// problems (each with its line and column; then none of it is used).
/// </summary>
public sealed record PopulationRead(IReadOnlyDictionary<string, long>? Adults, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// A population file for ranking councils by rate (docs/register.md, <c>register benchmark
/// --population</c>): CSV (CsvHelper, UTF-8) with the header <c>code,adults</c>, then one row per
/// council — any of its codes, and its adults aged 18+, a whole number above 0. Blank lines are
/// skipped; fields are trimmed and may be quoted.
/// </summary>
public static class PopulationFile
{
    private const string Example = "such as E10000025,510000";

    /// <summary>Reads <paramref name="path"/>; every problem is reported, not just the first.</summary>
    public static PopulationRead Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ImportProblem>();
        var adults = new Dictionary<string, long>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = RegisterExtract.Open(path);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                TrimOptions = TrimOptions.Trim,
                DetectColumnCountChanges = false,
                MissingFieldFound = null,
                BadDataFound = bad => problems.Add(new ImportProblem(path, bad.Context.Parser!.RawRow, "", $"a quote inside an unquoted field: {bad.RawRecord.TrimEnd()}")),
            };
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader()
                || !csv.HeaderRecord!.Select(h => h.ToLowerInvariant()).SequenceEqual(["code", "adults"]))
            {
                return Failed(path, 1, "", $"the population file needs the header code,adults ({Example}).");
            }
            while (csv.Read())
            {
                int line = csv.Parser.RawRow;
                if (csv.Parser.Count == 1 && csv.GetField(0)!.Length == 0)
                {
                    continue; // a line of spaces
                }
                if (csv.Parser.Count != 2)
                {
                    problems.Add(new ImportProblem(path, line, "", $"expected 2 fields, a council code and a number of adults ({Example}), but found {csv.Parser.Count}."));
                    continue;
                }
                string code = csv.GetField(0)!;
                string number = csv.GetField(1)!;
                if (code.Length == 0)
                {
                    problems.Add(new ImportProblem(path, line, "code", $"is empty: give the council's code ({Example})."));
                }
                else if (lines.TryGetValue(code, out int first))
                {
                    problems.Add(new ImportProblem(path, line, "code", $"{code} is already on line {first.ToString(CultureInfo.InvariantCulture)}."));
                }
                if (!long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) || n <= 0)
                {
                    problems.Add(new ImportProblem(path, line, "adults", $"'{number}' is not a number of adults above 0 ({Example})."));
                }
                else if (code.Length > 0 && !lines.ContainsKey(code))
                {
                    adults[code] = n;
                    lines[code] = line;
                }
            }
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Failed(path, 0, "", "the file is not UTF-8 text.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, 0, "", $"cannot read the file: {e.Message}");
        }
        return problems.Count == 0 ? new PopulationRead(adults, []) : new PopulationRead(null, problems);
    }

    private static PopulationRead Failed(string path, int line, string column, string message) =>
        new(null, [new ImportProblem(path, line, column, message)]);
}
