using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

public class PopulationFileTests
{
    private static PopulationRead Read(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"population-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            return PopulationFile.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Where(PopulationRead read) => read.Problems.Select(p => $"{p.Line}:{p.Column}");

    [Fact]
    public void A_good_file_gives_adults_by_code_with_quotes_spaces_and_blank_lines_allowed()
    {
        var read = Read("Code, Adults\nE10000025,510000\n\n\"E10000002\" , 400000\r\n   \nE06000054,\"390000\"\n");
        Assert.Empty(read.Problems);
        Assert.Equal(new Dictionary<string, long> { ["E10000025"] = 510_000, ["E10000002"] = 400_000, ["E06000054"] = 390_000 }, read.Adults);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_its_line_in_the_file_and_its_column()
    {
        var read = Read("code,adults\nE10000025,510000\n\nE10000002,lots\n,200000\nE10000025,1\nE06000016,0\nE06000015,1,2\n");
        Assert.Null(read.Adults);
        Assert.Equal(["4:adults", "5:code", "6:code", "7:adults", "8:"], Where(read));
        Assert.Equal("'lots' is not a number of adults above 0 (such as E10000025,510000).", read.Problems[0].Message);
        Assert.Equal("E10000025 is already on line 2.", read.Problems[2].Message);
        Assert.EndsWith(":4: adults: 'lots' is not a number of adults above 0 (such as E10000025,510000).", read.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("expected 2 fields, a council code and a number of adults (such as E10000025,510000), but found 3.", read.Problems[4].Message);
    }

    [Fact]
    public void A_quoted_field_over_two_lines_keeps_the_line_numbers_of_the_rows_after_it()
    {
        var read = Read("code,adults\n\"E1000\n0025\",510000\nE10000002,x\n");
        Assert.Equal(["4:adults"], Where(read));
    }

    [Theory]
    [InlineData("")]
    [InlineData("council,population\nE10000025,510000\n")]
    [InlineData("code\nE10000025\n")]
    public void A_file_without_the_header_code_adults_is_refused_on_line_1(string text)
    {
        var read = Read(text);
        Assert.Null(read.Adults);
        Assert.Equal("the population file needs the header code,adults (such as E10000025,510000).", Assert.Single(read.Problems).Message);
        Assert.Equal(1, read.Problems[0].Line);
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var read = PopulationFile.Read(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.csv"));
        Assert.Null(read.Adults);
        Assert.StartsWith("cannot read the file:", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
    }
}
