using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;

namespace Bedflow.Data.Optimisation;

/// <summary>
/// The state file of <c>bedflow optimise</c> (docs/optimise.md, "Stopping and resuming"): one JSON
/// line naming what the search is of (a SHA-256 of the scenario file's bytes, Bedflow's version,
/// the levers), then one line for every allocation simulated (its replications so far; a later
/// line of the same allocation has more). Each line is written whole and flushed as the search
/// goes, so a search stopped at any moment leaves every line but perhaps a torn last one, which is
/// ignored (and cut off) when the search resumes. Reading is bounded: a file over
/// <see cref="MaxBytes"/> or a line over <see cref="MaxLineChars"/> is refused, not read.
/// </summary>
public sealed class OptimiseStateFile : IDisposable
{
    /// <summary>The largest state file read (64 MB; the Oxfordshire search's is about 15 MB).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The longest line read (4 million characters).</summary>
    public const int MaxLineChars = 4_000_000;

    private const int FormatVersion = 2;
    private readonly StreamWriter _writer;

    private OptimiseStateFile(StreamWriter writer) => _writer = writer;

    /// <summary>What a search is of: the scenario file's bytes (hashed), Bedflow's version and the levers' names.</summary>
    /// <param name="ScenarioSha256">The SHA-256 of the scenario file, in hex.</param>
    /// <param name="Version">Bedflow's version (another version may simulate differently).</param>
    /// <param name="Levers">The levers' names in order.</param>
    public sealed record Identity(string ScenarioSha256, string Version, IReadOnlyList<string> Levers)
    {
        /// <summary>The identity of a search of the scenario file <paramref name="scenarioBytes"/> by Bedflow <paramref name="version"/>.</summary>
        public static Identity Of(ReadOnlySpan<byte> scenarioBytes, string version, IEnumerable<string> levers) =>
            new(Convert.ToHexStringLower(SHA256.HashData(scenarioBytes)), version, [.. levers]);

        /// <summary>Whether <paramref name="other"/> is of the same search.</summary>
        public bool Matches(Identity other) =>
            other.ScenarioSha256 == ScenarioSha256 && other.Version == Version && other.Levers.SequenceEqual(Levers, StringComparer.Ordinal);
    }

    /// <summary>What reading a state file gave: the records, or the problem that stops it being used.</summary>
    /// <param name="Records">The allocations known (the last line of each).</param>
    /// <param name="Problem">Why the file cannot be used; null when it can.</param>
    /// <param name="TornLine">Whether a torn last line was left out.</param>
    /// <param name="NotAState">Whether the file is not a state file at all (so it must never be written over).</param>
    public sealed record Loaded(IReadOnlyList<CandidateRecord> Records, string? Problem, bool TornLine, bool NotAState = false);

