using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bedflow.Reports.Tests.Workbook;

/// <summary>A workbook read back with the Open XML SDK: each sheet's cells by reference, with the number format code each shows.</summary>
internal sealed class WorkbookReader
{
    private readonly Dictionary<string, Dictionary<string, (string? Text, double? Number, string Format)>> _sheets = [];

    public WorkbookReader(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        var formats = part.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var codes = part.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        foreach (var sheet in part.Workbook!.Sheets!.Elements<Sheet>())
        {
            SheetNames.Add(sheet.Name!.Value!);
            var cells = new Dictionary<string, (string?, double?, string)>();
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet!;
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                uint id = formats[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId!.Value;
                string format = id == 0 ? "General" : codes[id];
                string? text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : null;
                double? number = cell.DataType is null && cell.CellValue is { } v ? double.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture) : null;
                cells[cell.CellReference!.Value!] = (text, number, format);
            }
            _sheets[sheet.Name!.Value!] = cells;
            Rows[sheet.Name!.Value!] = worksheet.Descendants<Row>().Count();
        }
    }

    public List<string> SheetNames { get; } = [];

    public Dictionary<string, int> Rows { get; } = [];

    public string? Text(string sheet, string cell) => _sheets[sheet].TryGetValue(cell, out var c) ? c.Text : null;

    public double? Number(string sheet, string cell) => _sheets[sheet].TryGetValue(cell, out var c) ? c.Number : null;

    public string Format(string sheet, string cell) => _sheets[sheet][cell].Format;

    /// <summary>The letters of the column headed <paramref name="heading"/> in row 1.</summary>
    public string Column(string sheet, string heading) =>
        _sheets[sheet].Single(kv => kv.Value.Text == heading && System.Text.RegularExpressions.Regex.IsMatch(kv.Key, "^[A-Z]+1$")).Key[..^1];

    public IEnumerable<string> AllText() => _sheets.Values.SelectMany(s => s.Values).Select(c => c.Text).OfType<string>();
}
