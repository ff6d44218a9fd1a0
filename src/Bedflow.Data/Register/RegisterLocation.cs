namespace Bedflow.Data.Register;

/// <summary>
/// Where a register is: an SQLite file or a PostgreSQL database, said explicitly (the engine is
/// never guessed from the text). Printing it never shows a connection string: it may hold a password.
/// </summary>
public sealed record RegisterLocation
{
    /// <summary>The environment variable naming the engine when --engine is not given: sqlite (default) or postgres.</summary>
    public const string EngineVariable = "BEDFLOW_DB_ENGINE";

    /// <summary>The environment variable holding the SQLite path or PostgreSQL connection string when --db is not given.</summary>
    public const string DbVariable = "BEDFLOW_DB";

    private RegisterLocation(RegisterEngine engine, string target)
    {
        Engine = engine;
        Target = target;
    }

    /// <summary>Which engine.</summary>
    public RegisterEngine Engine { get; }

    /// <summary>The SQLite file's path or the PostgreSQL connection string.</summary>
    internal string Target { get; }

    /// <summary>An SQLite file.</summary>
    public static RegisterLocation Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(RegisterEngine.Sqlite, path);
    }

    /// <summary>A PostgreSQL database, by its connection string ("Host=…;Username=…;Database=…").</summary>
    public static RegisterLocation Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new(RegisterEngine.Postgres, connectionString);
    }

    /// <summary>
    /// The location that <c>--engine</c> and <c>--db</c> name (each falling back to its environment
    /// variable; SQLite's default file is bedflow.db), or the problem with them in words.
    /// </summary>
    public static (RegisterLocation? Location, string? Problem) From(string? engine, string? db)
    {
        if (db is not null && string.IsNullOrWhiteSpace(db))
        {
            return (null, "--db is empty: give a file path or a PostgreSQL connection string (or leave it out for bedflow.db).");
        }
        engine ??= Environment.GetEnvironmentVariable(EngineVariable);
        db ??= Environment.GetEnvironmentVariable(DbVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        switch ((engine ?? "sqlite").Trim().ToLowerInvariant())
        {
            case "sqlite":
                if (db is not null && db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, $"--db looks like a PostgreSQL connection string, but the engine is SQLite: add --engine postgres (or set {EngineVariable}=postgres).");
                }
                return (Sqlite(db ?? "bedflow.db"), null);
            case "postgres" or "postgresql":
                return db is null
                    ? (null, $"--engine postgres needs --db \"Host=…;Username=…;Database=…\" (or {DbVariable}).")
                    : (Postgres(db), null);
            default:
                return (null, $"--engine must be sqlite or postgres, but was '{engine}'.");
        }
    }

    /// <summary>"'path'" for SQLite; "the PostgreSQL database given" (never the connection string).</summary>
    public override string ToString() => Engine == RegisterEngine.Sqlite ? $"'{Target}'" : "the PostgreSQL database given";
}
