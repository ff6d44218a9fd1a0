using System.CommandLine;
using System.Globalization;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;

namespace Bedflow.Cli;

/// <summary>
/// Refuses, before it starts, a run whose estimated memory (<see cref="MemoryEstimate"/>) is over
/// a limit: --max-memory, or by default half of the memory available to this process (which
/// honours container limits), so that a too-large run gets a message and not the OOM killer.
/// </summary>
internal static class MemoryGuard
{
    private static readonly (string Unit, long Bytes)[] Units = [("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10)];

    /// <summary>--max-memory SIZE: a number with KB, MB, GB or TB (powers of 1,024), e.g. 4GB, 512MB, 1.5GB.</summary>
    public static Option<long?> Option() => new("--max-memory")
    {
        Description = "Refuse a run estimated to need more memory than this, e.g. 4GB or 512MB (default: half of the memory available).",
        CustomParser = r =>
        {
            string token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (Parse(token) is { } bytes)
            {
                return bytes;
            }
            r.AddError($"--max-memory must be a size such as 4GB, 512MB or 1.5GB (KB, MB, GB or TB), but was '{token}'.");
            return null;
        },
    };

    /// <summary>"4GB" → 4 × 1,024³ bytes; null unless a positive number followed by KB, MB, GB or TB.</summary>
    public static long? Parse(string text)
    {
        string t = text.Trim();
        foreach (var (unit, bytes) in Units)
        {
            if (t.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(t[..^unit.Length].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n)
                && n > 0 && n * bytes < long.MaxValue && n * bytes >= 1)
            {
                return (long)(n * bytes);
            }
        }
        return null;
    }

    /// <summary>
    /// True if the run fits; otherwise writes the estimate, the limit and how to reduce the run to
    /// <paramref name="error"/> and returns false. <paramref name="reduce"/> names the knobs of the command.
    /// </summary>
    public static bool Allows(IReadOnlyList<Network> variants, RunOptions options, int threads, long? maxMemory, string reduce, TextWriter error)
    {
        var estimate = MemoryEstimate.Of(variants, options, threads);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long limit = maxMemory ?? (available / 2);
        if (estimate.Total <= limit)
        {
            return true;
        }
        var parts = new[] { ("daily census", estimate.DailyCensus), ("delay tables", estimate.DelayTables), ("episode logs", estimate.EpisodeLogs), ("engines", estimate.Engines) }
            .Where(p => p.Item2 > 0).OrderByDescending(p => p.Item2).Select(p => $"{p.Item1} {Show(p.Item2)}")
            .Append($"and {Show(estimate.Runtime + estimate.Headroom)} for the runtime and the garbage collector's headroom");
        string whose = maxMemory is null ? $"half of the {Show(available)} available to Bedflow" : "--max-memory";
        error.WriteLine($"bedflow: this run would need about {Show(estimate.Total)} of memory ({string.Join(", ", parts)}), more than the limit of {Show(limit)} ({whose}), so it was not started.");
        error.WriteLine($"To need less: {reduce}. If the machine has the memory, raise the limit with --max-memory (e.g. --max-memory {Show(estimate.Total * 5 / 4).Replace(" ", "", StringComparison.Ordinal)}).");
        return false;
    }

    /// <summary>Bytes as "1.5 GB".</summary>
    public static string Show(long bytes)
    {
        foreach (var (unit, size) in Units)
        {
            if (bytes >= size)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / size:0.0} {unit}");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
