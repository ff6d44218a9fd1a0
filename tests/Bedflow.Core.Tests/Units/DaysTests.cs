using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Units;

public class DaysTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_length_of_time_is_never_negative_or_endless(double days)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Days.Of(days));
        Assert.Equal("days", e.ParamName);
        Assert.Contains("must be a finite number of at least 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_length_keeps_its_days_to_the_last_bit()
    {
        Assert.Equal(0.1 + 0.2, Days.Of(0.1 + 0.2).TotalDays);
        Assert.Equal(365.25, Days.Of(365.25).TotalDays);
        Assert.Equal(Days.Zero, Days.Of(0));
        Assert.Equal(Days.Zero, default);
    }

    [Fact]
    public void Lengths_are_equal_and_ordered_by_their_days()
    {
        Assert.Equal(Days.Of(90), Days.Of(90.0));
        Assert.NotEqual(Days.Of(90), Days.Of(90.5));
        Assert.Equal([Days.Zero, Days.Of(0.5), Days.Of(90), Days.Of(365)], new[] { Days.Of(365), Days.Zero, Days.Of(90), Days.Of(0.5) }.Order());
        Assert.True(Days.Of(1) < Days.Of(2) && Days.Of(2) > Days.Of(1) && Days.Of(2) <= Days.Of(2) && Days.Of(2) >= Days.Of(2));
        Assert.Equal(1, Days.Of(1).CompareTo(null));
        Assert.Throws<ArgumentException>(() => Days.Of(1).CompareTo(1.0));
    }

    [Fact]
    public void A_length_reads_as_the_scenario_file_writes_it()
    {
        Assert.Equal("90d", Days.Of(90).ToString());
        Assert.Equal("0.5d", Days.Of(0.5).ToString());
    }
}
