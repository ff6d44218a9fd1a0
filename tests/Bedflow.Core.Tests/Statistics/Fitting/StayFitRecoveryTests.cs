using Bedflow.Core.Distributions;
using Bedflow.Core.Statistics.Fitting;
using Xunit.Abstractions;

namespace Bedflow.Core.Tests.Statistics.Fitting;

/// <summary>
/// 2,000 stays from a known gamma, lognormal and Weibull, about 20% censored at random (one seed
/// each, fixed before the test was first run): the 95% intervals hold the true parameters and the
/// true mean, and AIC picks the true family by a wide margin (the shapes are clearly different).
/// </summary>
public class StayFitRecoveryTests(ITestOutputHelper output)
{
    public static TheoryData<StayFamily, double, double, double> Truths() => new()
    {
        // family, first and second factory parameter, mean
        { StayFamily.Gamma, 4, 2.5, 10 },                                   // shape, scale: cv 0.5
        { StayFamily.LogNormal, 10, 15, 10 },                               // mean, sd: cv 1.5, a long tail
        { StayFamily.Weibull, 0.6, 8, 8 * 1.5045754882515560 },             // shape, scale; Γ(1 + 1/0.6) = Γ(8/3)
    };

    private static Distribution Make(StayFamily family, double a, double b) => family switch
    {
        StayFamily.Gamma => Distribution.Gamma(a, b),
        StayFamily.LogNormal => Distribution.LogNormal(a, b),
        StayFamily.Weibull => Distribution.Weibull(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    [Theory]
    [MemberData(nameof(Truths))]
    public void Parameters_and_the_mean_are_recovered_within_their_95_percent_intervals(StayFamily family, double a, double b, double mean)
    {
        var truth = Make(family, a, b);
        Assert.Equal(mean, truth.Mean, 9);
        var stays = Register.Draw(truth, 4 * mean, 2_000, seed: 1);
        Assert.InRange(Register.CensoredShare(stays), 0.15, 0.25);

        var fit = StayFit.Of(stays, options: new StayFitOptions { BootstrapReplicates = 0 });
        var own = fit[family]!;
        output.WriteLine($"{family}: {string.Join("; ", own.Parameters)}; {own.Mean}; ΔAIC of the others {string.Join(", ", fit.Fits.Skip(1).Select(f => $"{f.Family} {f.DeltaAic:F1}"))}");
        Assert.True(own.Parameters[0].Covers(a), $"{own.Parameters[0]} misses {a}");
        Assert.True(own.Parameters[1].Covers(b), $"{own.Parameters[1]} misses {b}");
        Assert.True(own.Mean.Covers(mean), $"{own.Mean} misses {mean}");
        // Tight enough to mean something: the mean within ±15%.
        Assert.InRange(own.Mean.Upper!.Value / own.Mean.Lower!.Value, 1, 1.3);

        Assert.Equal(family, fit.Chosen.Family);
        Assert.All(fit.Fits.Skip(1), f => Assert.True(f.DeltaAic > 10, $"{f.Family} is only {f.DeltaAic:F1} behind"));
    }

    [Fact]
    public void The_fitted_distribution_is_the_engines_with_the_fitted_parameters()
    {
        var stays = Register.Draw(Distribution.Gamma(4, 2.5), 40, 2_000, seed: 1);
        var gamma = StayFit.Of(stays, [StayFamily.Gamma], new StayFitOptions { BootstrapReplicates = 0 }).Chosen;
        double shape = gamma[DistributionParameter.Shape].Value, scale = gamma[DistributionParameter.Scale].Value;
        Assert.Equal(shape * scale, gamma.Distribution.Mean, 9);
        Assert.Equal(shape * scale * scale, gamma.Distribution.Variance, 9);
        Assert.Equal(shape * scale, gamma.Mean.Value, 9);
        Assert.Throws<ArgumentException>(() => gamma[DistributionParameter.StandardDeviation]);
    }
}
