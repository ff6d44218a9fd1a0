using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Units;

public class RatePerDayTests
{
    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_is_never_negative_or_endless(double perDay)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatePerDay.Of(perDay));
        Assert.Equal("perDay", e.ParamName);
    }

    [Fact]
    public void A_rate_keeps_its_number_exactly_and_is_ordered_by_it()
    {
        Assert.Equal(300.0 / 365, RatePerDay.Of(300.0 / 365).PerDay);
        Assert.Equal(RatePerDay.Zero, RatePerDay.Of(0));
        Assert.Equal(RatePerDay.Zero, default);
        Assert.Equal([RatePerDay.Zero, RatePerDay.Of(1.5), RatePerDay.Of(68)], new[] { RatePerDay.Of(68), RatePerDay.Zero, RatePerDay.Of(1.5) }.Order());
        Assert.True(RatePerDay.Of(1) < RatePerDay.Of(2) && RatePerDay.Of(2) >= RatePerDay.Of(2));
        Assert.Equal("8/d", RatePerDay.Of(8).ToString());
    }
}
