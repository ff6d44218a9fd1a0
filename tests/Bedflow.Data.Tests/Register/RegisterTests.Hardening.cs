using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>Hostile and faulty input: nothing leaks, nothing is half-stored, nothing is doubled.</summary>
public abstract partial class RegisterTests<TEngine>
{
    // The second row of the two-row episode of 943 476 5919 (lines 2 and 3 of Extract).
    private const string SecondRow = "RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes";

    protected async Task A_broken_key_field_in_one_row_keeps_its_whole_episode_out(string broken)
    {
        var register = new DelayRegister(await OpenAsync());
        string file = await WriteAsync(Extract.Replace(SecondRow, broken, StringComparison.Ordinal));
        var report = await register.ImportAsync(file, Key, "t", skipInvalid: true);
        Assert.True(report.Imported, string.Join("\n", report.Problems));
        Assert.Equal(2, report.Inserted); // the other two patients, not the first row of the broken episode
        Assert.Equal((2L, 2L, 1L), await register.CountsAsync());
        Assert.Contains(report.Problems, p => p.Line == 2 && p.Message.StartsWith("is part of an episode with a bad row", StringComparison.Ordinal));
        var records = await register.DelayRecordsAsync();
        Assert.DoesNotContain(records, r => r.Admitted == new DateTime(2016, 4, 20, 10, 0, 0));
        // The good row kept out with it is in the rejects file whole (masked), ready to be corrected and imported again.
        string keptOut = (await File.ReadAllLinesAsync(report.RejectsFile!)).Single(l => l.StartsWith("2,", StringComparison.Ordinal));
        Assert.EndsWith(",RTH,*******919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,A,Social Care,2016-04-27 10:00,yes", keptOut, StringComparison.Ordinal);
    }

    protected async Task A_row_with_two_key_fields_unreadable_stops_the_import()
    {
        var register = new DelayRegister(await OpenAsync());
        string broken = SecondRow.Replace("RTH,943 476 5919,", ",943 476 591,", StringComparison.Ordinal);
        var report = await register.ImportAsync(await WriteAsync(Extract.Replace(SecondRow, broken, StringComparison.Ordinal)), Key, "t", skipInvalid: true);
        Assert.False(report.Imported);
        Assert.Contains(report.Problems, p => p.Line == 0 && p.Message.Contains("cannot be tied to their episode", StringComparison.Ordinal));
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
    }

