using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>The register's behaviour, the same on every engine (run by the one-line subclasses below).</summary>
public abstract partial class RegisterTests<TEngine> where TEngine : IRegisterEngine, new()
{
    protected static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

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
        Assert.Equal(4, report.RowsRead); // four rows below the header, the blank last line not counted
        Assert.Equal((3L, 3L, 3L), await register.CountsAsync());
        Assert.Equal([("RTH", "acute", "acute")], await register.ServicesAsync()); // stable codes, not C# names
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
        // The open episode is closed: discharged on 10 May to pathway 2.
        var corrected = await WriteAsync(Extract.Replace("2016-04-25 08:00,2016-04-28 09:00,,acute", "2016-04-25 08:00,2016-04-28 09:00,2016-05-10 11:00,acute", StringComparison.Ordinal)
            .Replace(",acute,acute,,C", ",acute,acute,P2,C", StringComparison.Ordinal));
        var update = await register.ImportAsync(corrected, Key, "analyst", false);
        Assert.Equal((0, 1, 2), (update.Inserted, update.Updated, update.Unchanged));
        var audit = await register.AuditAsync();
        Assert.Equal(4, audit.Count);
        var last = audit[^1];
        Assert.Equal(("analyst", "updated"), (last.Who, last.Action));
        Assert.Contains("discharged - → 2016-05-10 11:00:00", last.Detail, StringComparison.Ordinal);
        Assert.Contains("destination - → P2", last.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("reasons", last.Detail, StringComparison.Ordinal); // the reasons did not change
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
        Assert.Equal((4, 4), (report.RowsRead, skipped.RowsRead)); // lines 2-5, counted whether or not anything went in
        string rejects = await File.ReadAllTextAsync(skipped.RejectsFile!);
        Assert.StartsWith("line,problems,provider,nhs_number", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
        Assert.Contains("*******871", rejects, StringComparison.Ordinal);

        // Refused all or nothing, its rejects asked for all the same (the web app's Import page): the very same file, nothing written.
        string kept = Path.Combine(Path.GetTempPath(), $"rejects-{Guid.NewGuid():N}.csv");
        var fresh = new DelayRegister(await NewAsync());
        var refused = await fresh.ImportAsync(file, Key, "tester", skipInvalid: false, kept, rejectsWhenRefused: true);
        Assert.False(refused.Imported);
        Assert.Equal(kept, refused.RejectsFile);
        Assert.Equal(rejects, await File.ReadAllTextAsync(kept));
        Assert.Equal((0L, 0L, 0L), await fresh.CountsAsync());
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(kept) + ".*.partial"));
    }

    protected async Task Two_imports_at_once_lose_nothing_and_duplicate_nothing()
    {
        // The drivers' own timeouts are cut to one second; the first import holds the lock four times
        // as long. The second, started while the first holds the lock, must wait for it and then land.
        var path = await new TEngine().NewDatabaseAsync();
        var waits = new List<TimeSpan>();
        var options = new RegisterOptions(TimeSpan.FromMinutes(2), t => { lock (waits) { waits.Add(t); } }) { DriverTimeout = TimeSpan.FromSeconds(1) };
        var db = await RegisterDatabase.OpenAsync(path, options);
        string a = await WriteAsync(Extract);
        string b = await WriteAsync(Extract + AnotherPatient);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Task.Run(() => new DelayRegister(db).ImportAsync(a, Key, "one", false, null, n =>
        {
            if (n == 0)
            {
                holding.SetResult();
                Thread.Sleep(TimeSpan.FromSeconds(4));
            }
        }, CancellationToken.None));
        await holding.Task;
        var second = await new DelayRegister(db).ImportAsync(b, Key, "two", false);
        var one = await first;
        Assert.True(one.Imported, one.Failure);
        Assert.True(second.Imported, second.Failure);
        Assert.NotEmpty(waits); // it really waited for the first
        Assert.Equal((3, 0, 0), (one.Inserted, one.Updated, one.Unchanged));
        Assert.Equal((1, 0, 3), (second.Inserted, second.Updated, second.Unchanged)); // it ran after the first had committed
        Assert.Equal((4L, 4L, 4L), await new DelayRegister(db).CountsAsync());
    }

    /// <summary>An episode of a fourth patient (NHS number 999 000 0018, valid).</summary>
    internal const string AnotherPatient = "RTH,9990000018,2016-05-01 10:00,2016-05-03 10:00,2016-05-09 10:00,acute,acute,P1,E,Social Care,2016-05-03 10:00,yes\n";

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

    protected async Task An_interrupted_import_leaves_the_register_as_it_was()
    {
        var register = new DelayRegister(await OpenAsync());
        await register.ImportAsync(await WriteAsync(Extract), Key, "t", false);
        var before = await register.CountsAsync();
        var more = Extract + AnotherPatient;
        more = more.Replace("2016-05-05 12:00,acute", "2016-05-06 12:00,acute", StringComparison.Ordinal); // an update too
        var failed = await register.ImportAsync(await WriteAsync(more), Key, "t", false, null,
            n => { if (n == 2) { throw new IOException("the disk went away"); } }, CancellationToken.None);
        Assert.False(failed.Imported);
        Assert.Equal("reading or writing failed: the disk went away. Nothing was imported: the register is as it was.", failed.Failure);
        Assert.Equal(before, await register.CountsAsync());
        Assert.Equal(3, (await register.AuditAsync()).Count);
        var records = await register.DelayRecordsAsync();
        Assert.DoesNotContain(records, r => r.Exit == new DateTime(2016, 5, 6, 12, 0, 0));
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

    protected async Task Published_data_keeps_councils_apart_and_missing_values_missing()
    {
        var db = await OpenAsync();
        var orgFirst = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Organisations));
        Assert.False(orgFirst.Imported);
        Assert.Contains("import the by-reason file first", Assert.Single(orgFirst.Problems).Message, StringComparison.Ordinal);

        var renamed = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons.Replace("\"Period\"", "\"Month\"", StringComparison.Ordinal)));
        Assert.StartsWith("this is neither published file", Assert.Single(renamed.Problems).Message, StringComparison.Ordinal);
        var reasons = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons));
        Assert.True(reasons.Imported, string.Join("\n", reasons.Problems));
        Assert.Equal(6, reasons.Councils); // Oxfordshire, Dorset County, Dorset (2019), BCP, Bournemouth, Leicester — England is a total
        var again = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons));
        Assert.True(again.Imported);
        var orgs = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Organisations));
        Assert.True(orgs.Imported, string.Join("\n", orgs.Problems));

        Assert.Equal(("E10000025", "Oxfordshire"), await PublishedFigures.ResolveAsync(db, "608"));
        Assert.Equal("E10000009", (await PublishedFigures.ResolveAsync(db, "809"))!.Value.Code);
        Assert.Equal(("E92000001", "England"), await PublishedFigures.ResolveAsync(db, "E92000001")); // the national comparator

        // Oxfordshire across the code change: 820 (with Other missing) + 840.
        var ox = (await PublishedFigures.BenchmarkAsync(db, "608", "2014-03", "2017-04", null))!;
        Assert.Equal(820 + 840, ox.DelayedDays);
        Assert.Equal(10, ox.ByReason[DelayReason.O]);   // NA is missing, not zero: only April 2017's 10
        Assert.Equal(500, ox.ByOrganisation[Responsibility.Nhs]);
        Assert.Contains("favours small councils", ox.Warning, StringComparison.Ordinal);
        Assert.Null(ox.Rank);         // 2 of 38 months reported: not ranked, and it says so
        Assert.Contains("has data for 2 of the 38 months", ox.Warning, StringComparison.Ordinal);
        var april = (await PublishedFigures.BenchmarkAsync(db, "608", "2017-04", "2017-04", null))!;
        Assert.Equal(4, april.Councils); // councils reporting that month (the 2019 councils do not)
        Assert.Equal(4, april.Rank);     // the most delayed days: last

        // The two Dorsets stay apart; BCP's missing equipment value is missing.
        var county = (await PublishedFigures.BenchmarkAsync(db, "E10000009", "2014-01", "2019-12", null))!;
        var unitary = (await PublishedFigures.BenchmarkAsync(db, "E06000059", "2014-01", "2019-12", null))!;
        Assert.Equal(82 + 91, county.DelayedDays);
        Assert.Equal(61, unitary.DelayedDays);
        Assert.Equal(30, unitary.ByOrganisation[Responsibility.Nhs]);
        var bcp = (await PublishedFigures.BenchmarkAsync(db, "E06000058", "2019-08", "2019-08", null))!;
        Assert.Equal(71, bcp.DelayedDays); // the missing equipment value adds nothing
        Assert.True(bcp.MissingValues >= 1);
        Assert.Null(bcp.ByOrganisation[Responsibility.SocialCare]); // its only value is "-": missing, not zero

        // By rate per 100,000 adults, small Leicester's 406 days can rank worse than Oxfordshire's 840.
        var adults = new Dictionary<string, long> { ["E10000025"] = 510_000, ["E06000016"] = 270_000, ["608"] = 510_000 };
        var byRate = (await PublishedFigures.BenchmarkAsync(db, "E10000025", "2017-04", "2017-04", adults))!;
        Assert.Equal(840.0 / 30 / 510_000 * 100_000, byRate.RatePer100kAdults!.Value, 9);
        Assert.Null(byRate.Warning);
        Assert.Equal(2, byRate.Councils);
    }

    protected async Task Mistakes_never_echo_nhs_numbers_and_never_import_half_an_episode()
    {
        var register = new DelayRegister(await OpenAsync());
        // No header row: the first patient would be read as column names.
        string headerless = Extract[(Extract.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        var noHeader = await register.ImportAsync(await WriteAsync(headerless), Key, "t", skipInvalid: true);
        Assert.False(noHeader.Imported);
        Assert.Contains("is the header row missing?", Assert.Single(noHeader.Problems).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5919", string.Join(" ", noHeader.Problems), StringComparison.Ordinal);

        // A provider with an unquoted comma shifts the NHS number; its episode's other row must stay out too.
        string shifted = Extract.Replace("RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di",
            "RTH, Oxford,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di", StringComparison.Ordinal);
        string file = await WriteAsync(shifted);
        var report = await register.ImportAsync(file, Key, "t", skipInvalid: true);
        // The shifted row is tied to its patient by the valid NHS number it holds: that patient's episode stays out whole.
        Assert.True(report.Imported, string.Join("\n", report.Problems));
        Assert.Equal(2, report.Inserted);
        Assert.DoesNotContain(await register.DelayRecordsAsync(), r => r.Admitted == new DateTime(2016, 4, 20, 10, 0, 0));

        // Shifted so that no valid NHS number is left in the row: nothing can be tied, nothing is safe.
        string lost = Extract.Replace("RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di",
            "RTH, Oxford,943 476 591,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di", StringComparison.Ordinal);
        var stopped = await new DelayRegister(await NewAsync()).ImportAsync(await WriteAsync(lost), Key, "t", skipInvalid: true);
        Assert.False(stopped.Imported);
        Assert.Contains(stopped.Problems, p => p.Message.Contains("cannot be tied to their episode", StringComparison.Ordinal));

        // A truncated row that still names its episode keeps the whole episode out, and the rejects file masks the number.
        string truncated = Extract.Replace("2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes", "2016-04-27 10:00", StringComparison.Ordinal);
        string tfile = await WriteAsync(truncated);
        var partial = await new DelayRegister(await NewAsync()).ImportAsync(tfile, Key, "t", skipInvalid: true);
        Assert.True(partial.Imported);
        Assert.Equal(2, partial.Inserted); // not the episode of lines 2 and 3
        string rejects = await File.ReadAllTextAsync(partial.RejectsFile!);
        Assert.DoesNotContain("4765919", rejects.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("line,problems,provider,nhs_number,admitted", rejects, StringComparison.Ordinal);
    }

    protected async Task A_second_key_is_refused_rather_than_doubling_the_register()
    {
        var register = new DelayRegister(await OpenAsync());
        string file = await WriteAsync(Extract);
        await register.ImportAsync(file, Key, "t", false);
        var other = await register.ImportAsync(file, "another-key-0123456789abcdef012345678"u8.ToArray(), "t", false);
        Assert.False(other.Imported);
        Assert.Contains("different BEDFLOW_REGISTER_KEY", Assert.Single(other.Problems).Message, StringComparison.Ordinal);
        Assert.Equal((3L, 3L, 3L), await register.CountsAsync());
    }

    protected async Task Migrations_are_versioned_and_opening_twice_changes_nothing()
    {
        var db = await new TEngine().NewDatabaseAsync();
        await RegisterDatabase.OpenAsync(db);
        var again = await RegisterDatabase.OpenAsync(db);
        var register = new DelayRegister(again);
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
    }
}

public sealed partial class SqliteRegisterTests : RegisterTests<SqliteEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [Fact] public Task Import_and_figures() => An_import_stores_episodes_and_reasons_and_the_sitrep_figures_follow_from_them();
    [Fact] public Task Idempotent_and_audited() => Reimporting_the_same_file_changes_nothing_and_a_corrected_row_is_an_audited_update();
    [Fact] public Task Bad_rows() => A_file_with_bad_rows_imports_nothing_and_lists_every_problem_with_its_line();
    [Fact] public Task Concurrent_imports() => Two_imports_at_once_lose_nothing_and_duplicate_nothing();
    [Fact] public Task Malformed_files() => A_malformed_or_foreign_file_gets_a_clear_error_and_changes_nothing();
    [Fact] public Task Current_delays() => Who_is_delayed_now_is_listed_without_nhs_numbers_longest_first();
    [Fact] public Task Migrations() => Migrations_are_versioned_and_opening_twice_changes_nothing();
    [Fact] public Task Published_data() => Published_data_keeps_councils_apart_and_missing_values_missing();
    [Fact] public Task Interrupted_import() => An_interrupted_import_leaves_the_register_as_it_was();
    [Fact] public Task No_leaks_no_half_episodes() => Mistakes_never_echo_nhs_numbers_and_never_import_half_an_episode();
    [Fact] public Task One_key() => A_second_key_is_refused_rather_than_doubling_the_register();

    [Fact]
    public async Task A_100_MB_file_with_one_bad_row_at_the_end_gets_a_clear_error_and_changes_nothing()
    {
        var register = new DelayRegister(await OpenAsync());
        string path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
        await using (var w = new StreamWriter(path))
        {
            await w.WriteLineAsync(Header);
            long bytes = 0;
            var start = new DateTime(2016, 4, 1);
            for (int i = 0; bytes < 100_000_000; i++)
            {
                // A unique patient per row: valid NHS numbers from the 999 test range.
                string nhs = TestNhsNumber(i);
                var admitted = start.AddMinutes(i); // unique admissions (a patient may come back: NHS numbers repeat after 500,000 rows)
                string line = $"RTH,{nhs},{admitted:yyyy-MM-dd HH:mm},{admitted.AddDays(3):yyyy-MM-dd HH:mm},{admitted.AddDays(4):yyyy-MM-dd HH:mm},acute-ward-with-a-long-name-{i % 7},acute,P1,E,Social Care,{admitted.AddDays(3):yyyy-MM-dd HH:mm},yes";
                await w.WriteLineAsync(line);
                bytes += line.Length + 1;
            }
            await w.WriteLineAsync("RTH,9434765919,2016-04-20 10:00,2016-04-19 10:00,,acute,acute,,A,Social Care,2016-04-19 10:00,yes");
        }
        Assert.True(new FileInfo(path).Length > 100_000_000);
        var report = await register.ImportAsync(path, Key, "t", false);
        Assert.False(report.Imported);
        var p = Assert.Single(report.Problems);
        Assert.Equal("ready_for_transfer", p.Column);
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
        File.Delete(path);
    }

    private static string TestNhsNumber(int i)
    {
        for (int k = i * 2; ; k++)
        {
            string nine = "999" + (k % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            int sum = 0;
            for (int j = 0; j < 9; j++)
            {
                sum += (nine[j] - '0') * (10 - j);
            }
            int check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }
            if (check != 10)
            {
                return nine + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}

public sealed partial class PostgresRegisterTests : RegisterTests<PostgresEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [PostgresFact] public Task Import_and_figures() => An_import_stores_episodes_and_reasons_and_the_sitrep_figures_follow_from_them();
    [PostgresFact] public Task Idempotent_and_audited() => Reimporting_the_same_file_changes_nothing_and_a_corrected_row_is_an_audited_update();
    [PostgresFact] public Task Bad_rows() => A_file_with_bad_rows_imports_nothing_and_lists_every_problem_with_its_line();
    [PostgresFact] public Task Concurrent_imports() => Two_imports_at_once_lose_nothing_and_duplicate_nothing();
    [PostgresFact] public Task Malformed_files() => A_malformed_or_foreign_file_gets_a_clear_error_and_changes_nothing();
    [PostgresFact] public Task Current_delays() => Who_is_delayed_now_is_listed_without_nhs_numbers_longest_first();
    [PostgresFact] public Task Migrations() => Migrations_are_versioned_and_opening_twice_changes_nothing();
    [PostgresFact] public Task Published_data() => Published_data_keeps_councils_apart_and_missing_values_missing();
    [PostgresFact] public Task Interrupted_import() => An_interrupted_import_leaves_the_register_as_it_was();
    [PostgresFact] public Task No_leaks_no_half_episodes() => Mistakes_never_echo_nhs_numbers_and_never_import_half_an_episode();
    [PostgresFact] public Task One_key() => A_second_key_is_refused_rather_than_doubling_the_register();
}
