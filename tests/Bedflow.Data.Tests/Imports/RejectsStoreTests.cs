using System.Text;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Data.Imports;
using Bedflow.Data.Register;
using Bedflow.Data.Tests.Accounts;
using Bedflow.Data.Tests.Register;

namespace Bedflow.Data.Tests.Imports;

/// <summary>The rejects files of web imports, kept in the register: the same on every engine (one-line subclasses below).</summary>
public abstract class RejectsStoreTests<TEngine> where TEngine : IRegisterEngine, new()
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private async Task<(RejectsStore Store, RegisterDatabase Db)> NewAsync(RegisterLocation? location = null)
    {
        var db = await RegisterDatabase.OpenAsync(location ?? await new TEngine().NewDatabaseAsync());
        return (new RejectsStore(db, _clock), db);
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    protected async Task A_file_is_downloaded_only_by_its_importer_for_seven_days_each_download_audited()
    {
        var (store, db) = await NewAsync();
        byte[] csv = Csv("line,problems,provider,nhs_number\n3,nhs_number: *******871 is not a valid NHS number,RTH,*******871\n");
        string id = (await store.AddAsync("hub", "extract.csv", csv))!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.NotEqual(id, await store.AddAsync("hub", "extract.csv", csv)); // random, never the same twice

        var found = (await store.DownloadAsync(id, "hub"))!.Value;
        Assert.Equal("extract.csv", found.Name);
        Assert.Equal(csv, found.Csv);
        Assert.Null(await store.DownloadAsync(id, "sam"));                        // another account's
        Assert.Null(await store.DownloadAsync(new string('0', 32), "hub"));         // unknown
        var audit = (await new AuditLog(db, _clock).ReadAsync(1, 10)).Entries;
        var row = Assert.Single(audit);                                            // refusals are not downloads
        Assert.Equal(("hub", "downloaded rejects", null, "extract.csv.rejects.csv (NHS numbers masked)", new DateTime(2026, 3, 2, 9, 0, 0)),
            (row.Who, row.Action, row.Episode, row.Detail, row.AtUtc));

        _clock.Now = _clock.Now.AddDays(7).AddSeconds(-1);
        Assert.NotNull(await store.DownloadAsync(id, "hub"));
        _clock.Now = _clock.Now.AddSeconds(1);                                     // 7 days to the second: gone
        Assert.Null(await store.DownloadAsync(id, "hub"));
        Assert.Equal((0L, 0L), await store.CountAsync());                          // and deleted, not only hidden
    }

    protected async Task Beyond_twenty_files_or_the_bytes_in_all_the_oldest_go_first_and_a_file_too_large_is_not_kept()
    {
        var (store, _) = await NewAsync();
        var ids = new List<string>();
        for (int i = 0; i < RejectsStore.MaxFiles + 1; i++)
        {
            ids.Add((await store.AddAsync("hub", $"file {i}.csv", Csv($"line {i}\n")))!);
        }
        Assert.Null(await store.DownloadAsync(ids[0], "hub"));
        Assert.Equal("file 1.csv", (await store.DownloadAsync(ids[1], "hub"))!.Value.Name);
        Assert.Equal(RejectsStore.MaxFiles, (await store.CountAsync()).Files);

        // Two halves and a byte are more than the bytes allowed: the newer half stays, and nothing older.
        string older = (await store.AddAsync("hub", "older.csv", new byte[RejectsStore.MaxBytes / 2]))!;
        Assert.Null(await store.DownloadAsync(ids[1], "hub"));                     // the 21st file pushed the oldest small one out
        string newer = (await store.AddAsync("hub", "newer.csv", new byte[(RejectsStore.MaxBytes / 2) + 1]))!;
        Assert.Null(await store.DownloadAsync(older, "hub"));
        Assert.Equal((RejectsStore.MaxBytes / 2) + 1, (await store.DownloadAsync(newer, "hub"))!.Value.Csv.LongLength);
        Assert.Equal((1L, (RejectsStore.MaxBytes / 2) + 1), await store.CountAsync());

        Assert.Null(await store.AddAsync("hub", "huge.csv", new byte[RejectsStore.MaxFileBytes + 1]));
        Assert.Equal((1L, (RejectsStore.MaxBytes / 2) + 1), await store.CountAsync());
    }

    protected async Task A_file_outlives_the_store_that_kept_it_and_goes_with_its_importers_account()
    {
        var location = await new TEngine().NewDatabaseAsync();
        var (first, db) = await NewAsync(location);
        var accounts = new AccountStore(db, _clock);
        Assert.Null(await accounts.AddAsync("ann", Role.Editor, "correct horse battery", "cli"));
        string id = (await first.AddAsync("ann", "extract.csv", Csv("line,problems\n")))!;
        var (second, _) = await NewAsync(location);                               // another server, or this one restarted
        Assert.NotNull(await second.DownloadAsync(id, "ann"));
        Assert.Equal(AccountChange.Done, await accounts.RemoveAsync("ann", "cli"));
        Assert.Null(await second.DownloadAsync(id, "ann"));                        // a new "ann" would not find it
    }

    protected async Task A_prune_deletes_the_expired_files_and_only_those()
    {
        var (store, _) = await NewAsync();
        await store.AddAsync("hub", "old.csv", Csv("line,problems\n"));
        _clock.Now = _clock.Now.AddDays(5);
        string recent = (await store.AddAsync("hub", "recent.csv", Csv("line,problems\n")))!;
        _clock.Now = _clock.Now.AddDays(2).AddSeconds(1); // the first is 7 days and a second old, the second 2 days
        Assert.Equal(1, await store.PruneAsync());
        Assert.Equal(1L, (await store.CountAsync()).Files);
        Assert.Equal(0, await store.PruneAsync());
        Assert.NotNull(await store.DownloadAsync(recent, "hub"));
    }

    protected async Task A_file_name_with_an_nhs_number_is_kept_masked()
    {
        var (store, _) = await NewAsync();
        string id = (await store.AddAsync("hub", "9434765919 extract.csv", Csv("line,problems\n")))!;
        Assert.Equal("*******919 extract.csv", (await store.DownloadAsync(id, "hub"))!.Value.Name);
    }
}

