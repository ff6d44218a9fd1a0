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
    ];

    /// <summary>The newest schema version.</summary>
    public static int Latest => All[^1].Version;

    public static async Task ApplyAsync(RegisterDatabase db, CancellationToken cancel)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_utc TEXT NOT NULL)").ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        int current = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations", transaction: transaction).ConfigureAwait(false) ?? 0;
        foreach (var (version, sql) in All.Where(m => m.Version > current))
        {
            await connection.ExecuteAsync(sql(db), transaction: transaction).ConfigureAwait(false);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_utc) VALUES (@version, @at)",
                new { version, at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) }, transaction).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The schema version of an open database.</summary>
    public static Task<int> VersionAsync(DbConnection connection) => connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_migrations");
}