    protected async Task A_second_import_that_waits_longer_than_its_wait_gives_up_and_writes_nothing()
    {
        var path = await new TEngine().NewDatabaseAsync();
        var db = await RegisterDatabase.OpenAsync(path, new RegisterOptions(TimeSpan.FromMinutes(1)) { DriverTimeout = TimeSpan.FromSeconds(1) });
        var impatient = await RegisterDatabase.OpenAsync(path, new RegisterOptions(TimeSpan.FromSeconds(1)) { DriverTimeout = TimeSpan.FromSeconds(1) });
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first import holds the lock until the second has given up (not for a fixed time, which a
        // loaded machine can outlast while the second is still reading its file), at most a minute.
        var first = Task.Run(() => new DelayRegister(db).ImportAsync(WriteAsync(Extract).Result, Key, "one", false, null, n =>
        {
            if (n == 0)
            {
                holding.SetResult();
                release.Task.Wait(TimeSpan.FromMinutes(1));
            }
        }, CancellationToken.None));
        await holding.Task;
        ImportReport second;
        try
        {
            second = await new DelayRegister(impatient).ImportAsync(await WriteAsync(AnotherPatient.Insert(0, Header + "\n")), Key, "two", false);
        }
        finally
        {
            release.SetResult();
        }
        Assert.False(second.Imported);
        Assert.Contains("longer than the wait allowed (--wait); nothing was written", second.Failure, StringComparison.Ordinal);
        Assert.True((await first).Imported);
        Assert.Equal((3L, 3L, 3L), await new DelayRegister(db).CountsAsync());
    }

    protected async Task A_rejects_file_that_cannot_be_written_stops_the_import_before_the_database()
    {
        var register = new DelayRegister(await OpenAsync());
        string file = await WriteAsync(Extract.Replace("9434765870", "9434765871", StringComparison.Ordinal));
        string notAFolder = await WriteAsync("a file, not a folder");
        var report = await register.ImportAsync(file, Key, "t", skipInvalid: true, rejectsFile: Path.Combine(notAFolder, "rejects.csv"));
        Assert.False(report.Imported);
        Assert.StartsWith($"cannot write the rejects file {Path.Combine(notAFolder, "rejects.csv")}:", report.Failure, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
        Assert.Empty(await register.AuditAsync());
    }

    protected async Task A_months_figures_from_that_month_s_stays_equal_those_from_the_whole_register()
    {
        var register = new DelayRegister(await OpenAsync());
        var import = await register.ImportAsync(Scenarios.OxfordshireExampleTests.RepoFile("examples", "oxfordshire", "register-extract.csv"), Key, "t", false);
        Assert.True(import.Imported, string.Join("\n", import.Problems));
        var all = await register.DelayRecordsAsync();
        int months = 0, fewer = 0;
        for (var first = new DateOnly(2016, 9, 1); first <= new DateOnly(2017, 3, 1); first = first.AddMonths(1))
        {
            var last = first.AddMonths(1).AddDays(-1);
            var whole = new Bedflow.Core.Delays.DelayCounter(first, last);
            whole.AddRange(all);
            var month = await register.DelayRecordsAsync(first, last);
            var part = new Bedflow.Core.Delays.DelayCounter(first, last);
            part.AddRange(month);
            var (w, m) = (whole.Figures(), part.Figures());
            Assert.Equal((w.Months[0].DelayedDays(), w.Months[0].SnapshotPatients(), w.Discharges), (m.Months[0].DelayedDays(), m.Months[0].SnapshotPatients(), m.Discharges));
            Assert.True(month.Count <= all.Count);
            months += w.Months[0].DelayedDays() > 0 ? 1 : 0;
            fewer += month.Count < all.Count ? 1 : 0;
        }
        Assert.True(months >= 2); // the check compared months that had delays
        Assert.True(fewer >= 2);  // and months for which only part of the register was read
    }

    protected async Task A_register_with_csharp_names_for_codes_migrates_to_stable_codes_and_its_figures_stay()
    {
        var location = await new TEngine().NewDatabaseAsync();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(location));
        await register.ImportAsync(await WriteAsync(Extract), Key, "t", false);
        var counter = new Bedflow.Core.Delays.DelayCounter(new(2016, 4, 1), new(2016, 5, 31));
        counter.AddRange(await register.DelayRecordsAsync());
        long before = counter.Figures().Months.Sum(m => m.DelayedDays());
        // As a register of schema version 6 stored them: C# member names.
        await ExecuteAsync(location, """
            UPDATE delay_reasons SET responsible = CASE responsible WHEN 'social_care' THEN 'SocialCare' WHEN 'nhs' THEN 'Nhs' ELSE 'Both' END;
            UPDATE episodes SET beds = 'Acute'; UPDATE services SET beds = 'Acute';
            DELETE FROM schema_migrations WHERE version >= 7;
            DROP TABLE api_tokens; DROP TABLE users;
            ALTER TABLE patients DROP COLUMN nhs_number_enc; ALTER TABLE episodes DROP COLUMN local_number_enc;
            ALTER TABLE episodes DROP COLUMN version; DROP TABLE register_changes; DROP INDEX audit_episode; DROP TABLE import_rejects;
            """);
        var migrated = new DelayRegister(await RegisterDatabase.OpenAsync(location));
        Assert.Equal([("RTH", "acute", "acute")], await migrated.ServicesAsync());
        var after = new Bedflow.Core.Delays.DelayCounter(new(2016, 4, 1), new(2016, 5, 31));
        after.AddRange(await migrated.DelayRecordsAsync());
        Assert.Equal(before, after.Figures().Months.Sum(m => m.DelayedDays()));
        Assert.Equal(8 + 34, before); // A 4 + Di 4 + C 34, hand-counted in Import_and_figures
    }

    private static async Task ExecuteAsync(RegisterLocation location, string sql)
    {
        System.Data.Common.DbConnection c = location.Engine == RegisterEngine.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.Target}")
            : new Npgsql.NpgsqlConnection(location.Target);
        await using (c)
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    protected async Task Opening_a_register_that_does_not_exist_for_reading_creates_nothing()
    {
        var path = await new TEngine().NewDatabaseAsync();
        var (db, problem) = await RegisterDatabase.OpenExistingAsync(path, RegisterOptions.Default);
        Assert.Null(db);
        Assert.StartsWith("no register at", problem, StringComparison.Ordinal);
        var created = await RegisterDatabase.OpenAsync(path); // a write creates it...
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(created).CountsAsync());
        var (again, none) = await RegisterDatabase.OpenExistingAsync(path, RegisterOptions.Default); // ...and then a read finds it
        Assert.NotNull(again);
        Assert.Null(none);
    }
}

