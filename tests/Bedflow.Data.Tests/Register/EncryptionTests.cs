using System.Text;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>Identifiers encrypted at rest by imports, read back only with the key, on every engine.</summary>
public abstract class EncryptionTests<TEngine> where TEngine : IRegisterEngine, new()
{
    protected static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

    protected static readonly IdentityCipher Cipher = IdentityCipher.FromKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    protected const string Header = RegisterTests<SqliteEngine>.Header + ",local_number";

    protected const string Extract = Header + """

        RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,,acute,acute,,A,Social Care,2016-04-27 10:00,yes,RTH-00123
        RTH,9434765870,2016-04-25 08:00,2016-04-28 09:00,,acute,acute,,C,NHS,2016-04-28 09:00,yes,

        """;

    protected static async Task<string> WriteAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    protected async Task<(RegisterDatabase Db, RegisterLocation Location)> NewAsync()
    {
        var location = await new TEngine().NewDatabaseAsync();
        return (await RegisterDatabase.OpenAsync(location), location);
    }

    protected async Task An_import_with_the_key_keeps_numbers_that_read_back_only_with_it()
    {
        var (db, _) = await NewAsync();
        var register = new DelayRegister(db, Cipher);
        var report = await register.ImportAsync(await WriteAsync(Extract), Key, "tester", false);
        Assert.True(report.Imported, string.Join("; ", report.Problems));
        var delays = await register.CurrentDelaysAsync(new DateTime(2016, 4, 29));
        var ids = await register.IdentifiersAsync([.. delays.Select(d => d.Episode)]);
        Assert.Equal([("9434765919", "RTH-00123"), ("9434765870", null)], delays.Select(d => ids[d.Episode]).OrderBy(x => x.NhsNumber, StringComparer.Ordinal).Reverse());
        // The patient is found through the hash of the number, never by the number.
        Assert.Equal(delays.Single(d => ids[d.Episode].NhsNumber == "9434765870").Patient, await register.FindPatientAsync("943 476 5870", Key));
        Assert.Null(await register.FindPatientAsync("4010232137", Key));
        Assert.Null(await register.FindPatientAsync("not a number", Key));
        // Without the key nothing can be shown.
        var withoutKey = new DelayRegister(db);
        Assert.False(withoutKey.CanShowIdentifiers);
        await Assert.ThrowsAsync<InvalidOperationException>(() => withoutKey.IdentifiersAsync([1]));
        // Under another key the values do not open, and an import under it is refused.
        var other = new DelayRegister(db, IdentityCipher.FromKey(new byte[32]));
        Assert.All((await other.IdentifiersAsync([.. delays.Select(d => d.Episode)])).Values, v => Assert.Equal((null, null), v));
        var refused = await other.ImportAsync(await WriteAsync(Extract), Key, "tester", false);
        Assert.False(refused.Imported);
        Assert.Contains("different BEDFLOW_REGISTER_ENCRYPTION_KEY", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
    }

    protected async Task Patients_imported_without_the_key_have_no_number_until_imported_again_with_it()
    {
        var (db, _) = await NewAsync();
        await new DelayRegister(db).ImportAsync(await WriteAsync(Extract), Key, "tester", false);
        var register = new DelayRegister(db, Cipher);
        var delays = await register.CurrentDelaysAsync(new DateTime(2016, 4, 29));
        Assert.All((await register.IdentifiersAsync([.. delays.Select(d => d.Episode)])).Values, v => Assert.Equal((null, null), v));
        var again = await register.ImportAsync(await WriteAsync(Extract), Key, "tester", false);
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged)); // filling in identifiers is not a change of the record
        var filled = await register.IdentifiersAsync([.. delays.Select(d => d.Episode)]);
        Assert.Equal(["9434765870", "9434765919"], filled.Values.Select(v => v.NhsNumber!).Order(StringComparer.Ordinal));
        // A changed local number is an audited update, its values never in the audit.
        var changed = await register.ImportAsync(await WriteAsync(Extract.Replace("RTH-00123", "RTH-00999", StringComparison.Ordinal)), Key, "tester", false);
        Assert.Equal((0, 1, 1), (changed.Inserted, changed.Updated, changed.Unchanged));
        var audit = await register.AuditAsync();
        Assert.Equal("local number changed", audit[^1].Detail);
        Assert.DoesNotContain(audit, a => a.Detail.Contains("RTH-00", StringComparison.Ordinal));
    }

    protected async Task A_bad_local_number_is_a_problem_on_its_line_and_the_rejects_file_masks_it()
    {
        var (db, _) = await NewAsync();
        var register = new DelayRegister(db, Cipher);
        string file = await WriteAsync(Extract.Replace("yes,RTH-00123", "yes,RTH<00123>", StringComparison.Ordinal) + "RTH,4010232137,2016-04-26 08:00,,,acute,acute,,,,,yes,9434765919\n");
        var report = await register.ImportAsync(file, Key, "tester", skipInvalid: true);
        Assert.True(report.Imported);
        Assert.Contains(report.Problems, p => p.Line == 2 && p.Column == "local_number");
        Assert.Contains(report.Problems, p => p.Line == 4 && p.Column == "local_number" && p.Message.Contains("NHS number", StringComparison.Ordinal));
        string rejects = await File.ReadAllTextAsync(report.RejectsFile!);
        Assert.DoesNotContain("RTH<00123>", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("4010232137", rejects, StringComparison.Ordinal);
    }
}

public sealed class SqliteEncryptionTests : EncryptionTests<SqliteEngine>
{
    [Fact] public Task Round_trip() => An_import_with_the_key_keeps_numbers_that_read_back_only_with_it();
    [Fact] public Task Old_rows() => Patients_imported_without_the_key_have_no_number_until_imported_again_with_it();
    [Fact] public Task Bad_local_number() => A_bad_local_number_is_a_problem_on_its_line_and_the_rejects_file_masks_it();

    [Fact]
    public async Task The_database_file_holds_no_nhs_number_or_local_number_in_clear()
    {
        var (db, location) = await NewAsync();
        var report = await new DelayRegister(db, Cipher).ImportAsync(await WriteAsync(Extract), Key, "tester", false);
        Assert.True(report.Imported);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string file = location.ToString().Trim('\'');
        byte[] bytes = [.. File.ReadAllBytes(file), .. File.Exists(file + "-wal") ? File.ReadAllBytes(file + "-wal") : []];
        // In any encoding a database might use for text: ASCII/UTF-8 and UTF-16.
        foreach (string secret in new[] { "9434765919", "9434765870", "943 476 5919", "RTH-00123" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("v1:"u8)); // and the sealed values are there
    }
}

public sealed class PostgresEncryptionTests : EncryptionTests<PostgresEngine>
{
    [PostgresFact] public Task Round_trip() => An_import_with_the_key_keeps_numbers_that_read_back_only_with_it();
    [PostgresFact] public Task Old_rows() => Patients_imported_without_the_key_have_no_number_until_imported_again_with_it();
    [PostgresFact] public Task Bad_local_number() => A_bad_local_number_is_a_problem_on_its_line_and_the_rejects_file_masks_it();
}
