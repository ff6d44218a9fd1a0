namespace Bedflow.Reports.Charts;

/// <summary>How a chart draws its series.</summary>
public enum ChartKind
{
    /// <summary>Lines over dates (x = days from the start date), with an optional 95% band.</summary>
    Lines,
    /// <summary>Stacked bars over categories (x = category index).</summary>
    StackedBars,
    /// <summary>Side-by-side bars over categories.</summary>
    Bars,
    /// <summary>Points with 95% intervals in both directions (one series per point, drawn as its <see cref="Series.Mark"/> says).</summary>
    Points,
}

/// <summary>How a series of a <see cref="ChartKind.Points"/> chart is drawn.</summary>
public enum PointMark
{
    /// <summary>A filled marker in the series' colour (e.g. an acceptable option).</summary>
    Filled,
    /// <summary>A hollow grey marker with grey whiskers (e.g. an option the appraisal does not accept).</summary>
    Hollow,
    /// <summary>A filled black square: the point the others are measured from (the baseline at 0, 0).</summary>
    Reference,
    /// <summary>A line through the series' points, in order, without markers (e.g. the frontier).</summary>
    Line,
}

/// <summary>
/// A chart as data: what it shows, with units, and every series drawn. The report renders it to
/// SVG; tests check the data, not the pixels. Immutable.
/// </summary>
public sealed record ChartSpec(string Id, string Title, string Caption, string XLabel, string YLabel, ChartKind Kind, IReadOnlyList<Series> Series)
{
    /// <summary>Category labels for bar charts (x = 0, 1, …).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The start date of day 0, for <see cref="ChartKind.Lines"/>.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>A horizontal reference line (e.g. a target), with its label.</summary>
    public (double Value, string Label)? Reference { get; init; }
}

/// <summary>One series: its name (shown in the legend) and values; Low/High give a 95% band or interval.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Lower ends of the 95% intervals, if any.</summary>
    public IReadOnlyList<double>? Low { get; init; }

    /// <summary>Upper ends of the 95% intervals, if any.</summary>
    public IReadOnlyList<double>? High { get; init; }

    /// <summary>Its fixed colour (#RRGGBB) when it stands for a reason or an organisation (<see cref="SeriesColours"/>); otherwise the palette's, in series order.</summary>
    public string? Colour { get; init; }

    /// <summary>For points: the x interval's ends.</summary>
    public (double Low, double High)? XInterval { get; init; }

    /// <summary>For points: how the series is drawn.</summary>
    public PointMark Mark { get; init; } = PointMark.Filled;

    /// <summary>For points: whether its name is written beside its point.</summary>
    public bool Labelled { get; init; }

    /// <summary>For points: its legend entry when several series share one ("Not acceptable"); null: its own name. Each entry is shown once.</summary>
    public string? Legend { get; init; }
}
