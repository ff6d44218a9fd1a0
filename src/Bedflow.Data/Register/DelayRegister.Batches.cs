using System.Data.Common;
using System.Globalization;
using System.Text;
using Bedflow.Core.Vocabulary;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>Writing an import in batches under the write lock.</summary>
public sealed partial class DelayRegister
{
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
            if (_cipher is not null && await EncryptionKeyProblemAsync(connection, transaction, file) is { } otherKey)
            {
                return ((0, 0, 0), otherKey);
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
                    bool localChanged = LocalChanged(existing, e);
                    if (localChanged)
                    {
                        await connection.ExecuteAsync("UPDATE episodes SET local_number_enc = @LocalSealed, version = version + 1 WHERE id = @Id", new { e.LocalSealed, existing.Id }, transaction).ConfigureAwait(false);
                        if (existing.LocalNumberEnc is not null)
                        {
                            changes.Add("local number changed");
                        }
                    }
                    if (changes.Count == 0)
                    {
                        unchanged++;
                        continue;
                    }
                    await connection.ExecuteAsync(
                        $"UPDATE episodes SET ready = {db.Time("Ready")}, discharged = {db.Time("Discharged")}, service = @Service, beds = @Beds, destination = @Destination, adult = @Adult, version = version + 1 WHERE id = @Id",
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
            await CountChangeAsync(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        return ((inserted, updated, unchanged), null);
    }



    /// <summary>
    /// Whether the row's local hospital number should replace the stored one: there was none, or it
    /// decrypts to another number. A row that gives none leaves the stored one alone.
    /// </summary>
    private bool LocalChanged(StoredEpisode existing, ExtractEpisode e)
    {
        if (e.LocalSealed is null || _cipher is null)
        {
            return false;
        }
        if (existing.LocalNumberEnc is null)
        {
            return true;
        }
        string context = IdentityContext.Local(e.NhsHash, e.Provider, e.Admitted);
        return _cipher.Open(existing.LocalNumberEnc, context) != _cipher.Open(e.LocalSealed, context);
    }

    /// <summary>One encryption key per register: identifiers sealed under another could never be read again with this one.</summary>
    private async Task<ImportProblem?> EncryptionKeyProblemAsync(DbConnection connection, DbTransaction transaction, string file)
    {
        string fingerprint = _cipher!.Fingerprint;
        string? known = await connection.ExecuteScalarAsync<string?>("SELECT value FROM register_meta WHERE name = 'encryption_key_fingerprint'", transaction: transaction).ConfigureAwait(false);
        if (known is null)
        {
            await connection.ExecuteAsync("INSERT INTO register_meta (name, value) VALUES ('encryption_key_fingerprint', @fingerprint)", new { fingerprint }, transaction).ConfigureAwait(false);
            return null;
        }
        return known == fingerprint ? null
            : new ImportProblem(file, 0, "", $"this register's identifiers are encrypted under a different {IdentityCipher.KeyVariable}: under another key they could not be read back. Use the register's encryption key; nothing was imported.");
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
        var sealedNumbers = batch.Where(e => e.NhsSealed is not null).GroupBy(e => e.NhsHash).ToDictionary(g => g.Key, g => g.First().NhsSealed);
        var rows = (await c.QueryAsync<(long Id, string Hash, long Missing)>($"SELECT id, nhs_hash, CASE WHEN nhs_number_enc IS NULL THEN 1 ELSE 0 END FROM patients WHERE nhs_hash {In("hashes")}", new { hashes }, t).ConfigureAwait(false)).ToList();
        var known = rows.ToDictionary(p => p.Hash, p => p.Id);
        // A patient stored before identifiers were encrypted (or imported without the key) gets its number now.
        foreach (var (id, hash, _) in rows.Where(r => r.Missing == 1 && sealedNumbers.ContainsKey(r.Hash)))
        {
            await c.ExecuteAsync("UPDATE patients SET nhs_number_enc = @enc WHERE id = @id", new { enc = sealedNumbers[hash], id }, t).ConfigureAwait(false);
        }
        var added = hashes.Where(h => !known.ContainsKey(h)).ToList();
        if (Sqlite)
        {
            // SQLite is in the process: a statement per row costs no round trip, and binding thousands of named parameters would.
            foreach (string hash in added)
            {
                known[hash] = await c.ExecuteScalarAsync<long>("INSERT INTO patients (nhs_hash, nhs_number_enc) VALUES (@hash, @enc) RETURNING id", new { hash, enc = sealedNumbers.GetValueOrDefault(hash) }, t).ConfigureAwait(false);
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
                parameters.Add($"n{i}", sealedNumbers.GetValueOrDefault(added[i]));
                values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@h{i}, @n{i})");
            }
            foreach (var (id, hash) in await c.QueryAsync<(long, string)>($"INSERT INTO patients (nhs_hash, nhs_number_enc) VALUES {values} RETURNING id, nhs_hash", parameters, t).ConfigureAwait(false))
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
            $"SELECT id, provider, patient_id AS PatientId, {db.TimeText("admitted", "admitted")}, {db.TimeText("ready", "ready")}, {db.TimeText("discharged", "discharged")}, service, beds, destination, adult, local_number_enc AS LocalNumberEnc FROM episodes WHERE patient_id {In("patients")}", new { patients }, t).ConfigureAwait(false)).ToList();
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
        const string Insert = "INSERT INTO episodes (provider, patient_id, admitted, ready, discharged, service, beds, destination, adult, local_number_enc)";
        if (Sqlite)
        {
            var one = new long[fresh.Count];
            for (int i = 0; i < fresh.Count; i++)
            {
                var r = Row(fresh[i].Episode, fresh[i].Patient);
                one[i] = await c.ExecuteScalarAsync<long>($"{Insert} VALUES (@Provider, @PatientId, @Admitted, @Ready, @Discharged, @Service, @Beds, @Destination, @Adult, @Local) RETURNING id",
                    new { r.Provider, r.PatientId, r.Admitted, r.Ready, r.Discharged, r.Service, r.Beds, r.Destination, r.Adult, Local = fresh[i].Episode.LocalSealed }, t).ConfigureAwait(false);
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
            parameters.Add($"l{i}", fresh[i].Episode.LocalSealed);
            values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}, @i{i}, {db.Time($"a{i}")}, {db.Time($"r{i}")}, {db.Time($"d{i}")}, @s{i}, @b{i}, @x{i}, @u{i}, @l{i})");
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

        public string? LocalNumberEnc { get; set; }

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
