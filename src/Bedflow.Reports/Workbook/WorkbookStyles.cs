using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bedflow.Reports.Workbook;

/// <summary>
/// The workbook's stylesheet: one cell format per <see cref="NumberFormat"/>, at the index of its
/// enum value, with the Excel format codes below (custom codes from 164, as the format requires).
/// </summary>
internal static class WorkbookStyles
{
    /// <summary>Each format's Excel number format code ("General" for text).</summary>
    public static string Code(NumberFormat format) => format switch
    {
        NumberFormat.General or NumberFormat.Heading or NumberFormat.WrappedText => "General",
        NumberFormat.Integer => "#,##0",
        NumberFormat.OneDecimal => "#,##0.0",
        NumberFormat.Pounds => "\"£\"#,##0;\\-\"£\"#,##0",
        NumberFormat.Percent => "0.0%",
        NumberFormat.Date => "dd/mm/yyyy",
        NumberFormat.Month => "mmm yyyy",
        NumberFormat.TwoDecimals => "#,##0.00",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "a format without a code"),
    };

    internal static Stylesheet Create()
    {
        var formats = Enum.GetValues<NumberFormat>();
        var numberingFormats = new NumberingFormats();
        var cellFormats = new CellFormats();
        uint next = 164;
        foreach (var f in formats)
        {
            uint id = 0; // General
            if (Code(f) != "General")
            {
                id = next++;
                numberingFormats.Append(new DocumentFormat.OpenXml.Spreadsheet.NumberingFormat { NumberFormatId = id, FormatCode = Code(f) });
            }
            var cell = new CellFormat { NumberFormatId = id, FontId = f == NumberFormat.Heading ? 1U : 0U, FillId = 0, BorderId = 0, ApplyNumberFormat = id != 0 };
            if (f is NumberFormat.Heading or NumberFormat.WrappedText)
            {
                cell.Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top };
                cell.ApplyAlignment = true;
            }
            if (f == NumberFormat.Heading)
            {
                cell.ApplyFont = true;
            }
            cellFormats.Append(cell);
        }
        numberingFormats.Count = (uint)numberingFormats.ChildElements.Count;
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            numberingFormats,
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats);
    }

    internal static UInt32Value Index(NumberFormat format) => (uint)format;
}
