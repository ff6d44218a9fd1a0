namespace Bedflow.Cli.Tests;

/// <summary>`register import` with BEDFLOW_REGISTER_ENCRYPTION_KEY (in the collection that sets the register's keys).</summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class RegisterEncryptionTests
{
    [Fact]
    public void A_malformed_encryption_key_stops_the_import_and_a_missing_one_is_a_note()
    {
        string db = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.db");
        string extract = Cli.RepoFile("examples", "oxfordshire", "register-extract.csv");
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_ENCRYPTION_KEY", "c2hvcnQ=");
            var (bad, _, badError) = Cli.Run("register", "import", extract, "--db", db);
            Assert.Equal(2, bad);
            Assert.Contains("BEDFLOW_REGISTER_ENCRYPTION_KEY holds 5 bytes, not 32", badError, StringComparison.Ordinal);
            Assert.False(File.Exists(db));
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_ENCRYPTION_KEY", null);
            var (code, _, note) = Cli.Run("register", "import", extract, "--db", db);
            Assert.Equal(0, code);
            Assert.Contains("note: BEDFLOW_REGISTER_ENCRYPTION_KEY is not set", note, StringComparison.Ordinal);
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_ENCRYPTION_KEY", Convert.ToBase64String(new byte[32]));
            var (withKey, output, quiet) = Cli.Run("register", "import", extract, "--db", db);
            Assert.True(withKey == 0, quiet);
            Assert.Contains("0 updated, 40 unchanged", output, StringComparison.Ordinal); // identifiers filled in, the records unchanged
            Assert.DoesNotContain("note:", quiet, StringComparison.Ordinal);
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_ENCRYPTION_KEY", Convert.ToBase64String([.. Enumerable.Repeat((byte)1, 32)]));
            var (other, _, otherError) = Cli.Run("register", "import", extract, "--db", db);
            Assert.Equal(2, other);
            Assert.Contains("different BEDFLOW_REGISTER_ENCRYPTION_KEY", otherError, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_ENCRYPTION_KEY", null);
        }
    }
}
