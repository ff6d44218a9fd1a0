using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>The register's behaviour, the same on every engine (run by the one-line subclasses below).</summary>
public abstract class RegisterTests<TEngine> where TEngine : IRegisterEngine, new()
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

    // Valid NHS numbers (modulus 11): 9434765919, 9434765870, 4010232137.
    internal const string Header = "provider,nhs_number,admitted,ready_for_transfer,discharged,service,bed_type,destination,reason,responsible,reason_from,adult";

    internal const string Extract = Header + """

        RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,A,Social Care,2016-04-27 10:00,yes
        RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes
        RTH,9434765870,2016-04-25 08:00,2016-04-28 09:00,,acute,acute,,C,NHS,2016-04-28 09:00,yes
        RTH,4010232137,2016-04-26 08:00,2016-04-27 12:00,2016-04-27 18:00,acute,acute,P0,,,,yes

        """;

    protected abstract Task<RegisterDatabase> OpenAsync();

    protected static async Task<string> WriteAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    protected static async Task<RegisterDatabase> NewAsync() => await RegisterDatabase.OpenAsync(await new TEngine().NewDatabaseAsync());

    protected async Task An_import_stores_episodes_and_reasons_and_the_sitrep_figures_follow_from_them()
    {
        var register = new DelayRegister(await OpenAsync());
        var report = await register.ImportAsync(await WriteAsync(Extract), Key, "tester", skipInvalid: false);
        Assert.Empty(report.Problems);
        Assert.Equal((3, 0, 0), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal((3L, 3L, 3L), await register.CountsAsync());
        var counter = new DelayCounter(new(2016, 4, 1), new(2016, 5, 31));
        counter.AddRange(await register.DelayRecordsAsync());
        var f = counter.Figures();
        Assert.Equal(4, f.Days(DelayReason.A));   // 27, 28, 29, 30 April
        Assert.Equal(4, f.Days(DelayReason.Di));  // 1–4 May
        Assert.Equal(34, f.Days(DelayReason.C));  // 28 April – 31 May, still delayed
        Assert.Equal(2, f.Months[0].SnapshotPatients()); // Thursday 28 April 24:00
        Assert.Equal(2, f.Discharges);
    }

    protected async Task Reimporting_the_same_file_changes_nothing_and_a_corrected_row_is_an_audited_update()
    {
        var register = new DelayRegister(await OpenAsync());
        string file = await WriteAsync(Extract);
        await register.ImportAsync(file, Key, "tester", false);
        var again = await register.ImportAsync(file, Key, "tester", false);
        Assert.Equal((0, 0, 3), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((3L, 3L, 3L), await register.CountsAsync());
        var corrected = await WriteAsync(Extract.Replace("2016-04-25 08:00,2016-04-28 09:00,,acute", "2016-04-25 08:00,2016-04-28 09:00,2016-05-10 11:00,acute", StringComparison.Ordinal)
            .Replace("C,NHS,2016-04-28 09:00,yes", "C,NHS,2016-04-28 09:00,yes", StringComparison.Ordinal).Replace(",acute,acute,,C", ",acute,acute,P2,C", StringComparison.Ordinal));
        var update = await register.ImportAsync(corrected, Key, "analyst", false);
        Assert.Equal((0, 1, 2), (update.Inserted, update.Updated, update.Unchanged));
        var audit = await register.AuditAsync();
        Assert.Equal(4, audit.Count);
        var last = audit[^1];
        Assert.Equal(("analyst", "updated"), (last.Who, last.Action));
        Assert.Contains("discharged - → 2016-05-10 11:00:00", last.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765870", string.Join(" ", audit.Select(a => a.Detail)), StringComparison.Ordinal);
    }

    protected async Task A_file_with_bad_rows_imports_nothing_and_lists_every_problem_with_its_line()
    {
        var register = new DelayRegister(await OpenAsync());
        string bad = Extract
            .Replace("9434765870", "9434765871", StringComparison.Ordinal)                                     // line 4: check digit
            .Replace("2016-04-26 08:00,2016-04-27 12:00,2016-04-27 18:00", "2016-04-26 08:00,2016-04-25 12:00,2016-04-27 18:00", StringComparison.Ordinal) // line 5: ready before admission
            .Replace("P3,Di,Social Care", "P3,Dj,Social Care", StringComparison.Ordinal);                       // line 3: unknown reason
        string file = await WriteAsync(bad);
        var report = await register.ImportAsync(file, Key, "tester", false);
        Assert.False(report.Imported);
        Assert.Equal([2, 3, 4, 5], report.Problems.Select(p => p.Line).Distinct());
        Assert.Contains(report.Problems, p => p.Line == 2 && p.Message.StartsWith("is part of an episode with a bad row", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 4 && p.Column == "nhs_number" && p.Message.StartsWith("*******871 is not a valid NHS number", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 5 && p.Column == "ready_for_transfer" && p.Message == "is before admission.");
        Assert.Contains(report.Problems, p => p.Line == 3 && p.Column == "reason" && p.Message.StartsWith("'Dj' is not a SitRep reason", StringComparison.Ordinal));
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
        Assert.False(File.Exists(file + ".rejects.csv"));

        var skipped = await register.ImportAsync(file, Key, "tester", skipInvalid: true);
        Assert.True(skipped.Imported);
        Assert.Equal(0, skipped.Inserted); // line 2's episode shares line 3's: a bad row keeps its whole episode out
        string rejects = await File.ReadAllTextAsync(skipped.RejectsFile!);
        Assert.StartsWith("line,problems,provider,nhs_number", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
        Assert.Contains("*******871", rejects, StringComparison.Ordinal);
    }

    protected async Task Two_imports_at_once_lose_nothing_and_duplicate_nothing()
    {
        var db = await OpenAsync();
        string a = await WriteAsync(Extract);
        string b = await WriteAsync(Extract);
        var results = await Task.WhenAll(new DelayRegister(db).ImportAsync(a, Key, "one", false), new DelayRegister(db).ImportAsync(b, Key, "two", false));
        Assert.Equal(3, results.Sum(r => r.Inserted));
        Assert.Equal(3, results.Sum(r => r.Unchanged));
        Assert.Equal((3L, 3L, 3L), await new DelayRegister(db).CountsAsync());
    }

    protected async Task A_malformed_or_foreign_file_gets_a_clear_error_and_changes_nothing()
    {
        var register = new DelayRegister(await OpenAsync());
        var truncated = await register.ImportAsync(await WriteAsync(Extract.TrimEnd() + "\nRTH,4010232137,2016-04-26"), Key, "t", false);
        Assert.Contains(truncated.Problems, p => p.Line == 6 && p.Message.StartsWith("has 3 fields, but the header has 12", StringComparison.Ordinal));
        var columns = await register.ImportAsync(await WriteAsync("provider,nhs,admitted\nRTH,1,2016-01-01\n"), Key, "t", false);
        Assert.StartsWith("missing column(s): nhs_number, service, bed_type.", Assert.Single(columns.Problems).Message, StringComparison.Ordinal);
        string latin1 = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(latin1, [.. Encoding.UTF8.GetBytes(Header + "\n"), .. Encoding.Latin1.GetBytes("RTH,9434765919,2016-04-20 10:00,,,Hôpital,acute,,,,,yes\n")]);
        var foreign = await register.ImportAsync(latin1, Key, "t", false);
        Assert.Contains("not UTF-8", Assert.Single(foreign.Problems).Message, StringComparison.Ordinal);
        var empty = await register.ImportAsync(await WriteAsync(""), Key, "t", false);
        Assert.StartsWith("the file is empty", Assert.Single(empty.Problems).Message, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
    }

    protected async Task Who_is_delayed_now_is_listed_without_nhs_numbers_longest_first()
    {
        var register = new DelayRegister(await OpenAsync());
        await register.ImportAsync(await WriteAsync(Extract), Key, "t", false);
        var now = await register.CurrentDelaysAsync(new DateTime(2016, 5, 2, 12, 0, 0));
        Assert.Equal(2, now.Count);
        Assert.Equal([DelayReason.Di, DelayReason.C], now.Select(d => d.Reason));
        Assert.Equal(5.0833, now[0].Days, 3);
    }

    protected async Task Migrations_are_versioned_and_opening_twice_changes_nothing()
    {
        string db = await new TEngine().NewDatabaseAsync();
        await RegisterDatabase.OpenAsync(db);
        var again = await RegisterDatabase.OpenAsync(db);
        var register = new DelayRegister(again);
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
    }
}

public sealed class SqliteRegisterTests : RegisterTests<SqliteEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [Fact] public Task Import_and_figures() => An_import_stores_episodes_and_reasons_and_the_sitrep_figures_follow_from_them();
    [Fact] public Task Idempotent_and_audited() => Reimporting_the_same_file_changes_nothing_and_a_corrected_row_is_an_audited_update();
    [Fact] public Task Bad_rows() => A_file_with_bad_rows_imports_nothing_and_lists_every_problem_with_its_line();
    [Fact] public Task Concurrent_imports() => Two_imports_at_once_lose_nothing_and_duplicate_nothing();
    [Fact] public Task Malformed_files() => A_malformed_or_foreign_file_gets_a_clear_error_and_changes_nothing();
    [Fact] public Task Current_delays() => Who_is_delayed_now_is_listed_without_nhs_numbers_longest_first();
    [Fact] public Task Migrations() => Migrations_are_versioned_and_opening_twice_changes_nothing();
}

public sealed class PostgresRegisterTests : RegisterTests<PostgresEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [PostgresFact] public Task Import_and_figures() => An_import_stores_episodes_and_reasons_and_the_sitrep_figures_follow_from_them();
    [PostgresFact] public Task Idempotent_and_audited() => Reimporting_the_same_file_changes_nothing_and_a_corrected_row_is_an_audited_update();
    [PostgresFact] public Task Bad_rows() => A_file_with_bad_rows_imports_nothing_and_lists_every_problem_with_its_line();
    [PostgresFact] public Task Concurrent_imports() => Two_imports_at_once_lose_nothing_and_duplicate_nothing();
    [PostgresFact] public Task Malformed_files() => A_malformed_or_foreign_file_gets_a_clear_error_and_changes_nothing();
    [PostgresFact] public Task Current_delays() => Who_is_delayed_now_is_listed_without_nhs_numbers_longest_first();
    [PostgresFact] public Task Migrations() => Migrations_are_versioned_and_opening_twice_changes_nothing();
}
