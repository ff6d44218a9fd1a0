using Bedflow.Core.Distributions;
using Bedflow.Core.Statistics.Fitting;
using Xunit.Abstractions;

namespace Bedflow.Core.Tests.Statistics.Fitting;

/// <summary>
/// The 95% interval of the fitted mean covers the true mean in about 95% of repeated experiments:
/// 200 registers of 200 stays each (about 20% censored), fixed seeds, each family fitted to its own
/// data. With 200 repetitions the binomial standard error of 95% coverage is 1.5 points; 90–99% is
/// accepted.
/// </summary>
public class StayFitCoverageTests(ITestOutputHelper output)
{
    private const int Repetitions = 200;
    private const int Size = 200;

    public static TheoryData<StayFamily> Families() => [StayFamily.Exponential, StayFamily.Gamma, StayFamily.LogNormal, StayFamily.Weibull];

    private static Distribution Truth(StayFamily family) => family switch
    {
        StayFamily.Exponential => Distribution.Exponential(10),
        StayFamily.Gamma => Distribution.Gamma(2, 5),
        StayFamily.LogNormal => Distribution.LogNormal(10, 12),
        StayFamily.Weibull => Distribution.Weibull(0.8, 9),
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void The_95_percent_interval_of_the_mean_covers_the_truth_about_95_percent_of_the_time(StayFamily family)
    {
        var truth = Truth(family);
        var options = new StayFitOptions { BootstrapReplicates = 0 };
        int covered = 0, parametersCovered = 0;
        for (int r = 0; r < Repetitions; r++)
        {
            var stays = Register.Draw(truth, 4 * truth.Mean, Size, seed: 1_000 + (ulong)r);
            var fit = StayFit.Of(stays, [family], options).Chosen;
            covered += fit.Mean.Covers(truth.Mean) ? 1 : 0;
            parametersCovered += fit.Parameters[0].Covers(First(family)) ? 1 : 0;
        }
        double coverage = covered / (double)Repetitions, parameterCoverage = parametersCovered / (double)Repetitions;
        output.WriteLine($"{family}: mean covered in {coverage:P1}, first parameter in {parameterCoverage:P1} of {Repetitions}");
        Assert.InRange(coverage, 0.90, 0.99);
        Assert.InRange(parameterCoverage, 0.90, 0.99);
    }

    private static double First(StayFamily family) => family switch
    {
        StayFamily.Exponential => 10,
        StayFamily.Gamma => 2,
        StayFamily.LogNormal => 10,
        _ => 0.8,
    };
}
