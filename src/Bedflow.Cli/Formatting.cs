using System.Globalization;

namespace Bedflow.Cli;

/// <summary>How estimates are shown in tables.</summary>
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
}
