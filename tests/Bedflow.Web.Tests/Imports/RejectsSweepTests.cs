using Bedflow.Data.Imports;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Imports;

/// <summary>Expired rejects files go when the server starts (and hourly), not only at the next import or download.</summary>
public class RejectsSweepTests
{
    [Fact]
    public async Task A_server_started_on_a_register_holding_expired_rejects_deletes_them_and_keeps_the_rest()
    {
        var location = RegisterLocation.Sqlite(Path.Combine(Path.GetTempPath(), $"bedflow-sweep-{Guid.NewGuid():N}.db"));
        var db = await RegisterDatabase.OpenAsync(location);
        var store = new RejectsStore(db, TimeProvider.System);
        await store.AddAsync("hub", "new.csv", "line,problems\n"u8.ToArray());
        // Kept as if eight days ago (added second: an add prunes what has expired by its own clock).
        await new RejectsStore(db, new FixedClock(DateTime.UtcNow.AddDays(-8))).AddAsync("hub", "old.csv", "line,problems\n"u8.ToArray());
        Assert.Equal(2L, (await store.CountAsync()).Files);
        await using var server = await RunningServer.StartAsync(location);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await store.CountAsync()).Files > 1 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
        Assert.Equal(1L, (await store.CountAsync()).Files);
    }
}
