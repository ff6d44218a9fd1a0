using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bedflow.Data.Register;

/// <summary>Importing an extract: checks, the rejects file, faults in words.</summary>
public sealed partial class DelayRegister
{
    /// <summary>
    /// Imports an extract. Every row is checked first; with any bad row nothing is written unless
    /// <paramref name="skipInvalid"/>, in which case the good episodes go in and the bad rows (NHS
    /// numbers masked) go to FILE.rejects.csv. One transaction: an interruption changes nothing.
    /// </summary>
    public Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, CancellationToken cancel = default) =>
        ImportAsync(file, key, user, skipInvalid, null, false, null, cancel);

    /// <summary>As above, writing the bad rows to <paramref name="rejectsFile"/> (null = FILE.rejects.csv).</summary>
    public Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, string? rejectsFile, CancellationToken cancel = default) =>
        ImportAsync(file, key, user, skipInvalid, rejectsFile, false, null, cancel);

    /// <summary>
    /// As above; with <paramref name="rejectsWhenRefused"/> an import refused for bad rows (all or
    /// nothing, nothing written) still writes the rows it would have rejected to the rejects file —
    /// exactly the file <paramref name="skipInvalid"/> would have written — so they can be corrected
    /// (the web app's Import page). A file refused whole (a bad header, a row tied to no episode) has none.
    /// </summary>
    public Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, string? rejectsFile, bool rejectsWhenRefused, CancellationToken cancel = default) =>
        ImportAsync(file, key, user, skipInvalid, rejectsFile, rejectsWhenRefused, null, cancel);

    /// <summary>As above; <paramref name="afterEpisode"/> is called inside the transaction after each episode (tests use it to interrupt an import).</summary>
    internal Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, string? rejectsFile, Action<int>? afterEpisode, CancellationToken cancel) =>
        ImportAsync(file, key, user, skipInvalid, rejectsFile, false, afterEpisode, cancel);

    private async Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, string? rejectsFile, bool rejectsWhenRefused, Action<int>? afterEpisode, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(key);
        List<ExtractEpisode> episodes;
        List<ImportProblem> problems;
        Dictionary<int, string[]> bad;
        bool fatal;
        string[] header;
        try
        {
            using var reader = RegisterExtract.Open(file);
            (episodes, problems, bad) = RegisterExtract.Read(reader, file, key, _cipher, out fatal, out header);
        }
        catch (DecoderFallbackException)
        {
            return new ImportReport(0, 0, 0, 0, [new ImportProblem(file, 0, "", "the file is not UTF-8 text (save it as CSV UTF-8); nothing was imported.")], null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return new ImportReport(0, 0, 0, 0, [new ImportProblem(file, 0, "", "the file cannot be read: it does not exist or is not a file.")], null);
        }
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        // Every row the file holds apart from the header and blank rows: in an episode, or bad (or kept out with a bad one).
        int rows = episodes.SelectMany(e => e.Lines).Concat(bad.Keys).Distinct().Count();
        ImportReport Counted(ImportReport report) => report with { RowsRead = rows };
        // Refused (all or nothing) for bad rows, with their rejects wanted all the same: written as below, the register untouched.
        bool refusedWithRejects = rejectsWhenRefused && problems.Count > 0 && !skipInvalid && !fatal && bad.Count > 0;
        if (problems.Count > 0 && (!skipInvalid || fatal) && !refusedWithRejects)
        {
            return Counted(new ImportReport(0, 0, 0, bad.Count, problems, null));
        }
        if (bad.Values.Any(v => ReferenceEquals(v, RegisterExtract.KeptOut)))
        {
            // Good rows kept out with their episodes go to the rejects file whole (masked), to be corrected and imported again.
            using var again = RegisterExtract.Open(file);
            RegisterExtract.FillKeptOut(again, bad, Array.FindIndex(header, h => h.Trim().Equals(RegisterExtract.LocalNumberColumn, StringComparison.OrdinalIgnoreCase)));
        }
        // The rejects file is written in full before the database is touched (so a full disk or a
        // folder that cannot be written stops the import first), under a name of this import's own,
        // and put in place only once the import has committed.
        string? rejects = bad.Count > 0 ? Path.GetFullPath(rejectsFile ?? file + ".rejects.csv") : null;
        if (rejects is not null && RejectsProblem(file, rejects) is { } wrong)
        {
            return Counted(new ImportReport(0, 0, 0, bad.Count, [.. problems, new ImportProblem(file, 0, "", wrong)], null));
        }
        string? staging = rejects is null ? null : $"{rejects}.{Guid.NewGuid():N}.partial";
        try
        {
            if (rejects is not null)
            {
                await WriteRejectsAsync(staging!, header, bad, problems, cancel).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            return Counted(new ImportReport(0, 0, 0, bad.Count, problems, null) { Failure = $"cannot write the rejects file {rejects}: {e.Message} Nothing was imported." });
        }
        if (refusedWithRejects)
        {
            var refusedReport = Counted(new ImportReport(0, 0, 0, bad.Count, problems, rejects));
            try
            {
                File.Move(staging!, rejects!, overwrite: true);
                return refusedReport;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return refusedReport with { RejectsFile = staging, Failure = $"nothing was imported, and the rejects file could not be put at {rejects} ({e.Message}): the rejected rows are in {staging}." };
            }
        }
        ((int Inserted, int Updated, int Unchanged) Written, ImportProblem? Refused) result;
        try
        {
            result = await WriteAsync(file, episodes, key, user, afterEpisode, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or RegisterBusyException or TimeoutException)
        {
            TryDelete(staging);
            return Counted(new ImportReport(0, 0, 0, bad.Count, problems, null) { Failure = Describe(e) + (e is RegisterBusyException ? "" : ". Nothing was imported: the register is as it was.") });
        }
        var (written, refused) = result;
        if (refused is not null)
        {
            TryDelete(staging);
            return Counted(new ImportReport(0, 0, 0, 0, [refused], null));
        }
        var report = new ImportReport(written.Inserted, written.Updated, written.Unchanged, bad.Count, problems, rejects) { Imported = true };
        if (rejects is not null)
        {
            try
            {
                File.Move(staging!, rejects, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The import has committed: say so, and where the rejected rows are.
                return Counted(report) with { RejectsFile = staging, Failure = $"the import committed, but the rejects file could not be put at {rejects} ({e.Message}): the rejected rows are in {staging}." };
            }
        }
        return Counted(report);
    }

    /// <summary>Why the rejects file cannot go at <paramref name="rejects"/> (a folder, the extract itself, the register's own file), or null.</summary>
    private string? RejectsProblem(string file, string rejects)
    {
        if (Directory.Exists(rejects))
        {
            return $"the rejects file {rejects} is a folder: give a file name (--rejects).";
        }
        if (string.Equals(rejects, Path.GetFullPath(file), StringComparison.Ordinal))
        {
            return "the rejects file would overwrite the extract itself: give another --rejects.";
        }
        if (db.SqliteFile is { } register && string.Equals(rejects, Path.GetFullPath(register), StringComparison.Ordinal))
        {
            return "the rejects file would overwrite the register's database: give another --rejects.";
        }
        return null;
    }

    /// <summary>What went wrong outside the input (a full disk, a lost connection, a lock held too long), in one line of words.</summary>
    public static string Describe(Exception e)
    {
        string first = e.Message.Split('\n')[0].Trim();
        string what = e switch
        {
            SqliteException { SqliteErrorCode: 13 } => "the disk holding the register is full",
            IOException io when io.HResult is 28 or 0x70 or unchecked((int)0x80070070) => $"the disk is full ({first})",
            NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } => $"the connection to the PostgreSQL server was lost ({first})",
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => $"the PostgreSQL server ended the connection ({first})",
            RegisterBusyException => first,
            DbException => $"the database failed: {first}",
            _ => $"reading or writing failed: {first}",
        };
        return NhsNumber.Redact(what);
    }

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover .partial file is harmless: it is masked and never read.
        }
    }


    private static async Task WriteRejectsAsync(string path, string[] header, Dictionary<int, string[]> bad, List<ImportProblem> problems, CancellationToken cancel)
    {
        var text = new StringBuilder(Csv.CsvOutput.Line(["line", "problems", .. header]));
        var byLine = problems.ToLookup(p => p.Line);
        foreach (var (line, fields) in bad.OrderBy(b => b.Key))
        {
            string why = string.Join(" | ", byLine[line].Select(p => $"{p.Column}: {p.Message}"));
            text.Append(Csv.CsvOutput.Line([line.ToString(CultureInfo.InvariantCulture), why, .. fields]));
        }
        await File.WriteAllTextAsync(path, text.ToString(), cancel).ConfigureAwait(false);
    }
}
