using Bedflow.Core.Randomness;
using Bedflow.Core.Statistics;
using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Tests.Statistics;

/// <summary>Fieller's interval for a ratio of paired means, and the paired difference of two ratios: exact values and coverage.</summary>
public class RatioTests
{
    [Fact]
    public void Fiellers_interval_matches_the_roots_of_its_quadratic_worked_by_hand()
    {
        // x = 2, 4, 6, 8; y = 2, 2.2, 2.1, 2.3: x̄ = 5, ȳ = 2.15; sample var(x) = 20/3, var(y) = 0.05/3,
        // cov = 0.8/3; each ÷ 4 for the means.
        double[] x = [2, 4, 6, 8], y = [2, 2.2, 2.1, 2.3];
        var r = Ratio.Fieller(x, y);
        double t2 = Math.Pow(StudentT.InvCDF(0, 1, 3, 0.975), 2);
        double xb = 5, yb = 2.15, v11 = 20.0 / 3 / 4, v22 = 0.05 / 3 / 4, v12 = 0.8 / 3 / 4;
        double a = (yb * yb) - (t2 * v22), b = (xb * yb) - (t2 * v12), c = (xb * xb) - (t2 * v11);
        Assert.Equal(xb / yb, r.Value, 12);
        Assert.True(a > 0);
        Assert.Equal((b - Math.Sqrt((b * b) - (a * c))) / a, r.Lower!.Value, 9);
        Assert.Equal((b + Math.Sqrt((b * b) - (a * c))) / a, r.Upper!.Value, 9);
    }

    [Fact]
    public void A_denominator_whose_interval_includes_zero_gives_no_bounded_interval()
    {
        var r = Ratio.Fieller([1.0, 2, 3, 4], [1.0, -1, 2, -1.5]);
        Assert.False(r.IsBounded);
        Assert.Null(r.Upper);
    }

    [Fact]
    public void One_pair_has_a_ratio_and_no_interval()
    {
        var r = Ratio.Fieller([3.0], [2.0]);
        Assert.Equal(1.5, r.Value);
        Assert.False(r.IsBounded);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void Fiellers_interval_covers_the_true_ratio_95_times_in_100(int n)
    {
        // Correlated normal pairs: cost (mean −300, sd 400) and days avoided (mean 100, sd 40,
        // correlation −0.6) — the shape of a paired comparison; true ratio −3. 4,000 experiments:
        // the coverage's own 99.9% band is about ±1.1 points.
        var rng = new Xoshiro256StarStar(20161101UL + (ulong)n);
        int covered = 0, bounded = 0, experiments = 4000;
        var x = new double[n];
        var y = new double[n];
        for (int e = 0; e < experiments; e++)
        {
            Pairs(ref rng, x, y);
            var r = Ratio.Fieller(x, y);
            if (r.IsBounded)
            {
                bounded++;
                covered += r.Lower <= -3 && -3 <= r.Upper ? 1 : 0;
            }
        }
        // An unbounded interval covers everything: count it as covering.
        double coverage = (covered + (experiments - bounded)) / (double)experiments;
        Assert.InRange(coverage, 0.935, 0.965);
        Assert.True(bounded > experiments * 0.9, $"only {bounded} bounded intervals");
    }

    [Fact]
    public void The_paired_difference_of_two_ratios_covers_the_true_difference_95_times_in_100()
    {
        // Two options on common random numbers: the second's days avoided share the first's noise.
        var rng = new Xoshiro256StarStar(777);
        const int n = 20, experiments = 3000;
        double[] x1 = new double[n], y1 = new double[n], x2 = new double[n], y2 = new double[n];
        int covered = 0;
        for (int e = 0; e < experiments; e++)
        {
            Pairs(ref rng, x1, y1);
            for (int i = 0; i < n; i++)
            {
                // Option 2: 1.5 × the days avoided with its own noise, cost +200 with noise: true ratio −100/150.
                y2[i] = (1.5 * y1[i]) + (10 * Normal(ref rng));
                x2[i] = x1[i] + 200 + (100 * Normal(ref rng));
            }
            var d = Ratio.Difference(x1, y1, x2, y2);
            covered += d.Covers(-3 - (-100.0 / 150)) ? 1 : 0;
        }
        Assert.InRange(covered / (double)experiments, 0.93, 0.97);
    }

    private static void Pairs(ref Xoshiro256StarStar rng, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double z1 = Normal(ref rng), z2 = Normal(ref rng);
            y[i] = 100 + (40 * z1);
            x[i] = -300 + (400 * ((-0.6 * z1) + (0.8 * z2)));
        }
    }

    private static double Normal(ref Xoshiro256StarStar rng)
    {
        // Box–Muller.
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