public sealed partial class SqliteRegisterTests
{
    [Theory]
    [InlineData(",943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes")]      // provider empty
    [InlineData("RTH,943 476 5918,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes")]  // NHS number's check digit
    [InlineData("RTH,943 476 5919,2016-04-31 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes")]  // admission unreadable
    [InlineData("RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00")]      // truncated
    public Task Half_episodes(string broken) => A_broken_key_field_in_one_row_keeps_its_whole_episode_out(broken);

    [Fact] public Task Untied_rows() => A_row_with_two_key_fields_unreadable_stops_the_import();
    [Fact] public Task Impatient_import() => A_second_import_that_waits_longer_than_its_wait_gives_up_and_writes_nothing();
    [Fact] public Task Unwritable_rejects() => A_rejects_file_that_cannot_be_written_stops_the_import_before_the_database();
    [Fact] public Task Read_only_open() => Opening_a_register_that_does_not_exist_for_reading_creates_nothing();
    [Fact] public Task Stable_codes() => A_register_with_csharp_names_for_codes_migrates_to_stable_codes_and_its_figures_stay();
    [Fact] public Task Month_query() => A_months_figures_from_that_month_s_stays_equal_those_from_the_whole_register();

    [Fact]
    public async Task A_full_disk_mid_import_is_a_clear_failure_and_changes_nothing()
    {
        var path = await new SqliteEngine().NewDatabaseAsync();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(path));
        await register.ImportAsync(await WriteAsync(Extract), Key, "t", false);
        long pages;
        await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path.Target}"))
        {
            await c.OpenAsync();
            await using var cmd = new Microsoft.Data.Sqlite.SqliteCommand("PRAGMA page_count", c);
            pages = (long)(await cmd.ExecuteScalarAsync())!;
        }
        // SQLite's own "database or disk is full": the file may not grow by one page.
        var full = new DelayRegister(await RegisterDatabase.OpenAsync(path, new RegisterOptions(TimeSpan.FromSeconds(5)) { OnConnect = $"PRAGMA max_page_count = {pages}" }));
        var many = Header + "\n" + string.Concat(Enumerable.Range(0, 2000).Select(i =>
            $"RTH,9990000018,2016-06-01 10:00,,,ward-{i}-with-a-name-long-enough-to-fill-pages-quickly,acute,,,,,yes\n".Replace("2016-06-01 10:00", new DateTime(2016, 6, 1).AddMinutes(i).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var report = await full.ImportAsync(await WriteAsync(many), Key, "t", false);
        Assert.False(report.Imported);
        Assert.Equal("the disk holding the register is full. Nothing was imported: the register is as it was.", report.Failure);
        Assert.Equal((3L, 3L, 3L), await register.CountsAsync());
        Assert.Equal(3, (await register.AuditAsync()).Count);
    }

    [Fact]
    public async Task Line_numbers_count_physical_lines_after_a_quoted_cell_that_spans_lines()
    {
        var register = new DelayRegister(await OpenAsync());
        string text = Extract.Replace(",acute,acute,,C,", ",\"acute\nward 7\",acute,,C,", StringComparison.Ordinal) // line 4 now spans lines 4 and 5
            .Replace("2016-04-26 08:00,2016-04-27 12:00", "2016-04-26 08:00,2016-04-25 12:00", StringComparison.Ordinal); // the next row, on line 6: ready before admission
        var report = await register.ImportAsync(await WriteAsync(text), Key, "t", false);
        var p = Assert.Single(report.Problems);
        Assert.Equal((6, "ready_for_transfer"), (p.Line, p.Column));
    }

    [Fact]
    public async Task A_semicolon_separated_or_doubled_header_is_refused_without_echoing_it()
    {
        var register = new DelayRegister(await OpenAsync());
        var semicolons = await register.ImportAsync(await WriteAsync(Header.Replace(',', ';') + "\nRTH;9434765919;2016-04-20 10:00;;;acute;acute;;;;;yes\n"), Key, "t", true);
        var p = Assert.Single(semicolons.Problems);
        Assert.Equal("the file looks semicolon-separated: Bedflow reads comma-separated UTF-8 (in Excel: Save As, CSV UTF-8).", p.Message);
        Assert.DoesNotContain("provider;", p.ToString(), StringComparison.Ordinal);
        var doubled = await register.ImportAsync(await WriteAsync(Header + ",service\nRTH,9434765919,2016-04-20 10:00,,,acute,acute,,,,,yes,acute\n"), Key, "t", true);
        Assert.Contains("column 'service' appears 2 times", Assert.Single(doubled.Problems).Message, StringComparison.Ordinal);
        Assert.False(doubled.Imported);
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
    }

    [Fact]
    public async Task An_unclosed_quote_that_would_swallow_the_file_is_refused_near_its_line()
    {
        var register = new DelayRegister(await OpenAsync());
        string path = Path.Combine(Path.GetTempPath(), $"unclosed-{Guid.NewGuid():N}.csv");
        await using (var w = new StreamWriter(path))
        {
            await w.WriteAsync(Extract.Replace(",acute,acute,,C,", ",\"acute,acute,,C,", StringComparison.Ordinal)); // line 4 opens a quote never closed
            var filler = new string('x', 1_000) + "\n";
            for (int i = 0; i < 50_000; i++)
            {
                await w.WriteAsync(filler); // 50 MB more
            }
        }
        var report = await register.ImportAsync(path, Key, "t", skipInvalid: true);
        Assert.False(report.Imported);
        var p = Assert.Single(report.Problems);
        Assert.StartsWith("a cell is longer than 10,000 characters", p.Message, StringComparison.Ordinal);
        Assert.InRange(p.Line, 4, 20); // it stopped where the runaway cell passed 10,000 characters, not at the end of the 50 MB
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
        File.Delete(path);
    }

    [Fact]
    public void A_problem_about_the_whole_file_names_no_line() =>
        Assert.Equal("x.csv: the file is empty.", new ImportProblem("x.csv", 0, "", "the file is empty.").ToString());
}

public sealed partial class PostgresRegisterTests
{
    [PostgresFact] public Task Half_episodes() => A_broken_key_field_in_one_row_keeps_its_whole_episode_out(",943 476 5919,2016-04-20 10:00,2016-04-27 10:00,2016-05-05 12:00,acute,acute,P3,Di,Social Care,2016-05-01 15:00,yes");
    [PostgresFact] public Task Untied_rows() => A_row_with_two_key_fields_unreadable_stops_the_import();
    [PostgresFact] public Task Impatient_import() => A_second_import_that_waits_longer_than_its_wait_gives_up_and_writes_nothing();
    [PostgresFact] public Task Unwritable_rejects() => A_rejects_file_that_cannot_be_written_stops_the_import_before_the_database();
    [PostgresFact] public Task Read_only_open() => Opening_a_register_that_does_not_exist_for_reading_creates_nothing();
    [PostgresFact] public Task Stable_codes() => A_register_with_csharp_names_for_codes_migrates_to_stable_codes_and_its_figures_stay();
    [PostgresFact] public Task Month_query() => A_months_figures_from_that_month_s_stays_equal_those_from_the_whole_register();

    [PostgresFact]
    public async Task Times_are_timestamp_columns_on_postgresql_and_read_back_unchanged()
    {
        var path = await new PostgresEngine().NewDatabaseAsync();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(path));
        await register.ImportAsync(await WriteAsync(Extract), Key, "t", false);
        await using var c = new Npgsql.NpgsqlConnection(path.Target);
        await c.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns WHERE column_name IN ('admitted', 'ready', 'discharged', 'from_time', 'at_utc') ORDER BY 1", c);
        var types = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types.Add(reader.GetString(0));
            }
        }
        Assert.Equal(["audit.at_utc timestamp without time zone", "delay_reasons.from_time timestamp without time zone", "episodes.admitted timestamp without time zone",
            "episodes.discharged timestamp without time zone", "episodes.ready timestamp without time zone"], types);
        var records = await register.DelayRecordsAsync();
        Assert.Contains(records, r => r.Admitted == new DateTime(2016, 4, 20, 10, 0, 0) && r.Exit == new DateTime(2016, 5, 5, 12, 0, 0) && r.Reasons.Count == 2);
    }

    [PostgresFact]
    public async Task A_connection_lost_mid_import_is_a_clear_failure_and_changes_nothing()
    {
        var path = await new PostgresEngine().NewDatabaseAsync();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(path));
        await register.ImportAsync(await WriteAsync(Extract), Key, "t", false);
        string database = new Npgsql.NpgsqlConnectionStringBuilder(path.Target).Database!;
        var report = await register.ImportAsync(await WriteAsync(Extract.Replace("2016-05-05 12:00,acute", "2016-05-06 12:00,acute", StringComparison.Ordinal) + AnotherPatient), Key, "t", false, null, n =>
        {
            if (n == 1)
            {
                // The server ends the import's connection, as a restart or a network cut would.
                using var admin = new Npgsql.NpgsqlConnection(PostgresEngine.Server);
                admin.Open();
                using var kill = new Npgsql.NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", admin);
                kill.ExecuteNonQuery();
            }
        }, CancellationToken.None);
        Assert.False(report.Imported);
        Assert.Contains("Nothing was imported: the register is as it was.", report.Failure, StringComparison.Ordinal);
        Assert.Matches("connection|server", report.Failure!);
        Assert.Equal((3L, 3L, 3L), await register.CountsAsync());
        Assert.DoesNotContain(await register.DelayRecordsAsync(), r => r.Exit == new DateTime(2016, 5, 6, 12, 0, 0));
    }
}

