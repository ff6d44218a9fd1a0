using Bedflow.Core.Distributions;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Core.Tests.Statistics.Fitting;

public class StayFitProblemTests
{
    private static Stay[] Completed(int n) => [.. Enumerable.Range(1, n).Select(d => Stay.Completed(d))];

    [Fact]
    public void Fewer_than_ten_completed_stays_is_a_problem_not_a_fit()
    {
        Stay[] stays = [.. Completed(9), .. Enumerable.Repeat(Stay.StillIn(3), 40)];
        var problem = Assert.Single(StayFit.Problems(stays));
        Assert.Equal(StayFitProblemKind.TooFewCompletedStays, problem.Kind);
        Assert.Equal("Only 9 of 49 stays were completed: at least 10 completed stays are needed to fit a length of stay.", problem.Message);
        var e = Assert.Throws<StayFitException>(() => StayFit.Of(stays));
        Assert.Equal(problem, Assert.Single(e.Problems));
        Assert.Empty(StayFit.Problems(Completed(10)));
        Assert.Empty(StayFit.Problems(Completed(5), new StayFitOptions { MinimumCompletedStays = 5 }));
    }

    [Fact]
    public void A_register_with_every_patient_still_in_or_no_stays_says_so()
    {
        var all = Assert.Single(StayFit.Problems(Enumerable.Repeat(Stay.StillIn(12), 30)));
        Assert.Equal(StayFitProblemKind.AllCensored, all.Kind);
        Assert.Contains("All 30 stays", all.Message, StringComparison.Ordinal);
        Assert.Equal(StayFitProblemKind.NoStays, Assert.Single(StayFit.Problems([])).Kind);
        Assert.Throws<StayFitException>(() => StayFit.Of([]));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_duration_that_is_not_a_positive_number_of_days_is_refused_naming_its_value(double days, string shown)
    {
        Stay[] stays = [.. Completed(12), new Stay(days, false), .. Completed(3)];
        var problem = Assert.Single(StayFit.Problems(stays));
        Assert.Equal(StayFitProblemKind.InvalidDuration, problem.Kind);
        Assert.Equal(12, problem.Index);
        Assert.Equal(days, problem.Value);
        Assert.Equal($"Stay 12 (counting from 0) lasts {shown} days: a length of stay must be a finite number of days greater than 0.", problem.Message);
        Assert.Throws<StayFitException>(() => StayFit.Of(stays));
    }

    [Fact]
    public void Many_bad_durations_are_named_up_to_ten_then_counted()
    {
        Stay[] stays = [.. Completed(20), .. Enumerable.Repeat(Stay.Completed(-1), 25)];
        var problems = StayFit.Problems(stays);
        Assert.Equal(11, problems.Count);
        Assert.All(problems.Take(10), p => Assert.NotNull(p.Index));
        Assert.Equal("15 more stays have durations that are not a finite number of days greater than 0.", problems[^1].Message);
    }

    [Fact]
    public void A_million_stays_in_whole_days_are_fitted_streaming_in_a_few_bytes_a_stay()
    {
        // Streamed, never materialised by the caller: a million stays of 1 to 60 whole days, one in
        // seven still in. The fit keeps 8 bytes a stay while collecting, then only the distinct values.
        static IEnumerable<Stay> Million()
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                yield return new Stay(1 + (i * 7919L % 60), i % 7 == 0);
            }
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        var fit = StayFit.Of(Million(), options: new StayFitOptions { BootstrapReplicates = 0 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_000_000, fit.Stays);
        Assert.Equal(4, fit.Fits.Count);
        Assert.Equal(60, fit.KaplanMeier.Steps.Count);
        // Two growing lists of doubles allocate at most about twice their final 8 bytes a stay.
        Assert.True(allocated < 24L * 1_000_000, $"{allocated:N0} bytes for a million stays");
    }

    [Fact]
    public void Families_not_asked_for_are_not_fitted_and_bad_options_are_refused()
    {
        var fit = StayFit.Of(Completed(12), [StayFamily.Weibull, StayFamily.Weibull], new StayFitOptions { BootstrapReplicates = 0 });
        Assert.Equal(StayFamily.Weibull, Assert.Single(fit.Fits).Family);
        Assert.Null(fit[StayFamily.Gamma]);
        Assert.Empty(fit.NotFitted);
        Assert.ThrowsAny<ArgumentException>(() => StayFit.Of(Completed(12), []));
        Assert.ThrowsAny<ArgumentException>(() => StayFit.Of(Completed(12), options: new StayFitOptions { BootstrapReplicates = -1 }));
        Assert.ThrowsAny<ArgumentException>(() => StayFit.Of(Completed(12), [(StayFamily)42]));
        _ = DistributionParameter.Mean;
    }
}
