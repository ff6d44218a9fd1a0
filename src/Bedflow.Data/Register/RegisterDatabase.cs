using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bedflow.Data.Register;

/// <summary>The database engines the register runs on, with the same code and the same tests.</summary>
public enum RegisterEngine
{
    /// <summary>An SQLite file (the default: one analyst, nothing to install).</summary>
    Sqlite,
    /// <summary>A PostgreSQL server (a team).</summary>
    Postgres,
}

/// <summary>How a register waits for its write lock.</summary>
/// <param name="LockWait">How long a write (an import, a migration) waits for another one to finish before giving up.</param>
/// <param name="Waiting">Told once, when a write starts to wait for another, and then about every 30 seconds (how long it has waited so far).</param>
public sealed record RegisterOptions(TimeSpan LockWait, Action<TimeSpan>? Waiting = null)
{
    /// <summary>The default wait for the write lock: 10 minutes (`--wait` changes it).</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(10);

    /// <summary>The defaults: wait up to 10 minutes, silently.</summary>
    public static RegisterOptions Default { get; } = new(DefaultLockWait);

    /// <summary>
    /// How long one statement may wait inside the driver (SQLite's busy timeout, Npgsql's command
    /// timeout). Waiting for the write lock never relies on it: the lock is polled.
    /// </summary>
    internal TimeSpan DriverTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>SQL run on every new connection (tests use it to make a disk look full).</summary>
    internal string? OnConnect { get; init; }
}

/// <summary>Another write held the register's lock for longer than <see cref="RegisterOptions.LockWait"/>.</summary>
public sealed class RegisterBusyException(TimeSpan waited)
    : Exception($"another import or update held the register for {Waited(waited)}, longer than the wait allowed (--wait); nothing was written. Try again when it has finished, or allow a longer --wait.")
{
    private static string Waited(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} minutes" : $"{t.TotalSeconds:0} seconds";
}

/// <summary>
/// The register's database: an SQLite file or a PostgreSQL database (<see cref="RegisterLocation"/>).
/// Versioned migrations are applied when it is opened. Times are stored as text
/// "yyyy-MM-dd HH:mm:ss" (local clock time) on both engines, so the same SQL serves both.
/// </summary>
public sealed class RegisterDatabase
{
    private RegisterDatabase(RegisterEngine engine, string connectionString, RegisterOptions options)
    {
        Engine = engine;
        ConnectionString = connectionString;
        Options = options;
    }

    /// <summary>Which engine.</summary>
    public RegisterEngine Engine { get; }

    internal string ConnectionString { get; }

    internal RegisterOptions Options { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    internal string? SqliteFile => Engine == RegisterEngine.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>Opens (creating if need be) the register at <paramref name="location"/> and applies any pending migrations.</summary>
    public static Task<RegisterDatabase> OpenAsync(RegisterLocation location, CancellationToken cancel = default) => OpenAsync(location, RegisterOptions.Default, cancel);

    /// <summary>As above, waiting for the write lock as <paramref name="options"/> says.</summary>
    public static async Task<RegisterDatabase> OpenAsync(RegisterLocation location, RegisterOptions options, CancellationToken cancel = default)
    {
        var database = Create(location, options, create: true);
        if (database.Engine == RegisterEngine.Sqlite)
        {
            await database.UseWriteAheadLogAsync(cancel).ConfigureAwait(false);
        }
        await Migrations.ApplyAsync(database, cancel).ConfigureAwait(false);
        return database;
    }

    /// <summary>
    /// Opens a register that must already exist, for reading: never creates a file or tables. The
    /// problem is "no register at PATH" when there is none (migrations of an older register are applied).
    /// </summary>
    public static async Task<(RegisterDatabase? Database, string? Problem)> OpenExistingAsync(RegisterLocation location, RegisterOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var database = Create(location, options, create: false);
        if (location.Engine == RegisterEngine.Sqlite && !File.Exists(location.Target))
        {
            return (null, $"no register at {location}: check --db (or {RegisterLocation.DbVariable}), or create one with 'bedflow register import'.");
        }
        int? version = await Migrations.CurrentAsync(database, cancel).ConfigureAwait(false);
        if (version is null)
        {
            return (null, $"no register at {location}: it is not a Bedflow register (no schema_migrations table). Check --db.");
        }
        if (version > Migrations.Latest)
        {
            return (null, $"the register at {location} is at schema version {version}, newer than this Bedflow knows ({Migrations.Latest}): use a newer Bedflow.");
        }
        await Migrations.ApplyAsync(database, cancel).ConfigureAwait(false);
        return (database, null);
    }

    private static RegisterDatabase Create(RegisterLocation location, RegisterOptions options, bool create)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        int seconds = (int)Math.Ceiling(options.DriverTimeout.TotalSeconds);
        return location.Engine == RegisterEngine.Postgres
            ? new RegisterDatabase(RegisterEngine.Postgres, new NpgsqlConnectionStringBuilder(location.Target) { CommandTimeout = seconds }.ToString(), options)
            : new RegisterDatabase(RegisterEngine.Sqlite, new SqliteConnectionStringBuilder
            {
                DataSource = location.Target,
                DefaultTimeout = seconds,
                Pooling = true,
                Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            }.ToString(), options);
    }