    /// <summary>
    /// Reads the state at <paramref name="path"/> for the search <paramref name="identity"/>: no file
    /// is no records; a file of another search, or one that is not a state file, is a problem naming the line.
    /// </summary>
    public static Loaded Read(string path, Identity identity)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(identity);
        if (!File.Exists(path))
        {
            return new Loaded([], null, false);
        }
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            return new Loaded([], $"{path} is {info.Length / (1024 * 1024):N0} MB, more than a state file can be ({MaxBytes / (1024 * 1024):N0} MB): it is not read. Start afresh with --restart.", false);
        }
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException e)
        {
            return new Loaded([], $"{path} could not be read: {e.Message}", false);
        }
        catch (UnauthorizedAccessException e)
        {
            return new Loaded([], $"{path} could not be read: {e.Message}", false);
        }
        bool torn = text.Length > 0 && !text.EndsWith('\n');
        var lines = text.Split('\n');
        int complete = torn ? lines.Length - 1 : lines.Length;
        var records = new Dictionary<string, CandidateRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        bool header = false;
        for (int i = 0; i < complete; i++)
        {
            string line = lines[i];
            int number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }
            if (line.Length > MaxLineChars)
            {
                return new Loaded([], $"{path}:{number}: the line is longer than a state file's can be ({MaxLineChars:N0} characters).", false);
            }
            if (!header)
            {
                header = true;
                var parsed = number == 1 ? Parse(line, StateJsonContext.Default.StateHeader) : null;
                if (parsed is { Format: > 0 and not FormatVersion })
                {
                    return new Loaded([], $"{path}:1: this state was written in another format (version {parsed.Format}, this Bedflow reads {FormatVersion}): its candidates cannot be reused. Run with --restart to start afresh.", false);
                }
                if (parsed is not { Format: FormatVersion } first)
                {
                    return new Loaded([], $"{path}:{number}: this is not a bedflow optimise state file (its first line should name the search), so it is neither read nor written over: give another --state.", false, NotAState: true);
                }
                var theirs = new Identity(first.ScenarioSha256 ?? "", first.Version ?? "", first.Levers ?? []);
                if (!identity.Matches(theirs))
                {
                    string why = theirs.ScenarioSha256 != identity.ScenarioSha256 ? "the scenario file has changed since it was written"
                        : theirs.Version != identity.Version ? $"it was written by Bedflow {theirs.Version}, which may simulate differently from {identity.Version}"
                        : "its levers differ";
                    return new Loaded([], $"{path}:1: this state is of another search ({why}): its candidates cannot be reused. Run with --restart to start afresh, or give another --state.", false);
                }
                continue;
            }
            if (Parse(line, StateJsonContext.Default.StateRecord) is not { } doc || ToRecord(doc) is not { } record)
            {
                return new Loaded([], $"{path}:{number}: the line is not a record of a simulated allocation. The file may have been edited: run with --restart to start afresh.", false);
            }
            if (record.Problems(identity.Levers.Count) is { Count: > 0 } problems)
            {
                return new Loaded([], $"{path}:{number}: the record cannot be used: {string.Join("; ", problems)}. Run with --restart to start afresh.", false);
            }
            string key = string.Join(",", record.Amounts.Select(a => a.ToString(CultureInfo.InvariantCulture)));
            if (!records.ContainsKey(key))
            {
                order.Add(key);
            }
            if (!records.TryGetValue(key, out var had) || had.Replications <= record.Replications)
            {
                records[key] = record;
            }
        }
        return new Loaded([.. order.Select(k => records[k])], null, torn);
    }

    /// <summary>
    /// Opens the state at <paramref name="path"/> to append to, held exclusively until disposed
    /// (another search opening it gets an <see cref="IOException"/>): a new file (or, with
    /// <paramref name="fresh"/>, one written over) starts with the identity line; an existing one
    /// has a torn last line cut off first.
    /// </summary>
    public static OptimiseStateFile Open(string path, Identity identity, bool fresh)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(identity);
        bool exists = File.Exists(path) && !fresh;
        // Held exclusively for the whole search: a second search on the same state cannot open it (IOException) and so cannot interleave its lines.
        var stream = new FileStream(path, exists ? FileMode.Open : FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        if (exists)
        {
            CutTornLine(stream);
        }
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        var state = new OptimiseStateFile(writer);
        if (!exists || stream.Length == 0)
        {
            state.WriteLine(JsonSerializer.Serialize(new StateHeader(FormatVersion, identity.ScenarioSha256, identity.Version, [.. identity.Levers]), StateJsonContext.Default.StateHeader));
        }
        return state;
    }

    /// <summary>Appends a record (whole line, flushed to disk).</summary>
    public void Append(CandidateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var harms = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (measure, values) in record.Harms)
        {
            harms[HarmMeasureWords.Code(measure)] = [.. values];
        }
        var doc = new StateRecord([.. record.Amounts], [.. record.DelayedDays], [.. record.AcuteDelayedDays], [.. record.UnmetPounds], harms, record.Unstable,
            [.. record.Deadlocked], [.. record.QueueGrowth.Select(g => g.ToArray())], [.. record.AdmittedPerDay.Select(a => a.ToArray())]);
        WriteLine(JsonSerializer.Serialize(doc, StateJsonContext.Default.StateRecord));
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    private void WriteLine(string line)
    {
        _writer.WriteLine(line);
        _writer.Flush();
        ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
    }

    private static void CutTornLine(FileStream stream)
    {
        long end = stream.Length;
        if (end == 0)
        {
            return;
        }
        long at = end;
        var one = new byte[1];
        while (at > 0)
        {
            stream.Position = at - 1;
            stream.ReadExactly(one);
            if (one[0] == (byte)'\n')
            {
                break;
            }
            at--;
        }
        stream.SetLength(at);
        stream.Position = at;
    }

    private static T? Parse<T>(string line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(line, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CandidateRecord? ToRecord(StateRecord doc)
    {
        if (doc.Amounts is null || doc.DelayedDays is null || doc.AcuteDelayedDays is null || doc.UnmetPounds is null || doc.Harms is null)
        {
            return null;
        }
        var harms = new Dictionary<HarmMeasure, IReadOnlyList<double>>();
        foreach (var (code, values) in doc.Harms)
        {
            if (!HarmMeasureWords.Table.TryParse(code, out var measure) || values is null)
            {
                return null;
            }
            harms[measure] = values;
        }
        if (doc.Deadlocked is null || doc.QueueGrowth is null || doc.AdmittedPerDay is null || doc.QueueGrowth.Any(g => g is null) || doc.AdmittedPerDay.Any(a => a is null))
        {
            return null;
        }
        return new CandidateRecord(doc.Amounts, doc.DelayedDays, doc.AcuteDelayedDays, doc.UnmetPounds, harms, doc.Unstable)
        {
            Deadlocked = doc.Deadlocked,
            QueueGrowth = [.. doc.QueueGrowth],
            AdmittedPerDay = [.. doc.AdmittedPerDay],
        };
    }
}

/// <summary>The first line of a state file.</summary>
internal sealed record StateHeader(
    [property: JsonPropertyName("bedflow_optimise_state")] int Format, string? ScenarioSha256, string? Version, string[]? Levers);

/// <summary>A line of a state file: one allocation's replications.</summary>
internal sealed record StateRecord(int[]? Amounts, double[]? DelayedDays, double[]? AcuteDelayedDays, double[]? UnmetPounds,
    SortedDictionary<string, double[]>? Harms, bool Unstable, bool[]? Deadlocked, double[][]? QueueGrowth, double[][]? AdmittedPerDay);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(StateHeader))]
[JsonSerializable(typeof(StateRecord))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
