using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow register …` on SQLite (in one collection: these tests set BEDFLOW_REGISTER_KEY).</summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class RegisterCommandTests
{
    [Fact]
    public void The_example_extract_imports_once_and_gives_the_months_sitrep_and_the_current_list()
    {
        string db = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.db");
        string extract = Cli.RepoFile("examples", "oxfordshire", "register-extract.csv");
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        var (noKey, _, keyError) = Cli.Run("register", "import", extract, "--db", db);
        Assert.Equal(2, noKey);
        Assert.Contains("BEDFLOW_REGISTER_KEY", keyError, StringComparison.Ordinal);
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            var (code, output, error) = Cli.Run("register", "import", extract, "--db", db, "--user", "tester");
            Assert.True(code == 0, error);
            Assert.Contains("Imported: 40 new episode(s), 0 updated, 0 unchanged.", output, StringComparison.Ordinal);
            Assert.Contains("0 updated, 40 unchanged", Cli.Run("register", "import", extract, "--db", db).Out, StringComparison.Ordinal);

            var (jsonCode, json, _) = Cli.Run("register", "sitrep", "--month", "2016-11", "--db", db, "--json");
            Assert.Equal(0, jsonCode);
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            Assert.Equal("2016-11-24", root.GetProperty("snapshot_date").GetString());
            long days = root.GetProperty("delayed_days").GetInt64();
            Assert.True(days > 0);
            Assert.Equal(days, root.GetProperty("by_reason").EnumerateObject().Sum(p => p.Value.GetInt64()));
            Assert.Equal(days, root.GetProperty("by_organisation").EnumerateObject().Sum(p => p.Value.GetInt64()));

            var (listCode, list, _) = Cli.Run("register", "list", "--db", db, "--at", "2016-11-20 12:00", "--reason", "Di");
            Assert.Equal(0, listCode);
            Assert.Contains("patient(s) delayed at 2016-11-20 12:00", list, StringComparison.Ordinal);
            foreach (string nhs in File.ReadAllLines(extract).Skip(1).Select(l => l.Split(',')[1]))
            {
                Assert.DoesNotContain(nhs, list, StringComparison.Ordinal); // patients by register key, never by NHS number
            }

            Assert.Equal(2, Cli.Run("register", "sitrep", "--month", "2016-13", "--db", db).Code);
            var (orgCode, _, orgError) = Cli.Run("register", "list", "--db", db, "--organisation", "council");
            Assert.Equal((2, "bedflow: --organisation must be nhs, social_care or both, but was 'council'."), (orgCode, orgError.Trim()));
            var (reasonCode, _, reasonError) = Cli.Run("register", "list", "--db", db, "--reason", "D");
            Assert.Equal((2, "bedflow: --reason must be one of A, B, C, Di, Dii, E, F, G, H, I, O, but was 'D'."), (reasonCode, reasonError.Trim()));
            Assert.Equal(2, Cli.Run("register", "import", extract, "--db", "/nonexistent-dir/x/register.db").Code);
            var (guessed, _, guessError) = Cli.Run("register", "sitrep", "--month", "2016-11", "--db", "Host=127.0.0.1;Port=1;Timeout=2;Username=x");
            Assert.Equal(2, guessed); // the engine is said, never guessed from --db
            Assert.Contains("--db looks like a PostgreSQL connection string, but the engine is SQLite: add --engine postgres", guessError, StringComparison.Ordinal);
            Assert.DoesNotContain("Username=x", guessError, StringComparison.Ordinal);
            Assert.Equal(2, Cli.Run("register", "list", "--engine", "oracle").Code);
            Assert.Contains("--engine postgres needs --db", Cli.Run("register", "list", "--engine", "postgres").Err, StringComparison.Ordinal);
            var (down, _, downError) = Cli.Run("register", "sitrep", "--month", "2016-11", "--engine", "postgres", "--db", "Host=127.0.0.1;Port=1;Timeout=2;Username=x");
            Assert.Equal(1, down); // an unreachable server is the environment, not a mistake in the input
            Assert.Contains("cannot reach the PostgreSQL server", downError, StringComparison.Ordinal);
            Assert.DoesNotContain("Username=x", downError, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
    }
}

/// <summary>`bedflow register` faced with mistakes and faults: exit codes and messages, nothing created or half-written.</summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class RegisterCommandFaultTests
{
    [Theory]
    [InlineData("sitrep", "--month", "2016-11")]
    [InlineData("list")]
    [InlineData("benchmark", "--la", "E10000025", "--from", "2016-04", "--to", "2016-05")]
    [InlineData("trend", "--la", "E10000025")]
    public void A_read_only_command_on_a_mistyped_register_creates_nothing(params string[] args)
    {
        string db = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.db");
        var (code, output, error) = Cli.Run(["register", .. args, "--db", db]);
        Assert.Equal(2, code);
        Assert.Contains($"no register at '{db}'", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("5x")]
    [InlineData("-3m")]
    [InlineData("25h")]
    public void A_bad_wait_is_a_usage_error(string wait)
    {
        var (code, _, error) = Cli.Run("register", "import", "x.csv", "--wait", wait);
        Assert.Equal(2, code);
        Assert.Contains("--wait must be a duration such as 30s, 10m or 1h", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejects_file_that_cannot_be_written_exits_1_with_a_message_and_imports_nothing()
    {
        string db = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.db");
        string extract = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        File.WriteAllText(extract, File.ReadAllText(Cli.RepoFile("examples", "oxfordshire", "register-extract.csv")) + "RTH,9434765918,2016-11-01 10:00,,,acute,acute,,,,,yes\n");
        string blocker = Path.Combine(Path.GetTempPath(), $"blocker-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where a folder should be");
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            var (code, _, error) = Cli.Run("register", "import", extract, "--db", db, "--skip-invalid", "--rejects", Path.Combine(blocker, "rejects.csv"));
            Assert.Equal(1, code);
            Assert.Contains("bedflow: cannot write the rejects file", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("9434765918", error, StringComparison.Ordinal);
            var (listCode, list, _) = Cli.Run("register", "list", "--db", db, "--at", "2016-11-20 12:00");
            Assert.Equal(0, listCode);
            Assert.Contains("0 patient(s) delayed", list, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
    }

    [Fact]
    public async Task An_import_waits_for_a_write_that_holds_the_register_and_says_so()
    {
        string db = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.db");
        string extract = Cli.RepoFile("examples", "oxfordshire", "register-extract.csv");
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            Assert.Equal(0, Cli.Run("register", "import", extract, "--db", db).Code);
            // Another writer (another process would do the same) holds the write lock for three seconds.
            using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
            other.Open();
            var hold = other.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            var release = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => hold.Commit(), TaskScheduler.Default);
            var (code, output, error) = Cli.Run("register", "import", extract, "--db", db, "--wait", "1m");
            await release;
            Assert.True(code == 0, error);
            Assert.Contains("waiting for another import into this register to finish (up to 1 min; --wait changes it)", error, StringComparison.Ordinal);
            Assert.Contains("0 updated, 40 unchanged", output, StringComparison.Ordinal);

            var hold2 = other.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            var (busy, _, busyError) = Cli.Run("register", "import", extract, "--db", db, "--wait", "0");
            hold2.Rollback();
            Assert.Equal(1, busy);
            Assert.Contains("longer than the wait allowed (--wait); nothing was written", busyError, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("943 476 5919")]
    public void An_audit_user_that_is_empty_or_an_nhs_number_is_refused(string user)
    {
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            string db = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.db");
            var (code, _, error) = Cli.Run("register", "import", Cli.RepoFile("examples", "oxfordshire", "register-extract.csv"), "--db", db, "--user", user);
            Assert.Equal(2, code);
            Assert.Contains("--user must name who is importing", error, StringComparison.Ordinal);
            Assert.DoesNotContain("4765919", error, StringComparison.Ordinal);
            Assert.False(File.Exists(db));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
    }

    [Fact]
    public void A_postgresql_database_that_does_not_exist_is_a_usage_error()
    {
        // .ci/run starts a server and sets BEDFLOW_TEST_POSTGRES; without one (a developer's machine) there is nothing to ask.
        string? server = Environment.GetEnvironmentVariable("BEDFLOW_TEST_POSTGRES");
        if (server is null)
        {
            Assert.NotEqual("true", Environment.GetEnvironmentVariable("CI"));
            return;
        }
        string missing = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"no_such_register_{Guid.NewGuid():N}" }.ToString();
        var (code, _, error) = Cli.Run("register", "list", "--engine", "postgres", "--db", missing);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Username=", error, StringComparison.Ordinal);
    }
}
