using System.Data;
using System.Data.Common;
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

/// <summary>
/// The register's database: SQLite by default (a file path), PostgreSQL for a connection string
/// ("Host=…"). Versioned migrations are applied when it is opened. Times are stored as text
/// "yyyy-MM-dd HH:mm:ss" (local clock time) on both engines, so the same SQL serves both.
/// </summary>
public sealed class RegisterDatabase
{
    private RegisterDatabase(RegisterEngine engine, string connectionString)
    {
        Engine = engine;
        ConnectionString = connectionString;
    }

    /// <summary>Which engine.</summary>
    public RegisterEngine Engine { get; }

    internal string ConnectionString { get; }

    /// <summary>
    /// Opens (creating if need be) the register at <paramref name="db"/>: a file path for SQLite,
    /// or a PostgreSQL connection string (starting "Host="); null = BEDFLOW_DB, else bedflow.db.
    /// Applies any pending migrations.
    /// </summary>
    public static async Task<RegisterDatabase> OpenAsync(string? db, CancellationToken cancel = default)
    {
        db ??= Environment.GetEnvironmentVariable("BEDFLOW_DB");
        db = string.IsNullOrWhiteSpace(db) ? "bedflow.db" : db;
        var database = db.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new RegisterDatabase(RegisterEngine.Postgres, db)
            : new RegisterDatabase(RegisterEngine.Sqlite, new SqliteConnectionStringBuilder { DataSource = db, DefaultTimeout = 60, Pooling = false }.ToString());
        await Migrations.ApplyAsync(database, cancel).ConfigureAwait(false);
        return database;
    }

    /// <summary>An open connection.</summary>
    internal async Task<DbConnection> ConnectAsync(CancellationToken cancel)
    {
        DbConnection connection = Engine == RegisterEngine.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancel).ConfigureAwait(false);
        if (Engine == RegisterEngine.Sqlite)
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;").ConfigureAwait(false);
        }
        return connection;
    }

    /// <summary>
    /// Begins the one transaction of a user-visible write, holding the register's write lock so
    /// that two imports at once run one after the other (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
    /// transaction-scoped advisory lock).
    /// </summary>
    internal async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel)
    {
        if (Engine == RegisterEngine.Sqlite)
        {
            return ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        }
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancel).ConfigureAwait(false);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(726174)", transaction: transaction).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>The SQL for an auto-numbered key column.</summary>
    internal string IdColumn => Engine == RegisterEngine.Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
}
