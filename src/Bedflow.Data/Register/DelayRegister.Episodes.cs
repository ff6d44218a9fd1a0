using System.Data.Common;
using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>One episode read, and edited by the hub: checked as an import is, versioned, audited.</summary>
public sealed partial class DelayRegister
{
    /// <summary>The episode with this register key, or null.</summary>
    public async Task<EpisodeRecord?> EpisodeAsync(long episode, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return await ReadEpisodeAsync(connection, null, episode).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an edit (a new reason, a ready time, a discharge) on an episode, if it is still at
    /// <paramref name="version"/>: checked exactly as an import's rows are (the episode with the edit
    /// applied is read as an extract of its own), written with its audit row in one transaction
    /// under the register's write lock, the version raised. A stale version writes nothing, so no
    /// one's change is ever lost to another's. <paramref name="file"/> names the edit in problems.
    /// </summary>
    public async Task<EditResult> EditAsync(long episode, int version, EpisodeEdit edit, string user, string file, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        var stored = await ReadEpisodeAsync(connection, transaction, episode).ConfigureAwait(false);
        if (stored is null)
        {
            return new EditResult(EditStatus.NotFound, null, []);
        }
        if (stored.Version != version)
        {
            return new EditResult(EditStatus.Stale, stored, []);
        }
        if (edit.IsEmpty)
        {
            return new EditResult(EditStatus.Invalid, stored, [new ImportProblem(file, 0, "", "the edit changes nothing: give a new reason, a ready time or a discharge.")]);
        }
        var (checkedEpisode, problems) = RegisterExtract.CheckEdit(stored, edit, file);
        if (checkedEpisode is not { } e)
        {
            return new EditResult(EditStatus.Invalid, stored, problems);
        }
        var changes = Changes(stored, e);
        if (changes.Count == 0)
        {
            return new EditResult(EditStatus.Invalid, stored, [new ImportProblem(file, 0, "", "the edit changes nothing: the episode already says so.")]);
        }
        int written = await connection.ExecuteAsync(
            $"UPDATE episodes SET ready = {db.Time("ready")}, discharged = {db.Time("discharged")}, destination = @destination, version = version + 1 WHERE id = @episode AND version = @version",
            new { ready = T(e.Ready), discharged = T(e.Discharged), destination = e.Destination, episode, version }, transaction).ConfigureAwait(false);
        if (written != 1)
        {
            return new EditResult(EditStatus.Stale, stored, []); // not reached under the write lock; kept so the version check is the database's
        }
        await connection.ExecuteAsync("DELETE FROM delay_reasons WHERE episode_id = @episode", new { episode }, transaction).ConfigureAwait(false);
        await InsertReasonsAsync(connection, transaction, [(episode, e)]).ConfigureAwait(false);
        await Audit.AuditLog.InsertAsync(db, connection, transaction, DateTime.UtcNow.ToString(TimeFormat, CultureInfo.InvariantCulture),
            [(user, "edited", episode, $"{string.Join("; ", changes)} (version {version} → {version + 1})")]).ConfigureAwait(false);
        await CountChangeAsync(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return new EditResult(EditStatus.Saved, stored with { Ready = e.Ready, Discharged = e.Discharged, Destination = e.Destination, Reasons = [.. e.Reasons], Version = version + 1 }, []);
    }

    /// <summary>What the edit changes, in words for the audit log.</summary>
    private static List<string> Changes(EpisodeRecord stored, ExtractEpisode e)
    {
        var changes = new List<string>();
        if (stored.Ready != e.Ready) { changes.Add($"ready {T(stored.Ready) ?? "-"} → {T(e.Ready) ?? "-"}"); }
        if (stored.Discharged != e.Discharged) { changes.Add($"discharged {T(stored.Discharged) ?? "-"} → {T(e.Discharged) ?? "-"}"); }
        if (stored.Destination != e.Destination) { changes.Add($"destination {stored.Destination ?? "-"} → {e.Destination ?? "-"}"); }
        foreach (var r in e.Reasons.Where(r => !stored.Reasons.Contains(r)))
        {
            changes.Add($"reason {SitRepCodes.Code(r.Reason)} ({ResponsibilityWords.ExtractColumn(r.Responsible)}) from {T(r.From)}");
        }
        return changes;
    }

    private async Task<EpisodeRecord?> ReadEpisodeAsync(DbConnection connection, DbTransaction? transaction, long episode)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, long Patient, string Provider, string Service, string Beds, string Admitted, string? Ready, string? Discharged, string? Destination, long Adult, long Version)?>(
            $"SELECT id, patient_id, provider, service, beds, {db.TimeText("admitted", "admitted")}, {db.TimeText("ready", "ready")}, {db.TimeText("discharged", "discharged")}, destination, adult, version FROM episodes WHERE id = @episode",
            new { episode }, transaction).ConfigureAwait(false);
        if (row is not { } e)
        {
            return null;
        }
        var reasons = await connection.QueryAsync<(string From, string Reason, string Responsible)>(
            $"SELECT {db.TimeText("from_time", "from_time")}, reason, responsible FROM delay_reasons WHERE episode_id = @episode ORDER BY from_time", new { episode }, transaction).ConfigureAwait(false);
        return new EpisodeRecord(e.Id, e.Patient, e.Provider, e.Service, Stored(SitRepCodes.Beds(e.Beds), e.Beds), P(e.Admitted)!.Value, P(e.Ready), P(e.Discharged), e.Destination, e.Adult != 0,
            [.. reasons.Select(r => new ReasonChange(P(r.From)!.Value, Stored(SitRepCodes.Reason(r.Reason), r.Reason), Stored(SitRepCodes.Responsible(r.Responsible), r.Responsible)))], (int)e.Version);
    }
}
