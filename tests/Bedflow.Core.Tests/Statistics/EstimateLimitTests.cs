using Bedflow.Core.Statistics;
using CsCheck;

namespace Bedflow.Core.Tests.Statistics;

/// <summary>Intervals of quantities that cannot leave a range (counts, shares) stay inside it, and lose no coverage by it.</summary>
public class EstimateLimitTests
{
    [Fact]
    public void A_count_near_zero_gets_an_interval_that_stops_at_zero()
    {
        // Mean 1, sd √2 (values 0, 0, 0, 4 → sample variance 4): the t interval runs well below 0.
        var e = Estimate.Of([0.0, 0, 0, 4]).NonNegative();
        Assert.Equal(1, e.Mean);
        Assert.Equal(0, e.Lower);
        Assert.Equal(1 + e.HalfWidth, e.Upper);
        Assert.True(e.IsClamped);
        Assert.True(e.Covers(0));
        Assert.False(e.Covers(-0.1));
    }

    [Fact]
    public void A_share_near_one_stops_at_one_and_one_far_from_the_limits_is_untouched()
    {
        var high = Estimate.Of([0.99, 1.0, 0.97, 1.0]).Share();
        Assert.Equal(1, high.Upper);
        Assert.True(high.IsClamped);
        var middle = Estimate.Of([0.5, 0.52, 0.48, 0.5]);
        Assert.Equal(middle.Lower, middle.Share().Lower);
        Assert.Equal(middle.Upper, middle.Share().Upper);
        Assert.False(middle.Share().IsClamped);
    }

    [Fact]
    public void Limits_follow_a_change_of_units_and_a_change_of_sign()
    {
        var pounds = Estimate.Of([0.0, 1e6, 0, 3e6]).NonNegative();
        var millions = pounds.DividedBy(1e6);
        Assert.Equal(0, millions.Lower);
        var negated = pounds.DividedBy(-1);
        Assert.Equal(0, negated.UpperLimit);
        Assert.Null(negated.LowerLimit);
        Assert.Equal(0, negated.Upper);
    }

    [Fact]
    public void Cutting_an_interval_at_the_limits_never_uncovers_a_value_inside_them()
    {
        // Coverage is kept exactly: for any sample and any true value within the limits, the cut
        // interval covers it whenever the t interval does.
        Gen.Select(Gen.Double[0, 10].Array[2, 12], Gen.Double[0, 10], Gen.Double[0, 10])
            .Sample((values, a, b) =>
            {
                double lo = Math.Min(a, b), hi = Math.Max(a, b);
                var raw = Estimate.Of(values);
                var cut = raw.Within(lo, hi);
                for (double truth = lo; truth <= hi; truth += (hi - lo) / 16 + 1e-9)
                {
                    if (raw.Covers(truth) && !cut.Covers(truth))
                    {
                        return false;
                    }
                }
                return cut.Lower >= lo - 1e-12 || cut.Lower is null;
            });
    }

    [Fact]
    public void Limits_that_cross_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Estimate.Of([1.0, 2]).Within(3, 2));
    }
}
