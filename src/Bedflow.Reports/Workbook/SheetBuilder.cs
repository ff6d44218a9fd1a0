using System.Globalization;
using Bedflow.Core.Statistics;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bedflow.Reports.Workbook;

/// <summary>
/// One worksheet, row by row: text, numbers, dates and estimates (mean, then the 95% interval's
/// two ends, each its own numeric column). An undefined number (NaN, no interval) is an empty cell.
/// Not thread-safe.
/// </summary>
internal sealed class SheetBuilder
{
    private readonly List<Row> _rows = [];
    private readonly List<double> _widths = [];
    private Row? _row;

    internal SheetBuilder(string name)
    {
        Name = name;
    }

    /// <summary>The sheet's name (at most 31 characters, as Excel allows).</summary>
    public string Name { get; }

    internal int HeadingRows { get; private set; }

    /// <summary>Starts a row; the cells added next go into it.</summary>
    public SheetBuilder Row()
    {
        _row = new Row { RowIndex = (uint)(_rows.Count + 1) };
        _rows.Add(_row);
        return this;
    }

    /// <summary>A row of column headings, frozen at the top when it is the sheet's first row.</summary>
    public SheetBuilder Headings(params string[] headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        Row();
        if (_rows.Count == 1)
        {
            HeadingRows = 1;
        }
        foreach (string h in headings)
        {
            Text(h, NumberFormat.Heading);
        }
        return this;
    }

    /// <summary>The headings of an estimate's three columns: "what", "what: 95% CI from", "what: 95% CI to".</summary>
    public static string[] EstimateHeadings(string what) => [what, $"{what}: 95% CI from", $"{what}: 95% CI to"];

    /// <summary>A text cell.</summary>
    public SheetBuilder Text(string? text, NumberFormat format = NumberFormat.General)
    {
        var cell = Next(format);
        if (!string.IsNullOrEmpty(text))
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
            Widen(Math.Min(text.Length, format == NumberFormat.WrappedText ? 60 : 40));
        }
        return this;
    }

    /// <summary>A number cell; NaN or null leaves it empty.</summary>
    public SheetBuilder Number(double? value, NumberFormat format)
    {
        var cell = Next(format);
        if (value is { } v && double.IsFinite(v))
        {
            cell.CellValue = new CellValue(v);
            Widen(12);
        }
        return this;
    }

    /// <summary>A date cell: a real Excel date (days since 1899-12-30), shown in <paramref name="format"/>.</summary>
    public SheetBuilder Date(DateOnly date, NumberFormat format = NumberFormat.Date) =>
        Number(date.ToDateTime(TimeOnly.MinValue).ToOADate(), format);

    /// <summary>
    /// An estimate's three cells: its mean, then the low and high ends of its 95% interval (empty
    /// without one), each times <paramref name="scale"/> — a negative scale swaps the ends, so that
    /// "from" stays the lower.
    /// </summary>
    public SheetBuilder Estimate(Estimate? estimate, NumberFormat format, double scale = 1) =>
        estimate is null ? Number(null, format).Number(null, format).Number(null, format)
            : Number(estimate.Mean * scale, format)
                .Number((scale < 0 ? estimate.Upper : estimate.Lower) * scale, format)
                .Number((scale < 0 ? estimate.Lower : estimate.Upper) * scale, format);

    private Cell Next(NumberFormat format)
    {
        var row = _row ?? throw new InvalidOperationException("Row() first.");
        int column = row.ChildElements.Count;
        var cell = new Cell { CellReference = ColumnName(column) + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture), StyleIndex = WorkbookStyles.Index(format) };
        row.Append(cell);
        while (_widths.Count <= column)
        {
            _widths.Add(8);
        }
        return cell;
    }

    private void Widen(double characters)
    {
        int column = _row!.ChildElements.Count - 1;
        bool heading = ((Cell)_row.ChildElements[column]).StyleIndex?.Value == WorkbookStyles.Index(NumberFormat.Heading);
        _widths[column] = Math.Max(_widths[column], heading ? Math.Min(characters, 18) : characters + 2);
    }

    /// <summary>Excel's column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        string name = "";
        for (int i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }
        return name;
    }

    internal Worksheet Build()
    {
        var worksheet = new Worksheet();
        if (HeadingRows > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = HeadingRows, TopLeftCell = $"A{HeadingRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        }
        if (_widths.Count > 0)
        {
            worksheet.Append(new Columns(_widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }
        worksheet.Append(new SheetData(_rows));
        return worksheet;
    }
}
