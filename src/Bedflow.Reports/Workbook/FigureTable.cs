namespace Bedflow.Reports.Workbook;

/// <summary>
/// A table of figures as the web app downloads it (CSV or a workbook sheet): a name, column
/// headings and rows whose cells are text (<see cref="string"/>), whole numbers (<see cref="long"/>),
/// numbers (<see cref="double"/>; NaN is no value) or null (no value). Immutable once built.
/// </summary>
public sealed record FigureTable(string Name, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);
