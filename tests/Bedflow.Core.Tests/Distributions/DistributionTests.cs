using Bedflow.Core.Distributions;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Tests.Distributions;

public class DistributionTests
{
    public static TheoryData<string, Distribution, double, double> Cases() => new()
    {
        // name, distribution, exact mean, exact variance
        { "exponential", Distribution.Exponential(3), 3, 9 },
        { "deterministic", Distribution.Deterministic(2.5), 2.5, 0 },
        { "uniform", Distribution.Uniform(2, 8), 5, 3 },
        { "triangular", Distribution.Triangular(1, 2, 6), 3, (1 + 4 + 36 - 2 - 6 - 12) / 18.0 },
        { "lognormal", Distribution.LogNormal(10, 5), 10, 25 },
        { "gamma", Distribution.Gamma(2.5, 4), 10, 40 },
        { "gamma shape < 1", Distribution.Gamma(0.5, 2), 1, 2 },
        { "weibull", Distribution.Weibull(2, 3), 3 * 0.886226925452758, 9 * (1 - (0.886226925452758 * 0.886226925452758)) },
        { "erlang", Distribution.Erlang(4, 8), 8, 16 },
        { "empirical", Distribution.Empirical([1, 2, 3, 10]), 4, 12.5 },
        { "mixture", Distribution.Mixture([(1, Distribution.Deterministic(1)), (3, Distribution.Exponential(5))]), 4, 0.25 * 9 + 0.75 * (25 + 1) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Samples_have_the_stated_mean_and_variance(string name, Distribution d, double mean, double variance)
    {
        Assert.Equal(mean, d.Mean, 9);
        Assert.Equal(variance, d.Variance, 9);
        var rng = new Xoshiro256StarStar(12345);
        const int n = 400_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = d.Sample(ref rng);
            Assert.True(x >= d.Minimum, $"{name}: sample {x} below minimum {d.Minimum}");
            sum += x;
            sumSq += x * x;
        }
        double m = sum / n;
        double v = (sumSq / n) - (m * m);
        // 5 standard errors of the mean; the variance within 5% (heavy tails converge slowly).
        double se = Math.Sqrt(variance / n);
        Assert.True(Math.Abs(m - mean) <= (5 * se) + 1e-12, $"{name}: sample mean {m} vs {mean}");
        Assert.True(Math.Abs(v - variance) <= (0.05 * variance) + 1e-9, $"{name}: sample variance {v} vs {variance}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Residual_stays_have_the_equilibrium_mean(string name, Distribution d, double mean, double variance)
    {
        // Equilibrium residual life: E[R] = E[S²] / (2 E[S]) = (variance + mean²) / (2 mean).
        double exact = (variance + (mean * mean)) / (2 * mean);
        var rng = new Xoshiro256StarStar(777);
        const int n = 400_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double r = d.SampleResidual(ref rng);
            Assert.True(r >= 0, $"{name}: negative residual {r}");
            sum += r;
        }
        Assert.True(Math.Abs((sum / n) - exact) <= 0.02 * exact, $"{name}: residual mean {sum / n} vs {exact}");
    }

    [Fact]
    public void Lognormal_is_parameterised_by_the_mean_and_sd_of_the_stay_itself()
    {
        var rng = new Xoshiro256StarStar(3);
        var d = Distribution.LogNormal(4, 6);
        var samples = Enumerable.Range(0, 200_000).Select(_ => d.Sample(ref rng)).Order().ToArray();
        // Median of a lognormal = mean / sqrt(1 + cv²) = 4 / sqrt(1 + 2.25).
        Assert.Equal(4 / Math.Sqrt(3.25), samples[samples.Length / 2], 1);
    }

    [Theory]
    [InlineData("exponential mean 0")]
    [InlineData("uniform max < min")]
    [InlineData("triangular mode outside")]
    [InlineData("lognormal sd negative")]
    [InlineData("gamma shape NaN")]
    [InlineData("erlang phases 0")]
    [InlineData("empirical empty")]
    [InlineData("empirical negative")]
    [InlineData("mixture zero weight")]
    public void Bad_parameters_are_refused_with_a_message_naming_the_parameter(string which)
    {
        Action make = which switch
        {
            "exponential mean 0" => () => Distribution.Exponential(0),
            "uniform max < min" => () => Distribution.Uniform(5, 2),
            "triangular mode outside" => () => Distribution.Triangular(1, 9, 5),
            "lognormal sd negative" => () => Distribution.LogNormal(5, -1),
            "gamma shape NaN" => () => Distribution.Gamma(double.NaN, 1),
            "erlang phases 0" => () => Distribution.Erlang(0, 3),
            "empirical empty" => () => Distribution.Empirical([]),
            "empirical negative" => () => Distribution.Empirical([3, -1]),
            "mixture zero weight" => () => Distribution.Mixture([(0, Distribution.Exponential(1))]),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        var ex = Assert.ThrowsAny<ArgumentException>(make);
        Assert.False(string.IsNullOrEmpty(ex.ParamName));
        Assert.Contains(ex.ParamName!, ex.Message, StringComparison.Ordinal);
        Assert.Matches("must|needs|cannot", ex.Message);
    }
}
