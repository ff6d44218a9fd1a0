using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow register …` on SQLite (tests in one class: they set BEDFLOW_REGISTER_KEY).</summary>
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
            Assert.Equal(2, Cli.Run("register", "list", "--db", db, "--organisation", "council").Code);
            Assert.Equal(2, Cli.Run("register", "import", extract, "--db", "/nonexistent-dir/x/register.db").Code);
            var (down, _, downError) = Cli.Run("register", "sitrep", "--month", "2016-11", "--db", "Host=127.0.0.1;Port=1;Timeout=2;Username=x");
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
