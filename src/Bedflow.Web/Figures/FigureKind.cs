namespace Bedflow.Web.Figures;

/// <summary>The three figures the Figures page and <c>/api/figures/…</c> give, and the formats each comes in.</summary>
internal static class FigureKind
{
    public const string SitRep = "sitrep";
    public const string Benchmark = "benchmark";
    public const string Trend = "trend";

    /// <summary>The formats of a figure: JSON (the API's default), CSV, an Excel workbook.</summary>
    public static readonly string[] Formats = ["json", "csv", "xlsx"];
}
