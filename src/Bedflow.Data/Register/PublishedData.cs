using System.Data.Common;
using System.Globalization;
using Bedflow.Core.Vocabulary;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>What an import of published data did.</summary>
public sealed record PublishedImport(string Kind, int Councils, int Months, int Values, int Missing, IReadOnlyList<string> Notes, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>True when the file was imported.</summary>
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// NHS England's published monthly delayed days by council (the two files in shared/data): by
/// reason, with codes; and by responsible organisation, with names only. How the importer copes
/// with the mess: a council is identified by its current E-code across the change from old
/// numeric codes (Oxfordshire is 608 until 2015, E10000025 after), found by its unchanged name;
/// Dorset's old code 809 goes to Dorset County Council (E10000009), which is a different council
/// from the Dorset Council of April 2019 (E06000059), and Bournemouth, Christchurch and Poole
/// (E06000058) is a new council, not a continuation of Bournemouth or Poole — a tested mapping
/// table; "-" and "NA" are missing values, never zero, and any other cell that is not a count is
/// an error; rows for one council and month that disagree are an error (exact repeats count
/// once); the England row is a total, kept apart
/// from the councils; the organisation file's names are matched to codes through the reason file
/// for the same month (import that first).
/// </summary>
public static class PublishedData
{
    /// <summary>England's total (not a council).</summary>
    public const string England = "E92000001";

    /// <summary>Old numeric codes whose council the name alone cannot tell (two councils called Dorset).</summary>
    public static IReadOnlyDictionary<string, string> CodeMapping { get; } = new Dictionary<string, string>
    {
        ["809"] = "E10000009", // Dorset County Council, not the Dorset Council formed in April 2019 (E06000059)
    };

    private const string TotalColumn = "Total Delayed Transfers of Care";

    // The by-reason file's column of each reason, A to O; the organisation file's columns NHS, Social Care, Both.
    private static readonly (string Column, DelayReason Reason)[] ReasonColumns = [.. DelayReasonWords.Table.Rows.Select(r => (r.PublishedColumn, r.Value))];

    private static readonly string[] OrganisationColumns = [.. ResponsibilityWords.Table.Rows.Select(r => r.ExtractColumn)];

    /// <summary>Imports one of the two published files (recognised by its header), in one transaction; re-importing changes nothing.</summary>
    public static async Task<PublishedImport> ImportAsync(RegisterDatabase db, string file, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<PublishedRow> rows;
        string[] header;
        try
        {
            using var reader = RegisterExtract.Open(file);
            var (h, r, problem) = PublishedCsv.Read(reader, file);
            if (problem is not null)
            {
                return Failed(problem);
            }
            (header, rows) = (h, r);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Failed(file, "the file is not UTF-8 text.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(file, $"the file cannot be read: {e.Message}");
        }
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        PublishedImport result;
        if (header.Contains("Code") && header.Contains("Name") && header.Contains("Period") && ReasonColumns.All(c => header.Contains(c.Column)))
        {
            result = await ImportReasonsAsync(connection, transaction, file, rows).ConfigureAwait(false);
        }
        else if (header.SequenceEqual(["Name", .. OrganisationColumns, "Period_year"]))
        {
            result = await ImportOrganisationsAsync(connection, transaction, file, rows).ConfigureAwait(false);
        }
        else
        {
            return Failed(file, $"this is neither published file: expected the by-reason columns (Code, Name, {ReasonColumns[0].Column}, …, Period) or Name, NHS, Social Care, Both, Period_year; found {string.Join(", ", header)}.");
        }
        if (result.Imported)
        {
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        return result;
    }

    private static async Task<PublishedImport> ImportReasonsAsync(DbConnection c, DbTransaction t, string file, List<PublishedRow> rows)
    {
        var problems = new List<ImportProblem>();
        var notes = new List<string>();
        // A council's current code: the E-code its name has in the data (or the mapping table).
        var eCodeByName = rows.Where(r => r["Code"].StartsWith('E')).GroupBy(r => r["Name"]).ToDictionary(g => g.Key, g => g.Select(r => r["Code"]).Distinct().ToList());
        string? Canonical(string code, string name, int line)
        {
            if (code == "-" && name == "England")
            {
                return England;
            }
            if (code.StartsWith('E'))
            {
                return code;
            }
            if (CodeMapping.TryGetValue(code, out var mapped))
            {
                return mapped;
            }
            if (eCodeByName.TryGetValue(name, out var codes) && codes.Count == 1)
            {
                return codes[0];
            }
            problems.Add(new ImportProblem(file, line, "Code", $"old code {code} ({name}) matches {(codes is null ? "no" : "several")} current codes: add it to the mapping table."));
            return null;
        }
        int missing = 0, values = 0;
        var months = new HashSet<string>();
        var councils = new HashSet<string>();
        var seen = new PublishedRows(file, problems);
        string[] columns = ReasonColumns.Select(rc => rc.Column).ToArray();
        foreach (var r in rows)
        {
            int line = r.Line;
            string? month = Month(r["Period"]);
            if (month is null)
            {
                problems.Add(new ImportProblem(file, line, "Period", $"'{r["Period"]}' is not a month such as April 2019."));
                continue;
            }
            string? council = Canonical(r["Code"], r["Name"], line);
            var days = Values(file, r, columns, problems);
            if (r.Cells.ContainsKey(TotalColumn))
            {
                Values(file, r, [TotalColumn], problems); // not stored (it is the sum), but checked like the rest
            }
            if (council is null || days is null || !seen.IsFirst(r, (council, month), days, columns, $"{r["Name"]} ({council}) in {r["Period"]}"))
            {
                continue;
            }
            months.Add(month);
            councils.Add(council);
            if (problems.Count > 0)
            {
                continue; // nothing will be imported: go on checking, stop writing
            }
            await Upsert(c, t, "INSERT INTO published_councils (code, name, is_total) VALUES (@council, @name, @total) ON CONFLICT (code) DO UPDATE SET name = excluded.name",
                new { council, name = r["Name"], total = council == England ? 1 : 0 }).ConfigureAwait(false);
            if (r["Code"] != "-")
            {
                await Upsert(c, t, "INSERT INTO published_codes (code, council) VALUES (@code, @council) ON CONFLICT (code) DO NOTHING", new { code = r["Code"], council }).ConfigureAwait(false);
            }
            for (int k = 0; k < ReasonColumns.Length; k++)
            {
                missing += days[k] is null ? 1 : 0;
                values++;
                await Upsert(c, t, "INSERT INTO published_days (council, month, reason, days) VALUES (@council, @month, @reason, @days) ON CONFLICT (council, month, reason) DO UPDATE SET days = excluded.days",
                    new { council, month, reason = DelayReasonWords.Code(ReasonColumns[k].Reason), days = days[k] }).ConfigureAwait(false);
            }
        }
        notes.Add($"{councils.Count - (councils.Contains(England) ? 1 : 0)} councils and the England total over {months.Count} months; {missing} of {values} values missing ('-' or 'NA'), kept as missing, not zero.");
        Repeats(notes, seen.Repeated);
        notes.Add("Old numeric codes are mapped to current E-codes by name; 809 (Dorset) → E10000009 (Dorset County Council), separate from E06000059 (Dorset Council, 2019); E06000058 (Bournemouth, Christchurch and Poole) is a new council.");
        return new PublishedImport("by reason", councils.Count(x => x != England), months.Count, values, missing, notes, problems);
    }

    private static async Task<PublishedImport> ImportOrganisationsAsync(DbConnection c, DbTransaction t, string file, List<PublishedRow> rows)
    {
        var problems = new List<ImportProblem>();
        var lookup = (await c.QueryAsync<(string Name, string Month, string Council)>(
            "SELECT DISTINCT pc.name, pd.month, pd.council FROM published_days pd JOIN published_councils pc ON pc.code = pd.council", transaction: t).ConfigureAwait(false))
            .ToLookup(x => (x.Name, x.Month), x => x.Council);
        if (lookup.Count == 0)
        {
            return Failed(file, "the organisation file has names but no codes: import the by-reason file first, so that names can be matched to councils month by month.");
        }
        int missing = 0, values = 0;
        var councils = new HashSet<string>();
        var months = new HashSet<string>();
        var seen = new PublishedRows(file, problems);
        string[] columns = OrganisationColumns;
        foreach (var r in rows)
        {
            int line = r.Line;
            string? month = Month(r["Period_year"]);
            var matches = month is null ? [] : lookup[(r["Name"], month)].Distinct().ToList();
            var days = Values(file, r, columns, problems);
            if (matches.Count != 1)
            {
                problems.Add(new ImportProblem(file, line, "Name", month is null ? $"'{r["Period_year"]}' is not a month."
                    : $"'{r["Name"]}' in {r["Period_year"]} matches {matches.Count} councils in the by-reason data."));
                continue;
            }
            if (days is null || !seen.IsFirst(r, (matches[0], month!), days, columns, $"{r["Name"]} in {r["Period_year"]}"))
            {
                continue;
            }
            councils.Add(matches[0]);
            months.Add(month!);
            missing += days.Count(v => v is null);
            values += 3;
            if (problems.Count > 0)
            {
                continue;
            }
            await Upsert(c, t, "INSERT INTO published_org_days (council, month, nhs, social_care, both_orgs) VALUES (@council, @month, @nhs, @social, @both) ON CONFLICT (council, month) DO UPDATE SET nhs = excluded.nhs, social_care = excluded.social_care, both_orgs = excluded.both_orgs",
                new { council = matches[0], month, nhs = days[0], social = days[1], both = days[2] }).ConfigureAwait(false);
        }
        var notes = new List<string> { $"Names matched to councils through the by-reason data month by month; {missing} of {values} values missing, kept as missing." };
        Repeats(notes, seen.Repeated);
        return new PublishedImport("by organisation", councils.Count(x => x != England), months.Count, values, missing, notes, problems);
    }

    /// <summary>"April 2019" → "2019-04".</summary>
    internal static string? Month(string period) =>
        DateTime.TryParseExact(period, "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;

    /// <summary>The counts in <paramref name="columns"/> (null entries for missing), or null after adding a problem for each cell that is not a count.</summary>
    private static long?[]? Values(string file, PublishedRow r, string[] columns, List<ImportProblem> problems)
    {
        var days = new long?[columns.Length];
        bool valid = true;
        for (int k = 0; k < columns.Length; k++)
        {
            var v = PublishedCsv.Value(r[columns[k]]);
            if (v.Problem is { } problem)
            {
                problems.Add(new ImportProblem(file, r.Line, columns[k], problem));
                valid = false;
            }
            days[k] = v.Days;
        }
        return valid ? days : null;
    }

    private static void Repeats(List<string> notes, int repeated)
    {
        if (repeated > 0)
        {
            notes.Add($"{repeated} row(s) repeated an earlier row for the same council and month with the same values: imported once.");
        }
    }

    private static Task<int> Upsert(DbConnection c, DbTransaction t, string sql, object args) => c.ExecuteAsync(sql, args, t);

    private static PublishedImport Failed(string file, string message) => Failed(new ImportProblem(file, 0, "", message));

    private static PublishedImport Failed(ImportProblem problem) => new("", 0, 0, 0, 0, [], [problem]);
}
