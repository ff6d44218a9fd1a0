namespace Bedflow.Reports.Workbook;

/// <summary>
/// A workbook of plain tables (<see cref="FigureTable"/>), one sheet each: headings frozen, text as
/// text, numbers as numbers (whole numbers without decimals), a missing value an empty cell — never zero.
/// </summary>
public static class TableWorkbook
{
    /// <summary>Writes the tables to <paramref name="stream"/> as an .xlsx workbook titled <paramref name="title"/>.</summary>
    public static void Write(Stream stream, string title, IReadOnlyList<FigureTable> tables)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tables);
        var sheets = new List<SheetBuilder>();
        foreach (var table in tables)
        {
            var sheet = new SheetBuilder(table.Name.Length > 31 ? table.Name[..31] : table.Name);
            sheet.Headings([.. table.Headings]);
            foreach (var row in table.Rows)
            {
                sheet.Row();
                foreach (object? cell in row)
                {
                    _ = cell switch
                    {
                        string text => sheet.Text(text),
                        long whole => sheet.Number(whole, NumberFormat.Integer),
                        int whole => sheet.Number(whole, NumberFormat.Integer),
                        double number => sheet.Number(number, NumberFormat.TwoDecimals),
                        _ => sheet.Number(null, NumberFormat.General),
                    };
                }
            }
            sheets.Add(sheet);
        }
        BoardWorkbook.Package(stream, title, sheets);
    }
}