    /// <summary>
    /// Puts an SQLite register in write-ahead-log mode (kept in the file), so that reading it — a
    /// SitRep, the schema version an import checks first — never waits for an import in progress,
    /// however large: only writers wait for each other, on the polled lock. A register another
    /// process has open stays as it is until the next write finds it free.
    /// </summary>
    private async Task UseWriteAheadLogAsync(CancellationToken cancel)
    {
        await using var connection = await ConnectAsync(cancel).ConfigureAwait(false);
        if (string.Equals(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode").ConfigureAwait(false), "wal", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var sqlite = (SqliteConnection)connection;
        await sqlite.ExecuteAsync("PRAGMA busy_timeout = 0").ConfigureAwait(false);
        sqlite.DefaultTimeout = 1;
        try
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL").ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // In use by another process: left in its journal mode for now.
        }
    }

    /// <summary>The register's schema version: also a check that the database answers.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancel = default)
    {
        await using var connection = await ConnectAsync(cancel).ConfigureAwait(false);
        return await Migrations.VersionAsync(connection).ConfigureAwait(false);
    }

    /// <summary>An open connection.</summary>
    internal async Task<DbConnection> ConnectAsync(CancellationToken cancel)
    {
        DbConnection connection = Engine == RegisterEngine.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancel).ConfigureAwait(false);
        if (Engine == RegisterEngine.Sqlite)
        {
            await connection.ExecuteAsync($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(int)Options.DriverTimeout.TotalMilliseconds};").ConfigureAwait(false);
        }
        if (Options.OnConnect is { } sql)
        {
            await connection.ExecuteAsync(sql).ConfigureAwait(false);
        }
        return connection;
    }

    /// <summary>
    /// Begins the one transaction of a user-visible write, holding the register's write lock so
    /// that two imports at once run one after the other (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
    /// transaction-scoped advisory lock). The lock is polled, so a write waits for another however
    /// long the driver's own timeouts are, up to <see cref="RegisterOptions.LockWait"/>; then
    /// <see cref="RegisterBusyException"/>.
    /// </summary>
    internal async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var told = TimeSpan.MinValue;
        while (true)
        {
            var transaction = await TryBeginWriteAsync(connection, cancel).ConfigureAwait(false);
            if (transaction is not null)
            {
                return transaction;
            }
            if (clock.Elapsed >= Options.LockWait)
            {
                throw new RegisterBusyException(clock.Elapsed);
            }
            if (told == TimeSpan.MinValue || clock.Elapsed - told >= TimeSpan.FromSeconds(30))
            {
                told = clock.Elapsed;
                Options.Waiting?.Invoke(clock.Elapsed);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancel).ConfigureAwait(false);
        }
    }

    /// <summary>The write transaction if the lock is free now, else null.</summary>
    private async Task<DbTransaction?> TryBeginWriteAsync(DbConnection connection, CancellationToken cancel)
    {
        if (Engine == RegisterEngine.Sqlite)
        {
            var sqlite = (SqliteConnection)connection;
            // For this one statement: no busy wait in SQLite, and at most a second in Microsoft.Data.Sqlite's own retry loop.
            await sqlite.ExecuteAsync("PRAGMA busy_timeout = 0").ConfigureAwait(false);
            int timeout = sqlite.DefaultTimeout;
            sqlite.DefaultTimeout = 1;
            SqliteTransaction? transaction = null;
            try
            {
                transaction = sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED: another write holds the lock
            {
            }
            finally
            {
                sqlite.DefaultTimeout = timeout;
            }
            await sqlite.ExecuteAsync($"PRAGMA busy_timeout = {(int)Options.DriverTimeout.TotalMilliseconds}", transaction: transaction).ConfigureAwait(false);
            return transaction;
        }
        var pg = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancel).ConfigureAwait(false);
        if (await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_xact_lock(726174)", transaction: pg).ConfigureAwait(false))
        {
            return pg;
        }
        await pg.RollbackAsync(cancel).ConfigureAwait(false);
        await pg.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// SQL for a time parameter: times travel as text "yyyy-MM-dd HH:mm:ss" (SQLite stores them so;
    /// PostgreSQL casts them to its <c>timestamp</c> columns).
    /// </summary>
    internal string Time(string parameter) => Engine == RegisterEngine.Postgres ? $"CAST(@{parameter} AS timestamp)" : $"@{parameter}";

    /// <summary>SQL reading a time column as text "yyyy-MM-dd HH:mm:ss", named <paramref name="alias"/>.</summary>
    internal string TimeText(string column, string alias) =>
        Engine == RegisterEngine.Postgres ? $"to_char({column}, 'YYYY-MM-DD HH24:MI:SS') AS {alias}" : $"{column} AS {alias}";

    /// <summary>The SQL for an auto-numbered key column.</summary>
    internal string IdColumn => Engine == RegisterEngine.Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    /// <summary>The SQL type of a time column: PostgreSQL's timestamp, SQLite's text.</summary>
    internal string TimeColumn => Engine == RegisterEngine.Postgres ? "timestamp" : "TEXT";

    /// <summary>The SQL type of a column of bytes: PostgreSQL's bytea, SQLite's BLOB.</summary>
    internal string BytesColumn => Engine == RegisterEngine.Postgres ? "bytea" : "BLOB";
}
