using System.Globalization;

namespace Bedflow.Cli;

/// <summary>How estimates are shown in tables, and lists of words in messages.</summary>
internal static class Formatting
{
    /// <summary>
    /// "mean ± half-width" in <paramref name="format"/> (N0, N1, N2: with thousands separators, as
    /// 12,345 ± 1,234), "mean (low to high)" when a physical limit cut the interval, "–" for an undefined mean, and a plain note when there is no interval.
    /// </summary>
    public static string Estimate(Core.Statistics.Estimate e, string format)
    {
        if (double.IsNaN(e.Mean))
        {
            return "–";
        }
        string mean = Number(e.Mean, format);
        if (e.HalfWidth is not { } h)
        {
            return $"{mean} (from {e.Count} replication; no interval)";
        }
        // An interval cut at a limit (0 patients, 100%) is not symmetric: show its ends, not ± a width below 0.
        return e.IsClamped ? $"{mean} ({Number(e.Lower!.Value, format)} to {Number(e.Upper!.Value, format)})" : $"{mean} ± {Number(h, format)}";
    }

    /// <summary>A number in <paramref name="format"/>, invariant culture, with no minus before a value that rounds to zero ("0.00", not "-0.00").</summary>
    public static string Number(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.,") < 0 ? text[1..] : text;
    }

    /// <summary>A share as "93.4% ± 1.2%" (no space before the sign, as UK print has it).</summary>
    public static string Percent(Core.Statistics.Estimate e)
    {
        if (double.IsNaN(e.Mean))
        {
            return "–";
        }
        string mean = Percent(e.Mean);
        if (e.HalfWidth is not { } h)
        {
            return $"{mean} (from {e.Count} replication; no interval)";
        }
        return e.IsClamped ? $"{mean} ({Percent(e.Lower!.Value)} to {Percent(e.Upper!.Value)})" : $"{mean} ± {Percent(h)}";
    }

    /// <summary>A share as "18.0%".</summary>
    public static string Percent(double share) => Number(share * 100, "N1") + "%";

    /// <summary>The words as a sentence lists alternatives: "nhs, social_care or both".</summary>
    public static string Or(IReadOnlyList<string> words) =>
        words.Count < 2 ? string.Concat(words) : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
