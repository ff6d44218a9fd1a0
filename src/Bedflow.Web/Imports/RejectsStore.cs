using System.Security.Cryptography;

namespace Bedflow.Web.Imports;

/// <summary>
/// The rejects files of recent web imports (already masked by the import), kept in memory for their
/// importer to download: at most <see cref="MaxEntries"/> files and <see cref="MaxBytes"/> bytes in
/// all, each for <see cref="Keep"/>; the oldest go first. Nothing is written to disk.
/// </summary>
internal sealed class RejectsStore(TimeProvider clock)
{
    /// <summary>The most rejects files kept at once.</summary>
    public const int MaxEntries = 20;

    /// <summary>The most bytes kept in all (a file larger than this is not kept).</summary>
    public const long MaxBytes = 96L << 20;

    /// <summary>How long a rejects file can be downloaded after its import.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    /// <summary>Keeps a rejects file for <paramref name="owner"/>; its id, or null when it is too large to keep.</summary>
    public string? Add(string owner, string name, byte[] csv)
    {
        if (csv.LongLength > MaxBytes)
        {
            return null;
        }
        string id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        lock (_lock)
        {
            Prune();
            _entries.Add(new Entry(id, owner, name, csv, clock.GetUtcNow() + Keep));
            while (_entries.Count > MaxEntries || _entries.Sum(e => e.Csv.LongLength) > MaxBytes)
            {
                _entries.RemoveAt(0);
            }
        }
        return id;
    }

    /// <summary>The rejects file <paramref name="id"/> if <paramref name="owner"/> made it and it is still kept, else null.</summary>
    public (string Name, byte[] Csv)? Find(string id, string owner)
    {
        lock (_lock)
        {
            Prune();
            return _entries.Find(e => e.Id == id && string.Equals(e.Owner, owner, StringComparison.Ordinal)) is { } e ? (e.Name, e.Csv) : null;
        }
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        _entries.RemoveAll(e => e.Expires <= now);
    }

    private sealed record Entry(string Id, string Owner, string Name, byte[] Csv, DateTimeOffset Expires);
}
