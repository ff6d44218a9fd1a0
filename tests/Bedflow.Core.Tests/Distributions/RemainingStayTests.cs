using Bedflow.Core.Distributions;
using Bedflow.Core.Randomness;
using MathNet.Numerics;
using Dist = MathNet.Numerics.Distributions;

namespace Bedflow.Core.Tests.Distributions;

/// <summary>
/// The remaining stay of a patient who has already stayed a while (<see cref="Distribution.SampleRemaining"/>):
/// T − a given T &gt; a. The exact figures are computed another way — from MathNet's own CDFs,
/// E[T − a | T &gt; a] = ∫ₐ^∞ S(t) dt ÷ S(a) by numerical integration, and the conditional
/// quantiles by bisection on S(a + q) = (1 − p)·S(a) — never from the sampler's formulas.
/// </summary>
public class RemainingStayTests
{
    // name → the distribution and its CDF from MathNet (or by hand for the two without one).
    private static readonly Dictionary<string, (Distribution Stay, Func<double, double> Cdf)> Families = new()
    {
        ["exponential"] = (Distribution.Exponential(6), t => new Dist.Exponential(1 / 6.0).CumulativeDistribution(t)),
        ["gamma"] = (Distribution.Gamma(2.5, 4), t => new Dist.Gamma(2.5, 1 / 4.0).CumulativeDistribution(t)),
        ["gamma shape < 1"] = (Distribution.Gamma(0.6, 10), t => new Dist.Gamma(0.6, 1 / 10.0).CumulativeDistribution(t)),
        ["erlang"] = (Distribution.Erlang(3, 9), t => new Dist.Gamma(3, 3 / 9.0).CumulativeDistribution(t)),
        ["lognormal"] = (Distribution.LogNormal(10, 8), t => LogNormalOf(10, 8).CumulativeDistribution(t)),
        ["weibull"] = (Distribution.Weibull(1.6, 12), t => new Dist.Weibull(1.6, 12).CumulativeDistribution(t)),
        ["weibull shape < 1"] = (Distribution.Weibull(0.7, 5), t => new Dist.Weibull(0.7, 5).CumulativeDistribution(t)),
        ["uniform"] = (Distribution.Uniform(2, 14), t => Math.Clamp((t - 2) / 12, 0, 1)),
        ["triangular (rejection)"] = (Distribution.Triangular(1, 3, 20),
            t => t <= 1 ? 0 : t <= 3 ? (t - 1) * (t - 1) / (19.0 * 2) : t >= 20 ? 1 : 1 - ((20 - t) * (20 - t) / (19.0 * 17))),
        ["mixture (rejection)"] = (Distribution.Mixture([(1, Distribution.Exponential(2)), (1, Distribution.Gamma(4, 5))]),
            t => (0.5 * new Dist.Exponential(0.5).CumulativeDistribution(t)) + (0.5 * new Dist.Gamma(4, 0.2).CumulativeDistribution(t))),
    };

