using System.Data.Common;
using System.Globalization;
using System.Text;
using Bedflow.Data.Register;
using Dapper;

namespace Bedflow.Data.Audit;

/// <summary>
/// The register's audit log (the audit table): every change, every view of identifiable data,
/// every account change. Rows are only ever added. Details are masked of anything that looks like
/// an NHS number. Thread-safe.
/// </summary>
public sealed class AuditLog(RegisterDatabase db, TimeProvider clock)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The most rows a page of the log may hold.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Adds one row.</summary>
    public Task WriteAsync(string who, string action, long? episode, string detail, CancellationToken cancel = default) =>
        WriteAsync(who, action, episode is { } e ? [e] : [null], detail, cancel);

    /// <summary>Adds a row per episode (one statement, one transaction): a view of several patients' identifiers.</summary>
    public async Task WriteAsync(string who, string action, IReadOnlyList<long?> episodes, string detail, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        if (episodes.Count == 0)
        {
            return;
        }
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        await InsertAsync(db, connection, transaction, Now(clock), [.. episodes.Select(e => (who, action, e, detail))]).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds one row whose detail — masked as every detail is — ends with "; SHA-256 " and
    /// <paramref name="digest"/> kept whole: a value the server computed, which masking would mangle.
    /// </summary>
    public async Task WriteAsync(string who, string action, string detail, Sha256Digest digest, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        await InsertAsync(db, connection, transaction, Now(clock), [(who, action, null, detail)], digest).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>A page of the log, newest first (<paramref name="page"/> from 1), and how many rows it has in all.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, long Total)> ReadAsync(int page, int pageSize, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        long total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit").ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string At, string Who, string Action, long? Episode, string Detail)>(
            $"SELECT id, {db.TimeText("at_utc", "at_utc")}, who, action, episode_id, detail FROM audit ORDER BY id DESC LIMIT @take OFFSET @skip",
            new { take = pageSize, skip = (long)(page - 1) * pageSize }).ConfigureAwait(false);
        return ([.. rows.Select(r => new AuditEntry(r.Id, DateTime.ParseExact(r.At, TimeFormat, CultureInfo.InvariantCulture), r.Who, r.Action, r.Episode, r.Detail))], total);
    }

    /// <summary>The rows about one episode, oldest first: who changed what, and who saw who the patient is.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EpisodeAsync(long episode, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string At, string Who, string Action, long? Episode, string Detail)>(
            $"SELECT id, {db.TimeText("at_utc", "at_utc")}, who, action, episode_id, detail FROM audit WHERE episode_id = @episode ORDER BY id", new { episode }).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditEntry(r.Id, DateTime.ParseExact(r.At, TimeFormat, CultureInfo.InvariantCulture), r.Who, r.Action, r.Episode, r.Detail))];
    }

    /// <summary>When an import last changed the register (UTC), or null when none has: how fresh its data are.</summary>
    public async Task<DateTime?> LastImportAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        string? at = await connection.ExecuteScalarAsync<string?>(
            $"SELECT {db.TimeText("at_utc", "at_utc")} FROM audit WHERE action IN ('inserted', 'updated') ORDER BY id DESC LIMIT 1").ConfigureAwait(false);
        return at is null ? null : DateTime.SpecifyKind(DateTime.ParseExact(at, TimeFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    /// <summary>The clock's time as the audit table stores it (UTC, to the second).</summary>
    internal static string Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds rows inside a caller's transaction, so that a change and its audit commit together. Who
    /// and the detail are masked of anything like an NHS number; a <paramref name="digest"/> is
    /// appended to each detail after the masking, whole (it is computed, not typed: see <see cref="Sha256Digest"/>).
    /// </summary>
    internal static async Task InsertAsync(RegisterDatabase db, DbConnection connection, DbTransaction transaction, string at, IReadOnlyList<(string Who, string Action, long? Episode, string Detail)> rows, Sha256Digest? digest = null)
    {
        string kept = digest is null ? "" : $"; SHA-256 {digest.Hex}";
        // A few hundred rows per statement: well inside both engines' parameter limits.
        foreach (var chunk in rows.Chunk(400))
        {
            var parameters = new DynamicParameters(new { at });
            var values = new StringBuilder();
            for (int i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"w{i}", NhsNumber.Redact(chunk[i].Who));
                parameters.Add($"a{i}", chunk[i].Action);
                parameters.Add($"e{i}", chunk[i].Episode);
                parameters.Add($"d{i}", NhsNumber.Redact(chunk[i].Detail) + kept);
                values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({db.Time("at")}, @w{i}, @a{i}, @e{i}, @d{i})");
            }
            await connection.ExecuteAsync($"INSERT INTO audit (at_utc, who, action, episode_id, detail) VALUES {values}", parameters, transaction).ConfigureAwait(false);
        }
    }
}
