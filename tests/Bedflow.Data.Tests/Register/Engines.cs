using Bedflow.Data.Register;
using Npgsql;

namespace Bedflow.Data.Tests.Register;

/// <summary>A fresh, empty register on one engine, for one test.</summary>
public interface IRegisterEngine
{
    /// <summary>Where a new, empty register is (nothing created yet on SQLite; an empty database on PostgreSQL).</summary>
    Task<RegisterLocation> NewDatabaseAsync();
}

public sealed class SqliteEngine : IRegisterEngine
{
    public Task<RegisterLocation> NewDatabaseAsync() => Task.FromResult(RegisterLocation.Sqlite(Path.Combine(Path.GetTempPath(), $"bedflow-test-{Guid.NewGuid():N}.db")));
}

/// <summary>
/// A throwaway database on the PostgreSQL server that .ci/run starts (BEDFLOW_TEST_POSTGRES, by
/// default 127.0.0.1:5433 as user postgres). Without a server these tests are reported as skipped,
/// except where a server is required (see <see cref="PostgresFactAttribute"/>): there they fail.
/// </summary>
public sealed class PostgresEngine : IRegisterEngine
{
    public static readonly string Server = Environment.GetEnvironmentVariable("BEDFLOW_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres;Timeout=3;Pooling=false";

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            using var c = new NpgsqlConnection(Server);
            c.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return $"PostgreSQL is not reachable at {Server} ({e.Message}); .ci/run installs and starts one.";
        }
    });

    /// <summary>Why PostgreSQL tests cannot run, or null.</summary>
    public static string? Why => Unavailable.Value;

    public async Task<RegisterLocation> NewDatabaseAsync()
    {
        if (Why is { } why)
        {
            // Only reached when a server is required: fail with the reason, not a socket error.
            throw new InvalidOperationException($"A PostgreSQL server is required here (CI=true or BEDFLOW_REQUIRE_POSTGRES=1): {why}");
        }
        string name = $"bedflow_test_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(Server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return RegisterLocation.Postgres(new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ToString());
    }
}

/// <summary>
/// A fact that runs when PostgreSQL is reachable. Without a server it is reported as skipped — but
/// in CI (CI=true) or under .ci/run (BEDFLOW_REQUIRE_POSTGRES=1) it runs and fails instead, so a
/// missing server cannot pass for a green build.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (SkipReason(PostgresEngine.Why, Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable("BEDFLOW_REQUIRE_POSTGRES")) is { } skip)
        {
            Skip = skip;
        }
    }

    /// <summary>Why to skip, or null to run: skipped only when the server is unreachable and not required.</summary>
    internal static string? SkipReason(string? unreachable, string? ci, string? requirePostgres) =>
        unreachable is not null && !IsRequired(ci, requirePostgres) ? unreachable : null;

    /// <summary>Whether the environment requires a server: CI=true (any case) or 1, or BEDFLOW_REQUIRE_POSTGRES=1.</summary>
    internal static bool IsRequired(string? ci, string? requirePostgres) =>
        string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1" || requirePostgres == "1";
}
