using Bedflow.Data.Register;
using Npgsql;

namespace Bedflow.Data.Tests.Register;

/// <summary>A fresh, empty register on one engine, for one test.</summary>
public interface IRegisterEngine
{
    /// <summary>The --db value of a new empty register.</summary>
    Task<string> NewDatabaseAsync();
}

public sealed class SqliteEngine : IRegisterEngine
{
    public Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(Path.GetTempPath(), $"bedflow-test-{Guid.NewGuid():N}.db"));
}

/// <summary>
/// A throwaway database on the PostgreSQL server that .ci/run starts (BEDFLOW_TEST_POSTGRES, by
/// default 127.0.0.1:5433 as user postgres). Without a server these tests are reported as skipped.
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

    public async Task<string> NewDatabaseAsync()
    {
        string name = $"bedflow_test_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(Server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ToString();
    }
}

/// <summary>A fact that runs only when PostgreSQL is reachable, and says it was skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        // .ci/run starts a server and sets BEDFLOW_REQUIRE_POSTGRES: there a missing server fails the tests instead.
        if (PostgresEngine.Why is { } why && Environment.GetEnvironmentVariable("BEDFLOW_REQUIRE_POSTGRES") != "1")
        {
            Skip = why;
        }
    }
}
