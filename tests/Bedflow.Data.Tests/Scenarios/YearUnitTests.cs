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

    [Fact]
    public void A_rate_a_year_is_per_365_25_days_so_it_comes_back_as_the_same_figure_a_year()
    {
        var (perDay, error) = Quantities.Rate("36525/y");
        Assert.Null(error);
        Assert.Equal(100.0, perDay); // 36,525 ÷ 365.25, exactly; per 365 days it was 100.07
        Assert.Equal(36525.0, YearLength.PerYear(perDay * 365, 365), 9);
        Assert.Equal(Quantities.Rate("700/w").PerDay, Quantities.Rate("100/d").PerDay);
    }
}
