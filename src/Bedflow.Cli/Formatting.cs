using System.Globalization;

namespace Bedflow.Cli;

/// <summary>How estimates are shown in tables, and lists of words in messages.</summary>
internal static class Formatting
{
    /// <summary>"mean ± half-width" ("mean (low to high)" when a limit cut the interval), "–" for an undefined mean, and a plain note when there is no interval.</summary>
    public static string Estimate(Core.Statistics.Estimate e, string format)
    {
        if (double.IsNaN(e.Mean))
        {
            return "–";
        }
        string mean = e.Mean.ToString(format, CultureInfo.InvariantCulture);
        if (e.HalfWidth is not { } h)
        {
            return $"{mean} (from {e.Count} replication; no interval)";
        }
        // An interval cut at a limit (0 patients, 100%) is not symmetric: show its ends, not ± a width below 0.
        return e.IsClamped
            ? $"{mean} ({e.Lower!.Value.ToString(format, CultureInfo.InvariantCulture)} to {e.Upper!.Value.ToString(format, CultureInfo.InvariantCulture)})"
            : $"{mean} ± {h.ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>The words as a sentence lists alternatives: "nhs, social_care or both".</summary>
    public static string Or(IReadOnlyList<string> words) =>
        words.Count < 2 ? string.Concat(words) : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
