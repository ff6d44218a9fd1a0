using Bedflow.Data.Csv;

namespace Bedflow.Data.Tests.Csv;

public class TableCsvTests
{
    [Fact]
    public void Numbers_are_invariant_missing_is_empty_and_a_comma_is_quoted()
    {
        using var text = new StringWriter();
        TableCsv.Write(text, ["Reason", "Days", "Share (%)"], [["A: Awaiting completion of assessment, or not", 1234L, 75.123456], ["O", null, double.NaN], ["x", 7, 0.5]]);
        Assert.Equal("Reason,Days,Share (%)\n\"A: Awaiting completion of assessment, or not\",1234,75.1235\nO,,\nx,7,0.5\n", text.ToString());
    }

    [Fact]
    public void A_cell_of_another_type_is_refused()
    {
        using var text = new StringWriter();
        Assert.Throws<ArgumentException>(() => TableCsv.Write(text, ["When"], [[DateTime.UnixEpoch]]));
    }
}
