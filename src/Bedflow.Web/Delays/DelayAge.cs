namespace Bedflow.Web.Delays;

/// <summary>
/// How long a patient has been delayed, in the bands the hub watches: under 7 days, 7+, 14+ and
/// 21+ (the long-delay thresholds of England's discharge-ready bands, 7–13, 14–20, 21 and over).
/// </summary>
internal static class DelayAge
{
    /// <summary>"21+", "14+", "7+" or "under 7".</summary>
    public static string Band(double days) => days >= 21 ? "21+" : days >= 14 ? "14+" : days >= 7 ? "7+" : "under 7";

    /// <summary>The CSS class that highlights the band on a page, or "".</summary>
    public static string CssClass(double days) => days >= 21 ? "band21" : days >= 14 ? "band14" : days >= 7 ? "band7" : "";
}
