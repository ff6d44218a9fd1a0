using Bedflow.Core.Statistics;

namespace Bedflow.Core.Tests.Statistics;

public class SeasonalDecompositionTests
{
    private static readonly double[] Pattern = [12, 8, 4, 0, -4, -8, -12, -8, -4, 0, 4, 8]; // January first, sums to 0

    [Fact]
    public void A_linear_trend_plus_a_fixed_pattern_is_taken_apart_exactly()
    {
        var first = new DateOnly(2011, 4, 1);
        var y = Enumerable.Range(0, 60).Select(t => (double?)(50 + (0.5 * t) + Pattern[first.AddMonths(t).Month - 1])).ToArray();
        var d = SeasonalDecomposition.Of(first, y);
        for (int m = 0; m < 12; m++)
        {
            Assert.Equal(Pattern[m], d.SeasonalByMonth[m], 9);
        }
        Assert.Equal(50 + (0.5 * 30), d.Trend[30], 9);
        Assert.True(double.IsNaN(d.Trend[0]));
        // January 2013 (index 21) to June 2013 (26): a fall of 17.5, of which 20 is seasonal (the trend rose 2.5).
        var share = d.ShareOfChange(21, 26);
        Assert.Equal(-17.5, share.Change, 9);
        Assert.Equal(-20, share.Seasonal, 9);
        Assert.Equal(20 / 17.5, share.Share, 9);
        Assert.Equal(share.Seasonal, share.SeasonalLow, 9); // no noise: no width
    }

    [Fact]
    public void A_months_interval_is_students_t_on_the_years_that_gave_it()
    {
        // Flat at 10 but for two Januaries with a trend (indices 12 and 24): 11 and 13. Their trends are
        // 10 + 1/12 and 10 + 3/12 (each window holds one of them, weight 1/12), so January's detrended
        // values are 11/12 and 2.75: standard error |2.75 - 11/12| / 2 = 11/12, on one degree of freedom.
        var first = new DateOnly(2014, 1, 1);
        var y = Enumerable.Range(0, 36).Select(t => (double?)(t == 12 ? 11 : t == 24 ? 13 : 10)).ToArray();
        var d = SeasonalDecomposition.Of(first, y);
        var (low, high) = d.SeasonalInterval(0);
        Assert.Equal(2, d.SeasonalYears[0]);
        Assert.Equal(12.706204736174707 * 11 / 12, (high - low) / 2, 9); // t(0.975, 1 df), from tables
        Assert.Equal(d.SeasonalByMonth[0], (high + low) / 2, 9);
        var (noLow, noHigh) = SeasonalDecomposition.Of(first, [.. y.Take(24)]).SeasonalInterval(0); // one January with a trend: no interval
        Assert.True(double.IsNaN(noLow) && double.IsNaN(noHigh));
        Assert.Throws<ArgumentException>(() => d.SeasonalInterval(12));
    }

    [Fact]
    public void Noise_gives_the_seasonal_part_an_interval_that_covers_the_truth()
    {
        var first = new DateOnly(2011, 4, 1);
        var rng = new Bedflow.Core.Randomness.Xoshiro256StarStar(7);
        var y = Enumerable.Range(0, 96).Select(t => (double?)(100 + Pattern[first.AddMonths(t).Month - 1] + (3 * Bedflow.Core.Distributions.Normal.Sample(ref rng)))).ToArray();
        y[40] = null; // a missing month is left out, not taken as zero
        var d = SeasonalDecomposition.Of(first, y);
        var share = d.ShareOfChange(9, 14); // January → June
        Assert.InRange(-20, share.SeasonalLow, share.SeasonalHigh);
        Assert.True(share.SeasonalHigh - share.SeasonalLow < 14, $"width {share.SeasonalHigh - share.SeasonalLow}, years {string.Join(",", d.SeasonalYears)}");
        Assert.Equal(84 - 13, d.SeasonalYears.Sum()); // 84 months with a centred average, less the 13 the missing month spoils
    }

    [Fact]
    public void A_calendar_month_never_published_has_no_seasonal_effect_rather_than_an_effect_of_zero()
    {
        var first = new DateOnly(2011, 4, 1);
        var y = Enumerable.Range(0, 60).Select(t => first.AddMonths(t).Month == 3 ? null : (double?)(50 + Pattern[first.AddMonths(t).Month - 1])).ToArray();
        var d = SeasonalDecomposition.Of(first, y);
        Assert.True(double.IsNaN(d.SeasonalByMonth[2]), $"March: {d.SeasonalByMonth[2]}");
        Assert.Equal(0, d.SeasonalYears[2]);
        // Every centred average spans a March, so no trend and no month has an effect: none is zero.
        Assert.All(d.SeasonalByMonth, s => Assert.True(double.IsNaN(s), $"{s}"));
    }
}
