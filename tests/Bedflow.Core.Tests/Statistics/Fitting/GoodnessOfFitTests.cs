using Bedflow.Core.Distributions;
using Bedflow.Core.Statistics.Fitting;
using Xunit.Abstractions;

namespace Bedflow.Core.Tests.Statistics.Fitting;

public class GoodnessOfFitTests(ITestOutputHelper output)
{
    // 400 stays from a long-tailed lognormal (mean 10, sd 15), about 20% censored.
    private static readonly Stay[] LongTailed = Register.Draw(Distribution.LogNormal(10, 15), 40, 400, seed: 7);

    private static readonly StayFitOptions Bootstrap99 = new() { BootstrapReplicates = 99, Seed = 11 };

    [Fact]
    public void The_p_value_is_small_for_a_clearly_wrong_family_and_not_small_for_the_right_one()
    {
        var fit = StayFit.Of(LongTailed, [StayFamily.Exponential, StayFamily.LogNormal], Bootstrap99);
        var wrong = fit[StayFamily.Exponential]!.GoodnessOfFit;
        var right = fit[StayFamily.LogNormal]!.GoodnessOfFit;
        output.WriteLine($"exponential D {wrong.Distance:F4} p {wrong.PValue}; lognormal D {right.Distance:F4} p {right.PValue}");
        Assert.Equal(99, wrong.Replicates);
        Assert.Equal(400, wrong.SampleSize);
        // 1/100 is the smallest p-value 99 replicates can give: none came as far from its own fit.
        Assert.Equal(0.01, wrong.PValue!.Value, 12);
        Assert.True(right.PValue > 0.1, $"lognormal p = {right.PValue}");
        Assert.True(wrong.Distance > 2 * right.Distance);
    }

    [Fact]
    public void The_p_value_depends_on_the_seed_only_not_on_the_number_of_threads()
    {
        var one = StayFit.Of(LongTailed, [StayFamily.Gamma], Bootstrap99 with { MaxDegreeOfParallelism = 1 }).Chosen.GoodnessOfFit;
        var two = StayFit.Of(LongTailed, [StayFamily.Gamma], Bootstrap99 with { MaxDegreeOfParallelism = 2 }).Chosen.GoodnessOfFit;
        Assert.Equal(one, two);
    }

    [Fact]
    public void Q_Q_points_pair_Kaplan_Meier_quantiles_with_the_fitted_ones_and_lie_near_the_diagonal_for_the_right_family()
    {
        var fit = StayFit.Of(LongTailed, [StayFamily.Exponential, StayFamily.LogNormal], new StayFitOptions { BootstrapReplicates = 0 });
        var right = fit[StayFamily.LogNormal]!.QuantilePoints;
        Assert.Equal(19, right.Count);
        Assert.Equal(Enumerable.Range(1, 19).Select(i => i / 20.0), right.Select(p => p.Probability));
        Assert.All(right, p => Assert.Equal(fit.KaplanMeier.Quantile(p.Probability), p.Observed));
        Assert.All(right, p => Assert.True(p.Observed > 0 && p.Fitted > 0));
        // The right family's quantiles within 20% of the Kaplan–Meier ones from 10% to 90%; the
        // exponential's are not (its short stays are too short: a 10% quantile 0.105 of its mean,
        // this lognormal's 0.14).
        static bool Near(QuantilePoint p) => p.Fitted / p.Observed is >= 0.8 and <= 1.25;
        Assert.All(right.Where(p => p.Probability is >= 0.1 and <= 0.9), p => Assert.True(Near(p), $"{p}"));
        Assert.Contains(fit[StayFamily.Exponential]!.QuantilePoints.Where(p => p.Probability is >= 0.1 and <= 0.9), p => !Near(p));
    }

    [Fact]
    public void A_heavily_censored_register_has_no_Q_Q_points_beyond_what_Kaplan_Meier_reaches()
    {
        // Censored at 2 days on average against a mean stay of 10: Kaplan–Meier never reaches 95%.
        var stays = Register.Draw(Distribution.Exponential(10), 2, 2_000, seed: 3);
        var fit = StayFit.Of(stays, [StayFamily.Exponential], new StayFitOptions { BootstrapReplicates = 0 });
        var points = fit.Chosen.QuantilePoints;
        Assert.NotEmpty(points);
        Assert.True(points.Count < 19);
        Assert.All(points, p => Assert.NotNull(fit.KaplanMeier.Quantile(p.Probability)));
    }
}
