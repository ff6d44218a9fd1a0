using Bedflow.Data.Register;

namespace Bedflow.Web.Figures;

/// <summary>A published series, its decomposition, and the seasonal share of the change between two months when asked.</summary>
internal sealed record TrendFigures(PublishedSeries Series, Core.Statistics.SeasonalDecomposition Decomposition, Core.Statistics.SeasonalShare? Share, string? From, string? To);