/// <summary>The one slow test: imports wait past the drivers' real default timeouts (30 s), on both engines at once.</summary>
public class LongLockTests
{
    [PostgresFact]
    public async Task A_second_import_waits_past_the_drivers_default_timeouts_on_both_engines()
    {
        // Npgsql's CommandTimeout and Microsoft.Data.Sqlite's DefaultTimeout are both 30 s by default;
        // RegisterOptions.Default keeps those defaults. The first import holds the lock for 35 s.
        await Task.WhenAll(Hold(await new SqliteEngine().NewDatabaseAsync()), Hold(await new PostgresEngine().NewDatabaseAsync()));

        static async Task Hold(RegisterLocation path)
        {
            var db = await RegisterDatabase.OpenAsync(path, RegisterOptions.Default);
            var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = Task.Run(async () => await new DelayRegister(db).ImportAsync(await Write(RegisterTests<SqliteEngine>.Extract), Key, "one", false, null, n =>
            {
                if (n == 0)
                {
                    holding.SetResult();
                    Thread.Sleep(TimeSpan.FromSeconds(35));
                }
            }, CancellationToken.None));
            await holding.Task;
            var second = await new DelayRegister(db).ImportAsync(await Write(RegisterTests<SqliteEngine>.Extract + RegisterTests<SqliteEngine>.AnotherPatient), Key, "two", false);
            Assert.True((await first).Imported);
            Assert.True(second.Imported, second.Failure);
            Assert.Equal((1, 3), (second.Inserted, second.Unchanged));
        }
    }

