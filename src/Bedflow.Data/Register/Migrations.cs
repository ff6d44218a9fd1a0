using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>Numbered schema migrations, applied in order in one transaction each, recorded in schema_migrations.</summary>
internal static class Migrations
{
    /// <summary>The migrations; never edit one that has shipped: add the next.</summary>
    private static IReadOnlyList<(int Version, Func<RegisterDatabase, string> Sql)> All { get; } =
    [
        (1, db => $"""
            CREATE TABLE organisations (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
            CREATE TABLE patients (id {db.IdColumn}, nhs_hash TEXT NOT NULL UNIQUE);
            CREATE TABLE episodes (
                id {db.IdColumn},
                provider TEXT NOT NULL,
                patient_id BIGINT NOT NULL REFERENCES patients (id),
                admitted TEXT NOT NULL,
                ready TEXT NULL,
                discharged TEXT NULL,
                service TEXT NOT NULL,
                beds TEXT NOT NULL,
                destination TEXT NULL,
                adult INTEGER NOT NULL,
                UNIQUE (provider, patient_id, admitted));
            CREATE TABLE delay_reasons (
                episode_id BIGINT NOT NULL REFERENCES episodes (id),
                from_time TEXT NOT NULL,
                reason TEXT NOT NULL,
                responsible TEXT NOT NULL,
                PRIMARY KEY (episode_id, from_time));
            CREATE TABLE audit (id {db.IdColumn}, at_utc TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, episode_id BIGINT NULL, detail TEXT NOT NULL);
            CREATE INDEX episodes_open ON episodes (discharged, ready);
            """),
        (2, db => """
            CREATE TABLE published_councils (code TEXT PRIMARY KEY, name TEXT NOT NULL, is_total INTEGER NOT NULL);
            CREATE TABLE published_codes (code TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES published_councils (code));
            CREATE TABLE published_days (council TEXT NOT NULL REFERENCES published_councils (code), month TEXT NOT NULL, reason TEXT NOT NULL, days INTEGER NULL, PRIMARY KEY (council, month, reason));
            CREATE TABLE published_org_days (council TEXT NOT NULL REFERENCES published_councils (code), month TEXT NOT NULL, nhs INTEGER NULL, social_care INTEGER NULL, both_orgs INTEGER NULL, PRIMARY KEY (council, month));
            """),
        (3, db => """
            CREATE TABLE services (provider TEXT NOT NULL REFERENCES organisations (code), name TEXT NOT NULL, beds TEXT NOT NULL, PRIMARY KEY (provider, name));
            INSERT INTO organisations (code, name, kind) SELECT DISTINCT provider, provider, 'provider' FROM episodes;
            INSERT INTO services (provider, name, beds) SELECT provider, service, MIN(beds) FROM episodes GROUP BY provider, service;
            """),
        (4, db => "CREATE TABLE register_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"),
        (5, db => "CREATE INDEX episodes_patient ON episodes (patient_id);"),
        // PostgreSQL keeps times as timestamp (compared and indexed as times); SQLite has no time type and keeps the text.
        (6, db => db.Engine == RegisterEngine.Postgres
            ? """
              ALTER TABLE episodes ALTER COLUMN admitted TYPE timestamp USING admitted::timestamp,
                  ALTER COLUMN ready TYPE timestamp USING ready::timestamp,
                  ALTER COLUMN discharged TYPE timestamp USING discharged::timestamp;
              ALTER TABLE delay_reasons ALTER COLUMN from_time TYPE timestamp USING from_time::timestamp;
              ALTER TABLE audit ALTER COLUMN at_utc TYPE timestamp USING at_utc::timestamp;
              """
            : "SELECT 1;"),
        // Stable codes (Core's SitRepCodes), not C# member names: nhs / social_care / both, acute / non_acute.
        (7, db => """
            UPDATE delay_reasons SET responsible = CASE responsible WHEN 'Nhs' THEN 'nhs' WHEN 'SocialCare' THEN 'social_care' WHEN 'Both' THEN 'both' ELSE responsible END;
            UPDATE episodes SET beds = CASE beds WHEN 'Acute' THEN 'acute' WHEN 'NonAcute' THEN 'non_acute' WHEN 'None' THEN 'none' ELSE beds END;
            UPDATE services SET beds = CASE beds WHEN 'Acute' THEN 'acute' WHEN 'NonAcute' THEN 'non_acute' WHEN 'None' THEN 'none' ELSE beds END;
            """),
        // Web accounts (docs/web.md): a password hash (ASP.NET Core Identity's), the lock-out after failed
        // sign-ins, and personal API tokens kept only as their SHA-256.
        (8, db => $"""
            CREATE TABLE users (
                id {db.IdColumn},
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                failed_sign_ins INTEGER NOT NULL,
                locked_until_utc {db.TimeColumn} NULL,
                created_utc {db.TimeColumn} NOT NULL);
            CREATE TABLE api_tokens (
                token_hash TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                created_utc {db.TimeColumn} NOT NULL);
            CREATE INDEX api_tokens_user ON api_tokens (user_id);
            """),
        // Identifiers encrypted at rest (IdentityCipher, docs/register.md): patients imported before have none until imported again.
        (9, db => """
            ALTER TABLE patients ADD COLUMN nhs_number_enc TEXT NULL;
            ALTER TABLE episodes ADD COLUMN local_number_enc TEXT NULL;
            """),
        // Optimistic concurrency for edits from the web app (docs/web.md): a version per episode, raised by every
        // change; and a count of the register's writes, so that a cached list knows when it is out of date.
        (10, db => """
            ALTER TABLE episodes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
            CREATE TABLE register_changes (id INTEGER PRIMARY KEY, changes BIGINT NOT NULL);
            INSERT INTO register_changes (id, changes) VALUES (1, 0);
            CREATE INDEX audit_episode ON audit (episode_id);
            """),
        // The rejects files of web imports (Imports.RejectsStore, docs/web.md): already masked, kept for their importer
        // a few days, in the register so that they outlive a restart and are shared by servers on one PostgreSQL register.
        (11, db => $"""
            CREATE TABLE import_rejects (
                id {db.IdColumn},
                download_id TEXT NOT NULL UNIQUE,
                owner TEXT NOT NULL,
                file_name TEXT NOT NULL,
                csv {db.BytesColumn} NOT NULL,
                bytes BIGINT NOT NULL,
                created_utc {db.TimeColumn} NOT NULL,
                expires_utc {db.TimeColumn} NOT NULL);
            CREATE INDEX import_rejects_expires ON import_rejects (expires_utc);
            """),
    ];