    /// <summary>Each family after half its mean, its mean and three times its mean in the bed (1.5 for those with a maximum below that).</summary>
    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (string name in Families.Keys)
        {
            foreach (double times in name is "uniform" or "triangular (rejection)" ? new[] { 0.5, 1.0, 1.5 } : [0.5, 1.0, 3.0])
            {
                data.Add(name, times);
            }
        }
        return data;
    }

    private static Dist.LogNormal LogNormalOf(double mean, double sd)
    {
        double s2 = Math.Log(1 + (sd * sd / (mean * mean)));
        return new Dist.LogNormal(Math.Log(mean) - (s2 / 2), Math.Sqrt(s2));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Remaining_stays_have_the_exact_conditional_mean_and_quantiles(string name, double meansInBed)
    {
        var (d, cdf) = Families[name];
        double elapsed = meansInBed * d.Mean;
        double Survival(double t) => 1 - cdf(t);
        double s0 = Survival(elapsed);
        double upper = elapsed + (80 * d.Mean);
        double exactMean = Integrate.OnClosedInterval(Survival, elapsed, upper, 1e-12) / s0;
        double Quantile(double p)
        {
            double lo = 0, hi = upper - elapsed;
            for (int i = 0; i < 200; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (Survival(elapsed + mid) > (1 - p) * s0)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }
            return 0.5 * (lo + hi);
        }
        double[] ps = [0.1, 0.5, 0.9];
        double[] qs = [.. ps.Select(Quantile)];

        var rng = new Xoshiro256StarStar(20170109);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        var below = new int[ps.Length];
        for (int i = 0; i < n; i++)
        {
            double r = d.SampleRemaining(elapsed, ref rng);
            Assert.True(r >= 0 && double.IsFinite(r), $"{name}: remaining stay {r}");
            sum += r;
            sumSq += r * r;
            for (int k = 0; k < ps.Length; k++)
            {
                below[k] += r <= qs[k] ? 1 : 0;
            }
        }
        double mean = sum / n;
        double half = 3.29 * Math.Sqrt(((sumSq / n) - (mean * mean)) / n); // 99.9%
        Assert.True(half <= 0.02 * exactMean, $"{name}: the test is too loose (half-width {half} for {exactMean})");
        Assert.True(Math.Abs(mean - exactMean) <= half, $"{name} after {elapsed}: mean remaining {mean} ± {half}, exact {exactMean}");
        for (int k = 0; k < ps.Length; k++)
        {
            double share = below[k] / (double)n;
            double band = 3.29 * Math.Sqrt(ps[k] * (1 - ps[k]) / n);
            Assert.True(Math.Abs(share - ps[k]) <= band, $"{name} after {elapsed}: {share} of draws below the exact {ps[k]} quantile {qs[k]}");
        }
        // Teeth: for all but the memoryless exponential, ignoring the time already spent (a fresh
        // stay minus nothing) would be far outside the interval.
        if (name != "exponential")
        {
            Assert.True(Math.Abs(d.Mean - exactMean) > 5 * half, $"{name}: the conditioning makes no difference at {elapsed}");
        }
    }

    [Fact]
    public void Far_in_the_tail_remaining_stays_stay_finite_and_follow_the_hazard()
    {
        var rng = new Xoshiro256StarStar(5);
        // Gamma(2, 1) after 60 days: the hazard tends to 1/θ = 1, so what is left is about exponential(1) (mean 1/(1 − 1/60) ≈ 1.017).
        double sum = 0;
        for (int i = 0; i < 20_000; i++)
        {
            sum += Distribution.Gamma(2, 1).SampleRemaining(60, ref rng);
        }
        Assert.InRange(sum / 20_000, 0.97, 1.07);
        // A lognormal 40 means in: finite, positive, and shorter than the time already spent.
        double r = Distribution.LogNormal(5, 3).SampleRemaining(200, ref rng);
        Assert.InRange(r, 0, 200);
    }

    [Fact]
    public void A_stay_longer_than_any_the_distribution_allows_is_over()
    {
        var rng = new Xoshiro256StarStar(9);
        Assert.Equal(0, Distribution.Deterministic(3).SampleRemaining(4, ref rng));
        Assert.Equal(1, Distribution.Deterministic(3).SampleRemaining(2, ref rng));
        Assert.Equal(0, Distribution.Uniform(1, 5).SampleRemaining(6, ref rng));
        Assert.Equal(0, Distribution.Empirical([1, 2, 3]).SampleRemaining(3, ref rng));
        Assert.Equal(7, Distribution.Empirical([1, 2, 10]).SampleRemaining(3, ref rng));
        Assert.Equal(0, Distribution.Triangular(1, 2, 3).SampleRemaining(5, ref rng)); // rejection finds nothing
        Assert.Throws<ArgumentOutOfRangeException>(() => { var g = new Xoshiro256StarStar(1); Distribution.Exponential(1).SampleRemaining(-1, ref g); });
    }

    [Fact]
    public void With_nothing_elapsed_it_is_an_ordinary_draw()
    {
        var a = new Xoshiro256StarStar(3);
        var b = new Xoshiro256StarStar(3);
        var d = Distribution.Gamma(2.5, 4);
        Assert.Equal(d.Sample(ref a), d.SampleRemaining(0, ref b));
    }
}
