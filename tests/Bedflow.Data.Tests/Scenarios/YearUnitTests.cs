using Bedflow.Core.Units;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>What a year is in a scenario file (docs/results-reference.md, "A year").</summary>
public class YearUnitTests
{
    [Theory]
    [InlineData("1y", 365)]
    [InlineData("2y", 730)]
    [InlineData("0.5y", 182.5)]
    public void A_year_written_as_a_duration_is_365_whole_days_a_common_year(string text, double days)
    {
        var (value, error) = Quantities.Duration(text);
        Assert.Null(error);
        Assert.Equal(days, value);
        Assert.Equal(YearLength.CommonDays, Quantities.Duration("1y").Days);
    }
}