    /// <summary>The newest schema version.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>
    /// Applies the pending migrations. The version is read first without the write lock, so opening
    /// an up-to-date register never waits for an import in progress.
    /// </summary>
    public static async Task ApplyAsync(RegisterDatabase db, CancellationToken cancel)
    {
        if (await CurrentAsync(db, cancel).ConfigureAwait(false) >= Latest)
        {
            return;
        }
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_utc TEXT NOT NULL)", transaction: transaction).ConfigureAwait(false);
        int current = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations", transaction: transaction).ConfigureAwait(false) ?? 0;
        foreach (var (version, sql) in All.Where(m => m.Version > current))
        {
            await connection.ExecuteAsync(sql(db), transaction: transaction).ConfigureAwait(false);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_utc) VALUES (@version, @at)",
                new { version, at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) }, transaction).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The register's schema version, 0 for a register with no migrations yet, or null when the database holds no register.</summary>
    public static async Task<int?> CurrentAsync(RegisterDatabase db, CancellationToken cancel)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        string exists = db.Engine == RegisterEngine.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";
        if (await connection.ExecuteScalarAsync<long>(exists).ConfigureAwait(false) == 0)
        {
            return null;
        }
        return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations").ConfigureAwait(false) ?? 0;
    }

    /// <summary>The schema version of an open database.</summary>
    public static Task<int> VersionAsync(DbConnection connection) => connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_migrations");
}
