using System.Data;
using System.Data.Common;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>The register's count of writes, and the snapshot of its open episodes a cached list is served from.</summary>
public sealed partial class DelayRegister
{
    /// <summary>
    /// How many writes (imports, edits) the register has had: one query of one row, so a cache can
    /// ask on every request whether it is still up to date — whichever process wrote.
    /// </summary>
    public async Task<long> ChangesAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>("SELECT changes FROM register_changes WHERE id = 1").ConfigureAwait(false);
    }

    /// <summary>
    /// The open episodes at <paramref name="since"/> (ready, not discharged by then) and the count of
    /// writes they reflect, read in one transaction so that the two agree.
    /// </summary>
    public async Task<CurrentDelaySnapshot> SnapshotAsync(DateTime since, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(db.Engine == RegisterEngine.Postgres ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancel).ConfigureAwait(false);
        long changes = await connection.ExecuteScalarAsync<long>("SELECT changes FROM register_changes WHERE id = 1", transaction: transaction).ConfigureAwait(false);
        string open = $"e.ready IS NOT NULL AND (e.discharged IS NULL OR e.discharged > {db.Time("since")})";
        var episodes = await connection.QueryAsync<(long Id, long Patient, string Provider, string Service, string Beds, string Ready, string? Discharged)>(
            $"SELECT e.id, e.patient_id, e.provider, e.service, e.beds, {db.TimeText("e.ready", "ready")}, {db.TimeText("e.discharged", "discharged")} FROM episodes e WHERE {open}",
            new { since = T(since) }, transaction).ConfigureAwait(false);
        var reasons = (await connection.QueryAsync<(long Episode, string From, string Reason, string Responsible)>(
            $"SELECT r.episode_id, {db.TimeText("r.from_time", "from_time")}, r.reason, r.responsible FROM delay_reasons r JOIN episodes e ON e.id = r.episode_id WHERE {open} ORDER BY r.episode_id, r.from_time",
            new { since = T(since) }, transaction).ConfigureAwait(false)).ToLookup(r => r.Episode);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return new CurrentDelaySnapshot(changes, since, [.. episodes.Select(e => new CurrentDelaySnapshot.OpenEpisode(e.Id, e.Patient, e.Provider, e.Service,
            Stored(SitRepCodes.Beds(e.Beds), e.Beds), P(e.Ready)!.Value, P(e.Discharged),
            [.. reasons[e.Id].Select(r => new ReasonChange(P(r.From)!.Value, Stored(SitRepCodes.Reason(r.Reason), r.Reason), Stored(SitRepCodes.Responsible(r.Responsible), r.Responsible)))]))]);
    }

    /// <summary>Counts one write, inside its transaction (every write to episodes or their reasons does, so caches see it).</summary>
    private static Task<int> CountChangeAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteAsync("UPDATE register_changes SET changes = changes + 1 WHERE id = 1", transaction: transaction);
}