    private static readonly byte[] Key = System.Text.Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

    private static async Task<string> Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}

/// <summary>Defects a hostile review found, each pinned by a test.</summary>
public class RegisterReviewTests
{
    private static readonly byte[] Key = System.Text.Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");
    private const string Header = RegisterTests<SqliteEngine>.Header;
    private static readonly string Extract = RegisterTests<SqliteEngine>.Extract;

    private static async Task<string> Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static async Task<DelayRegister> NewRegister(RegisterOptions? options = null) =>
        new(await RegisterDatabase.OpenAsync(await new SqliteEngine().NewDatabaseAsync(), options ?? RegisterOptions.Default));

    [Fact]
    public async Task A_rejects_path_that_is_a_folder_the_extract_or_the_register_is_refused_before_anything_is_written()
    {
        var location = await new SqliteEngine().NewDatabaseAsync();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(location));
        string file = await Write(Extract.Replace("9434765870", "9434765871", StringComparison.Ordinal));
        string folder = Directory.CreateTempSubdirectory().FullName;
        foreach (var (rejects, says) in new[] { (folder, "is a folder"), (file, "would overwrite the extract itself"), (location.Target, "would overwrite the register's database") })
        {
            var report = await register.ImportAsync(file, Key, "t", skipInvalid: true, rejectsFile: rejects);
            Assert.False(report.Imported);
            Assert.Null(report.Failure); // a mistake in the command: exit 2, not 1
            Assert.Contains(report.Problems, p => p.Line == 0 && p.Message.Contains(says, StringComparison.Ordinal));
        }
        Assert.Equal((0L, 0L, 0L), await register.CountsAsync());
        Assert.StartsWith(Header, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejects_file_that_cannot_be_put_in_place_after_the_commit_says_the_import_committed()
    {
        var register = await NewRegister();
        string file = await Write(Extract.Replace("9434765870", "9434765871", StringComparison.Ordinal));
        string rejects = Path.Combine(Path.GetTempPath(), $"rejects-{Guid.NewGuid():N}.csv");
        // While the import runs, something puts a folder (with a file in it) where the rejects file is to go.
        var report = await register.ImportAsync(file, Key, "t", true, rejects, n =>
        {
            if (n == 0)
            {
                Directory.CreateDirectory(rejects);
                File.WriteAllText(Path.Combine(rejects, "x"), "x");
            }
        }, CancellationToken.None);
        Assert.True(report.Imported);
        Assert.StartsWith("the import committed, but the rejects file could not be put at", report.Failure, StringComparison.Ordinal);
        Assert.True(File.Exists(report.RejectsFile)); // the rejected rows are kept, where the message says
        Assert.Contains(report.RejectsFile!, report.Failure, StringComparison.Ordinal);
        Assert.Equal(2, report.Inserted);
    }

    [Fact]
    public async Task Reading_and_a_second_import_do_not_wait_on_a_large_import_that_has_spilled_its_cache()
    {
        // A one-page cache makes the first import spill to the file at once: in SQLite's rollback
        // journal that locks out readers; the register's write-ahead log does not.
        var location = await new SqliteEngine().NewDatabaseAsync();
        var quick = new RegisterOptions(TimeSpan.FromMinutes(1)) { DriverTimeout = TimeSpan.FromSeconds(1) };
        var big = new DelayRegister(await RegisterDatabase.OpenAsync(location, quick with { OnConnect = "PRAGMA cache_size = 1" }));
        var many = Header + "\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i =>
            $"RTH,9990000018,{new DateTime(2016, 6, 1).AddMinutes(i):yyyy-MM-dd HH:mm},,,ward-{i},acute,,,,,yes\n"));
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Task.Run(async () => await big.ImportAsync(await Write(many), Key, "one", false, null, n =>
        {
            if (n == 900)
            {
                holding.SetResult();
                Thread.Sleep(TimeSpan.FromSeconds(3));
            }
        }, CancellationToken.None));
        await holding.Task;
        var (reader, problem) = await RegisterDatabase.OpenExistingAsync(location, quick);
        Assert.Null(problem);
        Assert.Empty(await new DelayRegister(reader!).DelayRecordsAsync()); // reads what was committed: nothing yet
        var second = await new DelayRegister(await RegisterDatabase.OpenAsync(location, quick)).ImportAsync(await Write(Extract), Key, "two", false);
        Assert.True(second.Imported, second.Failure);
        Assert.True((await first).Imported);
        Assert.Equal((4L, 1_003L, 3L), await big.CountsAsync());
    }

    [Fact]
    public async Task A_row_missing_its_nhs_number_cell_stops_the_import_and_one_with_provider_and_number_swapped_keeps_its_episode_out()
    {
        var register = await NewRegister();
        const string First = "RTH,9999353509,2016-10-25 16:00,2016-10-26 20:00,2016-11-08 20:00,acute,acute,P2,G,NHS,2016-10-26 20:00,yes\n";
        string shifted = Header + "\n" + First + "RTH,2016-10-25 16:00,2016-10-26 20:00,2016-11-08 20:00,acute,acute,P2,Dii,Social Care,2016-11-02 08:00,yes\n";
        var stopped = await register.ImportAsync(await Write(shifted), Key, "t", skipInvalid: true);
        Assert.False(stopped.Imported);
        Assert.Contains(stopped.Problems, p => p.Message.Contains("cannot be tied to their episode", StringComparison.Ordinal));
        string swapped = Extract + First + "9999353509,RTH,2016-10-25 16:00,2016-10-26 20:00,2016-11-08 20:00,acute,acute,P2,Dii,Social Care,2016-11-02 08:00,yes\n";
        var report = await register.ImportAsync(await Write(swapped), Key, "t", skipInvalid: true);
        Assert.True(report.Imported, string.Join("\n", report.Problems));
        Assert.Equal(3, report.Inserted); // the extract's three; not the half of 999 935 3509's episode
        Assert.DoesNotContain(await register.DelayRecordsAsync(), r => r.Admitted == new DateTime(2016, 10, 25, 16, 0, 0));
    }

    [Fact]
    public async Task Rows_of_empty_cells_are_skipped_and_control_characters_and_overlong_names_are_problems_at_their_line()
    {
        var register = await NewRegister();
        var blank = await register.ImportAsync(await Write(Extract + ",,,,,,,,,,,\n   \n,,,,,,,,,,,\n"), Key, "t", false);
        Assert.True(blank.Imported, string.Join("\n", blank.Problems));
        Assert.Equal(3, blank.Inserted);
        string nul = Extract + "RTH,9990000018,2016-05-01 10:00,,,ac\0ute,acute,,,,,yes\n";
        var withNul = await register.ImportAsync(await Write(nul), Key, "t", false);
        Assert.Contains(withNul.Problems, p => p.Line == 6 && p.Column == "service" && p.Message.StartsWith("holds a control character", StringComparison.Ordinal));
        string longName = Extract + $"RTH,9990000018,2016-05-01 10:00,,,{new string('w', 300)},acute,,,,,yes\n";
        var tooLong = await register.ImportAsync(await Write(longName), Key, "t", false);
        Assert.Contains(tooLong.Problems, p => p.Line == 6 && p.Column == "service" && p.Message == "is longer than 200 characters.");
    }

    [PostgresFact]
    public async Task An_episode_with_seventeen_thousand_reason_rows_imports_on_postgresql()
    {
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(await new PostgresEngine().NewDatabaseAsync()));
        var ready = new DateTime(2016, 4, 2, 0, 0, 0);
        var text = new System.Text.StringBuilder(Header).Append('\n');
        for (int i = 0; i < 17_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"RTH,9990000018,2016-04-01 10:00,2016-04-02 00:00,2016-06-30 00:00,acute,acute,P1,{(i % 2 == 0 ? "E" : "C")},{(i % 2 == 0 ? "Social Care" : "NHS")},{ready.AddMinutes(i):yyyy-MM-dd HH:mm},yes\n");
        }
        var report = await register.ImportAsync(await Write(text.ToString()), Key, "t", false);
        Assert.True(report.Imported, report.Failure ?? string.Join("\n", report.Problems.Take(3)));
        Assert.Equal((1L, 1L, 17_000L), await register.CountsAsync());
    }
}
