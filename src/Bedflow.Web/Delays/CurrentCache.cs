using Bedflow.Data.Register;

namespace Bedflow.Web.Delays;

/// <summary>
/// Who is delayed now, served from a snapshot of the register's open episodes kept until the next
/// write: each request asks the register only for its count of writes (one row), and the list is
/// read again when an import or an edit — from this server or any other process — has changed it.
/// A time more than <see cref="History"/> before now (a look back) is asked of the register directly,
/// so the snapshot holds only what is open now. One rebuild at a time; thread-safe.
/// </summary>
internal sealed class CurrentCache(DelayRegister register, TimeProvider clock) : IDisposable
{
    /// <summary>How far back from now the snapshot answers.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _rebuild = new(1, 1);

    private volatile CurrentDelaySnapshot? _snapshot;

    /// <summary>The patients delayed at <paramref name="at"/>, exactly as <see cref="DelayRegister.CurrentDelaysAsync"/> gives them.</summary>
    public async Task<IReadOnlyList<CurrentDelay>> DelaysAsync(DateTime at, CancellationToken cancel)
    {
        DateTime since = clock.GetLocalNow().DateTime - History;
        if (at < since)
        {
            return await register.CurrentDelaysAsync(at, cancel);
        }
        long changes = await register.ChangesAsync(cancel);
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Changes != changes || at < snapshot.Since)
        {
            await _rebuild.WaitAsync(cancel);
            try
            {
                snapshot = _snapshot;
                if (snapshot is null || snapshot.Changes < changes || at < snapshot.Since)
                {
                    // Read from a day back, so that the next day's requests are served from it too.
                    snapshot = await register.SnapshotAsync(since, cancel);
                    _snapshot = snapshot;
                }
            }
            finally
            {
                _rebuild.Release();
            }
        }
        // The last time asked of this snapshot, answered once: the list's requests in a minute ask the same (CurrentQuery).
        var last = _last;
        if (last is not null && ReferenceEquals(last.Snapshot, snapshot) && last.At == at)
        {
            return last.Delays;
        }
        var delays = snapshot.At(at);
        _last = new Answer(snapshot, at, delays);
        return delays;
    }

    private sealed record Answer(CurrentDelaySnapshot Snapshot, DateTime At, IReadOnlyList<CurrentDelay> Delays);

    private volatile Answer? _last;

    /// <summary>Releases the rebuild gate (the container does, when the server stops).</summary>
    public void Dispose() => _rebuild.Dispose();
}
