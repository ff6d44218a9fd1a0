using System.Data.Common;
using System.Globalization;
using System.Text;
using Bedflow.Core.Delays;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bedflow.Data.Register;

/// <summary>What an import did.</summary>
public sealed record ImportReport(int Inserted, int Updated, int Unchanged, int RejectedLines, IReadOnlyList<ImportProblem> Problems, string? RejectsFile)
{
    /// <summary>True when something was written (or nothing needed to be).</summary>
    public bool Imported { get; init; }

    /// <summary>
    /// Why the import failed for a reason outside the file (a full disk, a lost connection, a rejects
    /// file that cannot be written, another import holding the lock too long), or null. Nothing was written.
    /// </summary>
    public string? Failure { get; init; }
}

/// <summary>A patient delayed now: pseudonymous (no NHS number), with how long and why.</summary>
public sealed record CurrentDelay(long Patient, string Provider, string Service, SitRepBeds Beds, DateTime Ready, double Days, DelayReason Reason, Responsibility Responsible);

/// <summary>
/// The delay register: imports patient-level extracts safely (all or nothing, idempotent,
/// audited) and gives back the same <see cref="DelayRecord"/>s the simulator produces, so one
/// metrics module counts both.
/// </summary>
public sealed class DelayRegister(RegisterDatabase db)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// Imports an extract. Every row is checked first; with any bad row nothing is written unless
    /// <paramref name="skipInvalid"/>, in which case the good episodes go in and the bad rows (NHS
    /// numbers masked) go to FILE.rejects.csv. One transaction: an interruption changes nothing.
    /// </summary>
    public Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, CancellationToken cancel = default) =>
        ImportAsync(file, key, user, skipInvalid, null, null, cancel);

    /// <summary>As above, writing the bad rows to <paramref name="rejectsFile"/> (null = FILE.rejects.csv).</summary>
    public Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, string? rejectsFile, CancellationToken cancel = default) =>
        ImportAsync(file, key, user, skipInvalid, rejectsFile, null, cancel);

    /// <summary>As above; <paramref name="afterEpisode"/> is called inside the transaction after each episode (tests use it to interrupt an import).</summary>
    internal async Task<ImportReport> ImportAsync(string file, byte[] key, string user, bool skipInvalid, string? rejectsFile, Action<int>? afterEpisode, CancellationToken cancel)
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
            (episodes, problems, bad) = RegisterExtract.Read(reader, file, key, out fatal, out header);
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
        if (problems.Count > 0 && (!skipInvalid || fatal))
        {
            return new ImportReport(0, 0, 0, bad.Count, problems, null);
        }
        if (bad.Values.Any(v => ReferenceEquals(v, RegisterExtract.KeptOut)))
        {
            // Good rows kept out with their episodes go to the rejects file whole (masked), to be corrected and imported again.
            using var again = RegisterExtract.Open(file);
            RegisterExtract.FillKeptOut(again, bad);
        }
        // The rejects file is written in full before the database is touched (so a full disk or a
        // folder that cannot be written stops the import first), under a name of this import's own,
        // and put in place only once the import has committed.
        string? rejects = bad.Count > 0 ? Path.GetFullPath(rejectsFile ?? file + ".rejects.csv") : null;
        if (rejects is not null && RejectsProblem(file, rejects) is { } wrong)
        {
            return new ImportReport(0, 0, 0, bad.Count, [.. problems, new ImportProblem(file, 0, "", wrong)], null);
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
            return new ImportReport(0, 0, 0, bad.Count, problems, null) { Failure = $"cannot write the rejects file {rejects}: {e.Message} Nothing was imported." };
        }
        ((int Inserted, int Updated, int Unchanged) Written, ImportProblem? Refused) result;
        try
        {
            result = await WriteAsync(file, episodes, key, user, afterEpisode, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or RegisterBusyException or TimeoutException)
        {
            TryDelete(staging);
            return new ImportReport(0, 0, 0, bad.Count, problems, null) { Failure = Describe(e) + (e is RegisterBusyException ? "" : ". Nothing was imported: the register is as it was.") };
        }
        var (written, refused) = result;
        if (refused is not null)
        {
            TryDelete(staging);
            return new ImportReport(0, 0, 0, 0, [refused], null);
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
                return report with { RejectsFile = staging, Failure = $"the import committed, but the rejects file could not be put at {rejects} ({e.Message}): the rejected rows are in {staging}." };
            }
        }
        return report;
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

    /// <summary>Writes the episodes in one transaction under the write lock; or the problem that refused them (a different key).</summary>
    private async Task<((int Inserted, int Updated, int Unchanged) Written, ImportProblem? Refused)> WriteAsync(string file, List<ExtractEpisode> episodes, byte[] key, string user,
        Action<int>? afterEpisode, CancellationToken cancel)
    {
        int inserted = 0, updated = 0, unchanged = 0;
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using (var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false))
        {
            // One key per register: a different key would hash every patient anew and double the register.
            string fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, "bedflow-register-key-check"u8));
            string? known = await connection.ExecuteScalarAsync<string?>("SELECT value FROM register_meta WHERE name = 'key_fingerprint'", transaction: transaction).ConfigureAwait(false);
            if (known is null)
            {
                await connection.ExecuteAsync("INSERT INTO register_meta (name, value) VALUES ('key_fingerprint', @fingerprint)", new { fingerprint }, transaction).ConfigureAwait(false);
            }
            else if (known != fingerprint)
            {
                return ((0, 0, 0), new ImportProblem(file, 0, "", $"this register was built with a different {NhsNumber.KeyVariable}: with another key every patient would be stored again as a new one. Use the register's key; nothing was imported."));
            }
            string now = DateTime.UtcNow.ToString(TimeFormat, CultureInfo.InvariantCulture);
            // Providers and their services are registered as they first appear (name = code until named).
            foreach (var (provider, service, beds) in episodes.Select(e => (e.Provider, e.Service, e.Beds)).Distinct())
            {
                await connection.ExecuteAsync("INSERT INTO organisations (code, name, kind) VALUES (@provider, @provider, 'provider') ON CONFLICT (code) DO NOTHING", new { provider }, transaction).ConfigureAwait(false);
                await connection.ExecuteAsync("INSERT INTO services (provider, name, beds) VALUES (@provider, @service, @beds) ON CONFLICT (provider, name) DO UPDATE SET beds = excluded.beds",
                    new { provider, service, beds = SitRepCodes.Code(beds) }, transaction).ConfigureAwait(false);
            }
            // Work in batches: a few statements per few hundred episodes, not several per episode.
            for (int from = 0; from < episodes.Count; from += BatchSize)
            {
                var batch = episodes.GetRange(from, Math.Min(BatchSize, episodes.Count - from));
                var patients = await PatientsAsync(connection, transaction, batch, cancel).ConfigureAwait(false);
                var stored = await StoredEpisodesAsync(connection, transaction, patients.Values.Distinct().ToList()).ConfigureAwait(false);
                var fresh = new List<(ExtractEpisode Episode, long Patient)>();
                var audit = new List<(long Episode, string Action, string Detail)>();
                for (int i = 0; i < batch.Count; i++)
                {
                    cancel.ThrowIfCancellationRequested();
                    afterEpisode?.Invoke(from + i);
                    var e = batch[i];
                    long patient = patients[e.NhsHash];
                    var row = Row(e, patient);
                    if (!stored.TryGetValue((e.Provider, patient, row.Admitted), out var existing))
                    {
                        fresh.Add((e, patient));
                        continue;
                    }
                    var changes = existing.Changes(row, Reasons(e));
                    if (changes.Count == 0)
                    {
                        unchanged++;
                        continue;
                    }
                    await connection.ExecuteAsync(
                        $"UPDATE episodes SET ready = {db.Time("Ready")}, discharged = {db.Time("Discharged")}, service = @Service, beds = @Beds, destination = @Destination, adult = @Adult WHERE id = @Id",
                        new { row.Ready, row.Discharged, row.Service, row.Beds, row.Destination, row.Adult, existing.Id }, transaction).ConfigureAwait(false);
                    await connection.ExecuteAsync("DELETE FROM delay_reasons WHERE episode_id = @Id", new { existing.Id }, transaction).ConfigureAwait(false);
                    await InsertReasonsAsync(connection, transaction, [(existing.Id, e)]).ConfigureAwait(false);
                    audit.Add((existing.Id, "updated", string.Join("; ", changes)));
                    updated++;
                }
                var ids = await InsertEpisodesAsync(connection, transaction, fresh).ConfigureAwait(false);
                await InsertReasonsAsync(connection, transaction, [.. fresh.Select((f, i) => (ids[i], f.Episode))]).ConfigureAwait(false);
                audit.AddRange(fresh.Select((f, i) => (ids[i], "inserted", $"episode of patient {f.Patient} at {f.Episode.Provider} from {T(f.Episode.Admitted)}")));
                await AuditAsync(connection, transaction, now, user, audit).ConfigureAwait(false);
                inserted += fresh.Count;
            }
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        return ((inserted, updated, unchanged), null);
    }


    /// <summary>Every stay in the register as a delay record (no identifiers): what the SitRep figures are counted from.</summary>
    public Task<IReadOnlyList<DelayRecord>> DelayRecordsAsync(CancellationToken cancel = default) => RecordsAsync("", new { }, cancel);

    /// <summary>
    /// The stays that can count on the days <paramref name="first"/> to <paramref name="last"/>: ready
    /// before the period ends and not discharged before it starts (delayed days, snapshots and
    /// discharges outside it are not needed). Reads only those, not the whole register.
    /// </summary>
    public Task<IReadOnlyList<DelayRecord>> DelayRecordsAsync(DateOnly first, DateOnly last, CancellationToken cancel = default) =>
        RecordsAsync($"WHERE e.ready IS NOT NULL AND e.ready < {db.Time("end")} AND (e.discharged IS NULL OR e.discharged >= {db.Time("start")})",
            new { start = T(first.ToDateTime(TimeOnly.MinValue)), end = T(last.AddDays(1).ToDateTime(TimeOnly.MinValue)) }, cancel);

    private async Task<IReadOnlyList<DelayRecord>> RecordsAsync(string where, object parameters, CancellationToken cancel)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var episodes = await connection.QueryAsync<(long Id, string Service, string Beds, string Admitted, string? Ready, string? Discharged, string? Destination, int Adult)>(
            $"SELECT e.id, e.service, e.beds, {db.TimeText("e.admitted", "admitted")}, {db.TimeText("e.ready", "ready")}, {db.TimeText("e.discharged", "discharged")}, e.destination, e.adult FROM episodes e {where}", parameters).ConfigureAwait(false);
        var reasons = (await connection.QueryAsync<(long Episode, string From, string Reason, string Responsible)>(
            $"SELECT r.episode_id, {db.TimeText("r.from_time", "from_time")}, r.reason, r.responsible FROM delay_reasons r JOIN episodes e ON e.id = r.episode_id {where} ORDER BY r.episode_id, r.from_time", parameters).ConfigureAwait(false)).ToLookup(r => r.Episode);
        return [.. episodes.Select(e => new DelayRecord
        {
            Service = e.Service,
            Beds = Stored(SitRepCodes.Beds(e.Beds), e.Beds),
            Adult = e.Adult != 0,
            Admitted = P(e.Admitted)!.Value,
            Ready = P(e.Ready),
            Exit = P(e.Discharged),
            Pathway = e.Destination is { } d && d != "none" ? Enum.Parse<DischargePathway>(d) : null,
            Reasons = [.. reasons[e.Id].Select(r => new ReasonChange(P(r.From)!.Value, Stored(SitRepCodes.Reason(r.Reason), r.Reason), Stored(SitRepCodes.Responsible(r.Responsible), r.Responsible)))],
        })];
    }

    /// <summary>Patients delayed at <paramref name="now"/>: ready, not discharged; with their current reason.</summary>
    public async Task<IReadOnlyList<CurrentDelay>> CurrentDelaysAsync(DateTime now, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var open = await connection.QueryAsync<(long Id, long Patient, string Provider, string Service, string Beds, string Ready)>(
            $"SELECT id, patient_id, provider, service, beds, {db.TimeText("ready", "ready")} FROM episodes WHERE ready IS NOT NULL AND ready <= {db.Time("now")} AND (discharged IS NULL OR discharged > {db.Time("now")})",
            new { now = T(now) }).ConfigureAwait(false);
        // The reasons of all open delays in one query, not one per patient.
        var reasons = (await connection.QueryAsync<(long Episode, string From, string Reason, string Responsible)>(
            $"SELECT r.episode_id, {db.TimeText("r.from_time", "from_time")}, r.reason, r.responsible FROM delay_reasons r JOIN episodes e ON e.id = r.episode_id WHERE e.ready IS NOT NULL AND e.ready <= {db.Time("now")} AND (e.discharged IS NULL OR e.discharged > {db.Time("now")}) AND r.from_time <= {db.Time("now")}",
            new { now = T(now) }).ConfigureAwait(false)).ToLookup(r => r.Episode);
        var list = new List<CurrentDelay>();
        foreach (var e in open)
        {
            (string Reason, string Responsible)? reason = reasons[e.Id].OrderBy(r => r.From, StringComparer.Ordinal).Select(r => ((string, string)?)(r.Reason, r.Responsible)).LastOrDefault();
            var ready = P(e.Ready)!.Value;
            list.Add(new CurrentDelay(e.Patient, e.Provider, e.Service, Stored(SitRepCodes.Beds(e.Beds), e.Beds), ready, (now - ready).TotalDays,
                reason is { } r ? Stored(SitRepCodes.Reason(r.Reason), r.Reason) : DelayReason.O, reason is { } r2 ? Stored(SitRepCodes.Responsible(r2.Responsible), r2.Responsible) : Responsibility.Nhs));
        }
        return [.. list.OrderByDescending(d => d.Days)];
    }

    /// <summary>Rows of the audit log, newest last.</summary>
    public async Task<IReadOnlyList<(string At, string Who, string Action, long? Episode, string Detail)>> AuditAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return [.. await connection.QueryAsync<(string, string, string, long?, string)>($"SELECT {db.TimeText("at_utc", "at_utc")}, who, action, episode_id, detail FROM audit ORDER BY id").ConfigureAwait(false)];
    }

    /// <summary>Providers and their services known to the register.</summary>
    public async Task<IReadOnlyList<(string Provider, string Service, string Beds)>> ServicesAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return [.. await connection.QueryAsync<(string, string, string)>("SELECT provider, name, beds FROM services ORDER BY provider, name").ConfigureAwait(false)];
    }

    /// <summary>Counts of patients, episodes and reason periods (for checks).</summary>
    public async Task<(long Patients, long Episodes, long Reasons)> CountsAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM patients").ConfigureAwait(false),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes").ConfigureAwait(false),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM delay_reasons").ConfigureAwait(false));
    }

    /// <summary>Episodes per batch: a few hundred rows per statement, well inside both engines' parameter limits.</summary>
    private const int BatchSize = 400;

    /// <summary>"IN @name" (SQLite: Dapper expands the list) or "= ANY(@name)" (PostgreSQL: Dapper passes an array).</summary>
    private string In(string name) => db.Engine == RegisterEngine.Postgres ? $"= ANY(@{name})" : $"IN @{name}";

    private bool Sqlite => db.Engine == RegisterEngine.Sqlite;

    private static EpisodeRow Row(ExtractEpisode e, long patient) =>
        new(e.Provider, patient, T(e.Admitted)!, T(e.Ready), T(e.Discharged), e.Service, SitRepCodes.Code(e.Beds), e.Destination, e.Adult ? 1 : 0);

    private static string Reasons(ExtractEpisode e) => string.Join(";", e.Reasons.Select(r => $"{T(r.From)} {SitRepCodes.Code(r.Reason)} {SitRepCodes.Code(r.Responsible)}"));

    /// <summary>The register key of every patient in the batch, adding the new ones (two statements).</summary>
    private async Task<Dictionary<string, long>> PatientsAsync(DbConnection c, DbTransaction t, List<ExtractEpisode> batch, CancellationToken cancel)
    {
        var hashes = batch.Select(e => e.NhsHash).Distinct().ToList();
        var known = (await c.QueryAsync<(long Id, string Hash)>($"SELECT id, nhs_hash FROM patients WHERE nhs_hash {In("hashes")}", new { hashes }, t).ConfigureAwait(false))
            .ToDictionary(p => p.Hash, p => p.Id);
        var added = hashes.Where(h => !known.ContainsKey(h)).ToList();
        if (Sqlite)
        {
            // SQLite is in the process: a statement per row costs no round trip, and binding thousands of named parameters would.
            foreach (string hash in added)
            {
                known[hash] = await c.ExecuteScalarAsync<long>("INSERT INTO patients (nhs_hash) VALUES (@hash) RETURNING id", new { hash }, t).ConfigureAwait(false);
            }
        }
        else if (added.Count > 0)
        {
            cancel.ThrowIfCancellationRequested();
            var parameters = new DynamicParameters();
            var values = new StringBuilder();
            for (int i = 0; i < added.Count; i++)
            {
                parameters.Add($"h{i}", added[i]);
                values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@h{i})");
            }
            foreach (var (id, hash) in await c.QueryAsync<(long, string)>($"INSERT INTO patients (nhs_hash) VALUES {values} RETURNING id, nhs_hash", parameters, t).ConfigureAwait(false))
            {
                known[hash] = id;
            }
        }
        return known;
    }

    /// <summary>The stored episodes (with their reasons) of these patients, by provider, patient and admission.</summary>
    private async Task<Dictionary<(string, long, string), StoredEpisode>> StoredEpisodesAsync(DbConnection c, DbTransaction t, List<long> patients)
    {
        var episodes = (await c.QueryAsync<StoredEpisode>(
            $"SELECT id, provider, patient_id AS PatientId, {db.TimeText("admitted", "admitted")}, {db.TimeText("ready", "ready")}, {db.TimeText("discharged", "discharged")}, service, beds, destination, adult FROM episodes WHERE patient_id {In("patients")}", new { patients }, t).ConfigureAwait(false)).ToList();
        var ids = episodes.Select(e => e.Id).ToList();
        var reasons = (await c.QueryAsync<(long Episode, string From, string Reason, string Responsible)>(
            $"SELECT episode_id, {db.TimeText("from_time", "from_time")}, reason, responsible FROM delay_reasons WHERE episode_id {In("ids")} ORDER BY episode_id, from_time", new { ids }, t).ConfigureAwait(false)).ToLookup(r => r.Episode);
        foreach (var e in episodes)
        {
            e.Reasons = string.Join(";", reasons[e.Id].Select(r => $"{r.From} {r.Reason} {r.Responsible}"));
        }
        return episodes.ToDictionary(e => (e.Provider, e.PatientId, e.Admitted));
    }

    /// <summary>Inserts the new episodes in one statement; their ids in the same order.</summary>
    private async Task<long[]> InsertEpisodesAsync(DbConnection c, DbTransaction t, List<(ExtractEpisode Episode, long Patient)> fresh)
    {
        if (fresh.Count == 0)
        {
            return [];
        }
        const string Insert = "INSERT INTO episodes (provider, patient_id, admitted, ready, discharged, service, beds, destination, adult)";
        if (Sqlite)
        {
            var one = new long[fresh.Count];
            for (int i = 0; i < fresh.Count; i++)
            {
                one[i] = await c.ExecuteScalarAsync<long>($"{Insert} VALUES (@Provider, @PatientId, @Admitted, @Ready, @Discharged, @Service, @Beds, @Destination, @Adult) RETURNING id",
                    Row(fresh[i].Episode, fresh[i].Patient), t).ConfigureAwait(false);
            }
            return one;
        }
        var parameters = new DynamicParameters();
        var values = new StringBuilder();
        for (int i = 0; i < fresh.Count; i++)
        {
            var r = Row(fresh[i].Episode, fresh[i].Patient);
            parameters.Add($"p{i}", r.Provider);
            parameters.Add($"i{i}", r.PatientId);
            parameters.Add($"a{i}", r.Admitted);
            parameters.Add($"r{i}", r.Ready);
            parameters.Add($"d{i}", r.Discharged);
            parameters.Add($"s{i}", r.Service);
            parameters.Add($"b{i}", r.Beds);
            parameters.Add($"x{i}", r.Destination);
            parameters.Add($"u{i}", r.Adult);
            values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}, @i{i}, {db.Time($"a{i}")}, {db.Time($"r{i}")}, {db.Time($"d{i}")}, @s{i}, @b{i}, @x{i}, @u{i})");
        }
        // RETURNING's row order is not promised: match the ids back by the episode's unique key.
        var ids = (await c.QueryAsync<(long Id, string Provider, long Patient, string Admitted)>(
            $"{Insert} VALUES {values} RETURNING id, provider, patient_id, {db.TimeText("admitted", "admitted")}", parameters, t).ConfigureAwait(false))
            .ToDictionary(r => (r.Provider, r.Patient, r.Admitted), r => r.Id);
        return [.. fresh.Select(f => ids[(f.Episode.Provider, f.Patient, T(f.Episode.Admitted)!)])];
    }

    private async Task InsertReasonsAsync(DbConnection c, DbTransaction t, List<(long Id, ExtractEpisode Episode)> episodes)
    {
        if (Sqlite)
        {
            await c.ExecuteAsync("INSERT INTO delay_reasons (episode_id, from_time, reason, responsible) VALUES (@id, @from, @reason, @responsible)",
                episodes.SelectMany(x => x.Episode.Reasons.Select(r => new { id = x.Id, from = T(r.From), reason = SitRepCodes.Code(r.Reason), responsible = SitRepCodes.Code(r.Responsible) })), t).ConfigureAwait(false);
            return;
        }
        // A few thousand rows per statement: one episode may have thousands of reason rows, and PostgreSQL takes at most 65,535 parameters.
        foreach (var chunk in episodes.SelectMany(x => x.Episode.Reasons.Select(r => (x.Id, r))).Chunk(5_000))
        {
            var parameters = new DynamicParameters();
            var values = new StringBuilder();
            for (int n = 0; n < chunk.Length; n++)
            {
                var (id, r) = chunk[n];
                parameters.Add($"e{n}", id);
                parameters.Add($"f{n}", T(r.From));
                parameters.Add($"r{n}", SitRepCodes.Code(r.Reason));
                parameters.Add($"o{n}", SitRepCodes.Code(r.Responsible));
                values.Append(n == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@e{n}, {db.Time($"f{n}")}, @r{n}, @o{n})");
            }
            await c.ExecuteAsync($"INSERT INTO delay_reasons (episode_id, from_time, reason, responsible) VALUES {values}", parameters, t).ConfigureAwait(false);
        }
    }

    private async Task AuditAsync(DbConnection c, DbTransaction t, string at, string who, List<(long Episode, string Action, string Detail)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (Sqlite)
        {
            await c.ExecuteAsync("INSERT INTO audit (at_utc, who, action, episode_id, detail) VALUES (@at, @who, @Action, @Episode, @Detail)",
                rows.Select(r => new { at, who, r.Action, r.Episode, r.Detail }), t).ConfigureAwait(false);
            return;
        }
        var parameters = new DynamicParameters(new { at, who });
        var values = new StringBuilder();
        for (int i = 0; i < rows.Count; i++)
        {
            parameters.Add($"a{i}", rows[i].Action);
            parameters.Add($"e{i}", rows[i].Episode);
            parameters.Add($"d{i}", rows[i].Detail);
            values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({db.Time("at")}, @who, @a{i}, @e{i}, @d{i})");
        }
        await c.ExecuteAsync($"INSERT INTO audit (at_utc, who, action, episode_id, detail) VALUES {values}", parameters, t).ConfigureAwait(false);
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

    /// <summary>A code read back from the register; one this Bedflow does not know means the database was changed by hand (a bug to report, not a user mistake).</summary>
    private static T Stored<T>(T? value, string code) where T : struct =>
        value ?? throw new InvalidDataException($"the register holds '{code}', which is not a {typeof(T).Name} code: was the database edited by hand?");

    private static string? T(DateTime? time) => time?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime? P(string? text) => text is null ? null : DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>An episode's stored columns, as text, in the order of the episodes table.</summary>
    private sealed record EpisodeRow(string Provider, long PatientId, string Admitted, string? Ready, string? Discharged, string Service, string Beds, string? Destination, int Adult);

    private sealed class StoredEpisode
    {
        public long Id { get; set; }

        public string Provider { get; set; } = "";

        public long PatientId { get; set; }

        public string Admitted { get; set; } = "";

        public string? Ready { get; set; }

        public string? Discharged { get; set; }

        public string Service { get; set; } = "";

        public string Beds { get; set; } = "";

        public string? Destination { get; set; }

        public long Adult { get; set; }

        public string Reasons { get; set; } = "";

        /// <summary>What an import's row changes, in words for the audit log; empty when nothing.</summary>
        public List<string> Changes(EpisodeRow row, string reasons)
        {
            var changes = new List<string>();
            if (Ready != row.Ready) { changes.Add($"ready {Ready ?? "-"} → {row.Ready ?? "-"}"); }
            if (Discharged != row.Discharged) { changes.Add($"discharged {Discharged ?? "-"} → {row.Discharged ?? "-"}"); }
            if (Service != row.Service) { changes.Add($"service {Service} → {row.Service}"); }
            if (Beds != row.Beds) { changes.Add($"bed type {Beds} → {row.Beds}"); }
            if (Destination != row.Destination) { changes.Add($"destination {Destination ?? "-"} → {row.Destination ?? "-"}"); }
            if (Adult != row.Adult) { changes.Add("adult changed"); }
            if (Reasons != reasons) { changes.Add($"reasons [{Reasons}] → [{reasons}]"); }
            return changes;
        }
    }
}
