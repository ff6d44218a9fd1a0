using System.Globalization;

namespace Bedflow.Cli;

/// <summary>How estimates are shown in tables, and lists of words in messages.</summary>
internal static class Formatting
{
    /// <summary>"mean ± half-width", "–" for an undefined mean, and a plain note when there is no interval.</summary>
    public static string Estimate(Core.Statistics.Estimate e, string format)
    {
        if (double.IsNaN(e.Mean))
        {
            return "–";
        }
        string mean = e.Mean.ToString(format, CultureInfo.InvariantCulture);
        return e.HalfWidth is { } h
            ? $"{mean} ± {h.ToString(format, CultureInfo.InvariantCulture)}"
            : $"{mean} (from {e.Count} replication; no interval)";
    }

    /// <summary>The words as a sentence lists alternatives: "nhs, social_care or both".</summary>
    public static string Or(IReadOnlyList<string> words) =>
        words.Count < 2 ? string.Concat(words) : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
