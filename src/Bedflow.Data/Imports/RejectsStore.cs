using System.Globalization;
using System.Security.Cryptography;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Dapper;

namespace Bedflow.Data.Imports;

/// <summary>
/// The rejects files of web imports, kept in the register (table import_rejects) for the account
/// that imported to download: so they outlive a restart of the server and are the same for every
/// server on one PostgreSQL register. The bytes are stored as given: the import has masked them
/// already (every cell that could hold an NHS number, the local number whole). Limits: a file of at
/// most <see cref="MaxFileBytes"/>, at most <see cref="MaxFiles"/> files and <see cref="MaxBytes"/>
/// bytes in all (the oldest go first), each for <see cref="Keep"/>. Thread-safe.
/// </summary>
public sealed class RejectsStore(RegisterDatabase db, TimeProvider clock)
{
    /// <summary>The most rejects files kept at once, for all accounts together (then the oldest go).</summary>
    public const int MaxFiles = 20;

    /// <summary>The largest rejects file kept, in bytes (96 MB); a larger one is not kept at all.</summary>
    public const long MaxFileBytes = 96L << 20;

    /// <summary>The most bytes kept in all files together (96 MB; then the oldest go).</summary>
    public const long MaxBytes = 96L << 20;

    /// <summary>How long a rejects file can be downloaded after its import: 7 days.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    /// <summary><see cref="Keep"/> in words, for pages and problems ("7 days").</summary>
    public static string KeepWords => string.Create(CultureInfo.InvariantCulture, $"{Keep.TotalDays:0} days");

    /// <summary>
    /// Keeps a rejects file of <paramref name="owner"/>'s import, pruning the expired and then the
    /// oldest beyond the limits in the same transaction. Its download id (32 random lower-case hex
    /// digits), or null when it is larger than <see cref="MaxFileBytes"/>.
    /// </summary>
    public async Task<string?> AddAsync(string owner, string fileName, byte[] csv, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(csv);
        if (csv.LongLength > MaxFileBytes)
        {
            return null;
        }
        string id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        // Under the register's write lock, polled (as an import waits for another): two servers adding at once go one
        // after the other, so neither leaves more than the limits, and an import in progress is waited for, not failed on.
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        await connection.ExecuteAsync($"DELETE FROM import_rejects WHERE expires_utc <= {db.Time("now")}", new { now = T(now) }, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            $"INSERT INTO import_rejects (download_id, owner, file_name, csv, bytes, created_utc, expires_utc) VALUES (@id, @owner, @name, @csv, @bytes, {db.Time("now")}, {db.Time("expires")})",
            new { id, owner, name = NhsNumber.Redact(fileName), csv, bytes = csv.LongLength, now = T(now), expires = T(now + Keep) }, transaction).ConfigureAwait(false);
        // Newest first: the files kept are the newest while both limits hold; the first beyond them and all older go.
        var kept = await connection.QueryAsync<(long Id, long Bytes)>("SELECT id, bytes FROM import_rejects ORDER BY id DESC", transaction: transaction).ConfigureAwait(false);
        long total = 0;
        int count = 0;
        foreach (var (rowId, bytes) in kept)
        {
            total += bytes;
            count++;
            if (count > MaxFiles || total > MaxBytes)
            {
                await connection.ExecuteAsync("DELETE FROM import_rejects WHERE id <= @rowId", new { rowId }, transaction).ConfigureAwait(false);
                break;
            }
        }
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// The rejects file <paramref name="id"/> if <paramref name="owner"/> made it and it has not
    /// expired, else null (an unknown id, another account's, an expired one). A found file's download
    /// is written to the audit log as <paramref name="owner"/>'s, in the transaction that reads it,
    /// which also deletes the expired files.
    /// </summary>
    public async Task<(string Name, byte[] Csv)?> DownloadAsync(string id, string owner, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(owner);
        string now = AuditLog.Now(clock);
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        // A write (the expired deleted, the download audited): under the register's polled write lock, as AddAsync, so that
        // an import in progress is waited for rather than failed on.
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        await connection.ExecuteAsync($"DELETE FROM import_rejects WHERE expires_utc <= {db.Time("now")}", new { now }, transaction).ConfigureAwait(false);
        var found = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT file_name AS Name, csv AS Csv FROM import_rejects WHERE download_id = @id AND owner = @owner", new { id, owner }, transaction).ConfigureAwait(false);
        if (found is not null)
        {
            await AuditLog.InsertAsync(db, connection, transaction, now, [(owner, "downloaded rejects", null, $"{found.Name}.rejects.csv (NHS numbers masked)")]).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return found is null ? null : (found.Name, found.Csv);
    }

    /// <summary>Deletes the files that have expired (as the next add or download would); how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        int gone = await connection.ExecuteAsync($"DELETE FROM import_rejects WHERE expires_utc <= {db.Time("now")}", new { now = T(clock.GetUtcNow().UtcDateTime) }, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return gone;
    }

    /// <summary>How many rejects files are kept and their bytes in all (expired ones until the next add or download deletes them).</summary>
    public async Task<(long Files, long Bytes)> CountAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return await connection.QuerySingleAsync<(long, long)>("SELECT COUNT(*), CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM import_rejects").ConfigureAwait(false);
    }

    private static string T(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Name { get; set; } = "";

        public byte[] Csv { get; set; } = [];
    }
}
