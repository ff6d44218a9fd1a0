using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bedflow.Web.Api;

namespace Bedflow.Web.Runs;

/// <summary>
/// The runs folder: one folder per run, named by its id, holding scenario.yaml (the scenario
/// exactly as given), run.json (its <see cref="RunRecord"/>) and out/ (its outputs). Every file is
/// written whole (a temporary file, then renamed over the old one), so a reader never sees half of
/// one. The records of runs not yet finished are also kept in memory. Thread-safe.
/// </summary>
internal sealed partial class RunStore
{
    private readonly ConcurrentDictionary<string, RunRecord> _active = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public RunStore(string folder, TimeProvider clock)
    {
        Folder = Path.GetFullPath(folder);
        _clock = clock;
    }

    /// <summary>The runs folder (made when the first run is kept).</summary>
    public string Folder { get; }

    /// <summary>
    /// A new run id: the time (UTC) and 8 random letters ("20261201T235453-kqzfxbta"), so ids sort by
    /// time and cannot be guessed one from another. No run of ten digits: nothing takes it for an NHS number and masks it.
    /// </summary>
    public string NewId() => _clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-"
        + new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(26)))]);

    /// <summary>Whether <paramref name="id"/> has the form of a run id (and so names no other path).</summary>
    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The run's scenario file, as given.</summary>
    public string ScenarioPath(string id) => Path.Combine(Folder, id, "scenario.yaml");

    /// <summary>The run's outputs folder.</summary>
    public string OutputsPath(string id) => Path.Combine(Folder, id, "out");

    /// <summary>The time now, UTC, as records write it.</summary>
    public string Now() => _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Keeps a new run: its folder, the scenario's bytes and its record.</summary>
    public void Create(RunRecord record, byte[] scenario)
    {
        Directory.CreateDirectory(Path.Combine(Folder, record.Id));
        WholeFile(ScenarioPath(record.Id), scenario);
        Save(record);
    }

    /// <summary>Writes the run's record (whole); a finished run's leaves memory.</summary>
    public void Save(RunRecord record)
    {
        WholeFile(Path.Combine(Folder, record.Id, "run.json"), JsonSerializer.SerializeToUtf8Bytes(record, BoardJson.Default.RunRecord));
        if (RunStatus.IsFinished(record.Status))
        {
            _active.TryRemove(record.Id, out _);
        }
        else
        {
            _active[record.Id] = record;
        }
    }

    /// <summary>Updates a running run's progress in memory only (written with its next status).</summary>
    public void Progress(string id, double percent)
    {
        if (_active.TryGetValue(id, out var r))
        {
            _active[id] = r with { Percent = Math.Round(Math.Clamp(percent, 0, 100), 1) };
        }
    }

    /// <summary>The run, or null when there is none with that id.</summary>
    public RunRecord? Find(string id)
    {
        if (!IsId(id))
        {
            return null;
        }
        if (_active.TryGetValue(id, out var live))
        {
            return live;
        }
        return Read(Path.Combine(Folder, id, "run.json"));
    }

    /// <summary>A page of the runs, newest first, and how many there are.</summary>
    public (IReadOnlyList<RunRecord> Runs, int Total) List(int page, int pageSize)
    {
        if (!Directory.Exists(Folder))
        {
            return ([], 0);
        }
        var ids = Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).Where(IsId).OrderDescending(StringComparer.Ordinal).ToList();
        var runs = ids.Skip((page - 1) * pageSize).Take(pageSize).Select(id => Find(id!)).OfType<RunRecord>().ToList();
        return (runs, ids.Count);
    }

    /// <summary>At start-up: a run left queued or running by a server that stopped is marked interrupted.</summary>
    public int MarkInterrupted()
    {
        int marked = 0;
        foreach (var r in List(1, int.MaxValue).Runs.Where(r => !RunStatus.IsFinished(r.Status)))
        {
            Save(r with { Status = RunStatus.Interrupted, FinishedUtc = Now(), Message = "the server stopped before the run finished: start it again." });
            marked++;
        }
        return marked;
    }

    private static RunRecord? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), BoardJson.Default.RunRecord) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null; // a damaged record: the run is not listed rather than the list failing
        }
    }

    private static void WholeFile(string path, byte[] content) => Data.Files.WholeFile.Write(path, content);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}-[a-z]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