public sealed class SqliteRejectsStoreTests : RejectsStoreTests<SqliteEngine>
{
    [Fact] public Task Owner_and_expiry() => A_file_is_downloaded_only_by_its_importer_for_seven_days_each_download_audited();
    [Fact] public Task Limits() => Beyond_twenty_files_or_the_bytes_in_all_the_oldest_go_first_and_a_file_too_large_is_not_kept();
    [Fact] public Task Restart_and_account_removed() => A_file_outlives_the_store_that_kept_it_and_goes_with_its_importers_account();
    [Fact] public Task File_name_masked() => A_file_name_with_an_nhs_number_is_kept_masked();
    [Fact] public Task Prune() => A_prune_deletes_the_expired_files_and_only_those();

    [Fact]
    public async Task A_download_while_another_writer_holds_the_register_waits_for_it_rather_than_failing()
    {
        // The driver gives up on a busy database after a second: a wait longer than that must be the store's own.
        var db = await RegisterDatabase.OpenAsync(await new SqliteEngine().NewDatabaseAsync(), RegisterOptions.Default with { DriverTimeout = TimeSpan.FromSeconds(1) });
        var store = new RejectsStore(db, TimeProvider.System);
        string id = (await store.AddAsync("hub", "extract.csv", Encoding.UTF8.GetBytes("line,problems\n")))!;
        await using var other = await db.ConnectAsync(default);
        var held = await db.BeginWriteAsync(other, default); // an import, say, in another process
        var download = store.DownloadAsync(id, "hub");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(download.IsCompleted);
        await held.CommitAsync();
        await held.DisposeAsync();
        Assert.Equal("extract.csv", (await download.WaitAsync(TimeSpan.FromSeconds(30)))!.Value.Name);
    }
}

public sealed class PostgresRejectsStoreTests : RejectsStoreTests<PostgresEngine>
{
    [PostgresFact] public Task Owner_and_expiry() => A_file_is_downloaded_only_by_its_importer_for_seven_days_each_download_audited();
    [PostgresFact] public Task Limits() => Beyond_twenty_files_or_the_bytes_in_all_the_oldest_go_first_and_a_file_too_large_is_not_kept();
    [PostgresFact] public Task Restart_and_account_removed() => A_file_outlives_the_store_that_kept_it_and_goes_with_its_importers_account();
    [PostgresFact] public Task File_name_masked() => A_file_name_with_an_nhs_number_is_kept_masked();
    [PostgresFact] public Task Prune() => A_prune_deletes_the_expired_files_and_only_those();
}
