using Bedflow.Reports.Workbook;

namespace Bedflow.Reports.Tests.Workbook;

public class TableWorkbookTests
{
    [Fact]
    public void Each_table_is_a_sheet_with_text_as_text_numbers_as_numbers_and_missing_left_empty()
    {
        var tables = new[]
        {
            new FigureTable("By reason", ["Reason", "Days", "Share"], [["A", 30L, 75.0], ["O", null, double.NaN]]),
            new FigureTable("A name longer than thirty-one characters", ["x"], [["y"]]),
        };
        using var stream = new MemoryStream();
        TableWorkbook.Write(stream, "Figures", tables);
        var book = new WorkbookReader(stream.ToArray());
        Assert.Equal(["By reason", "A name longer than thirty-one c"], book.SheetNames);
        Assert.Equal("Reason", book.Text("By reason", "A1"));
        Assert.Equal("A", book.Text("By reason", "A2"));
        Assert.Equal(30, book.Number("By reason", "B2"));
        Assert.Equal(75, book.Number("By reason", "C2"));
        Assert.Null(book.Number("By reason", "B3"));
        Assert.Null(book.Number("By reason", "C3"));
    }
}
