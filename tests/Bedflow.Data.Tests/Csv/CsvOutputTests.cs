using Bedflow.Data.Csv;

namespace Bedflow.Data.Tests.Csv;

public class CsvOutputTests
{
    [Theory]
    [InlineData("OXFORDSHIRE", "OXFORDSHIRE")]
    [InlineData("BOURNEMOUTH, CHRISTCHURCH AND POOLE", "\"BOURNEMOUTH, CHRISTCHURCH AND POOLE\"")]
    [InlineData("THE \"NEW\" TRUST", "\"THE \"\"NEW\"\" TRUST\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData(" padded ", " padded ")] // CsvHelper's default would quote it; the published files do not
    [InlineData("-1.5", "-1.5")] // no formula-injection escaping of negative numbers
    [InlineData("", "")]
    public void Fields_are_quoted_only_when_they_need_it(string value, string field) => Assert.Equal(field + "\n", CsvOutput.Line(value));

    [Fact]
    public void A_row_is_its_fields_joined_by_commas_and_ended_by_a_line_feed()
    {
        using var text = new StringWriter();
        using (var csv = CsvOutput.Writer(text))
        {
            csv.Row("a", "", "b,c");
            csv.NextRecord();
            csv.Row("d");
        }
        Assert.Equal("a,,\"b,c\"\n\nd\n", text.ToString());
    }
}
