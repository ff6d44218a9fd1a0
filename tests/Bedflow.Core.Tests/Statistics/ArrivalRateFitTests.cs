using Bedflow.Core.Model;
using Bedflow.Core.Randomness;
using Bedflow.Core.Statistics;
using Xunit.Abstractions;

namespace Bedflow.Core.Tests.Statistics;

/// <summary>The Poisson fit of daily arrivals with month and weekday factors: exact recovery, coverage, dispersion, absent months.</summary>
public class ArrivalRateFitTests(ITestOutputHelper output)
{
    // January first; 0.5, 1 and 1.5 each four times: average 1. With a base of 8 and the weekday
    // factors below every day's expected count is a whole number (8 × {0.25 … 2.25}).
    private static readonly double[] Months = [1.5, 1.5, 1, 1, 0.5, 0.5, 0.5, 0.5, 1, 1, 1.5, 1.5];
    private static readonly double[] Weekdays = [1.5, 1, 1, 1, 1, 0.5, 1]; // Monday first, average 1

    private static int Weekday(DateOnly d) => ((int)d.DayOfWeek + 6) % 7;

    private static int?[] Expected(DateOnly first, int days, double baseRate, double[] months, double[] weekdays) =>
        [.. Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(d => (int?)Math.Round(baseRate * months[d.Month - 1] * weekdays[Weekday(d)]))];

    [Fact]
    public void Noise_free_expected_counts_give_back_the_factors_exactly()
    {
        var first = new DateOnly(2015, 6, 17);
        var counts = Expected(first, 800, 8, Months, Weekdays);
        counts[10] = null; // unrecorded days are left out, not read as 0
        counts[11] = null;
        var fit = ArrivalRateFit.Of(first, counts);

        Assert.Equal(8, fit.BaseRate.Value, 9);
        for (int m = 0; m < 12; m++)
        {
            Assert.Equal(Months[m], fit.MonthFactors[m].Value, 9);
            Assert.True(fit.MonthFactors[m].Covers(Months[m]) && fit.MonthFactors[m].Upper > fit.MonthFactors[m].Lower);
        }
        for (int w = 0; w < 7; w++)
        {
            Assert.Equal(Weekdays[w], fit.WeekdayFactors[w].Value, 9);
        }
        Assert.Equal(798, fit.Days);
        Assert.Equal(0, fit.PearsonChiSquare, 6);
        Assert.Equal(798 - 18, fit.DegreesOfFreedom); // 1 + 11 + 6 parameters
        Assert.False(fit.Overdispersed);
    }

    [Fact]
    public void Simulated_poisson_counts_recover_the_factors_and_their_95_percent_intervals_cover_them()
    {
        // Two years of daily counts around 10 a day, 400 experiments on fixed seeds. Each of the 20
        // parameters' coverage has a binomial standard error of about 1.1 points at 95%.
        double baseRate = 10;
        double[] months = [.. Enumerable.Range(0, 12).Select(m => 1 + (0.2 * Math.Cos(2 * Math.PI * m / 12)))];
        double[] weekdays = [1.15, 1.1, 1.05, 1.0, 1.0, 0.8, 0.9];
        double[] truth = [baseRate, .. months, .. weekdays];
        var first = new DateOnly(2016, 1, 1);
        const int experiments = 400, days = 730;
        var covered = new int[20];
        var sums = new double[20];
        int flagged = 0;
        for (int e = 0; e < experiments; e++)
        {
            var rng = RandomStreams.ForModel(20160101, e, 1);
            var counts = new int?[days];
            for (int i = 0; i < days; i++)
            {
                var d = first.AddDays(i);
                counts[i] = Poisson(ref rng, baseRate * months[d.Month - 1] * weekdays[Weekday(d)]);
            }
            var fit = ArrivalRateFit.Of(first, counts);
            FittedValue[] all = [fit.BaseRate, .. fit.MonthFactors, .. fit.WeekdayFactors];
            for (int k = 0; k < 20; k++)
            {
                covered[k] += all[k].Covers(truth[k]) ? 1 : 0;
                sums[k] += all[k].Value;
            }
            flagged += fit.Overdispersed ? 1 : 0;
        }
        for (int k = 0; k < 20; k++)
        {
            double coverage = covered[k] / (double)experiments;
            Assert.True(coverage is >= 0.90 and <= 0.99, $"parameter {k}: coverage {coverage}");
            Assert.True(Math.Abs((sums[k] / experiments) - truth[k]) < 0.01 * truth[k], $"parameter {k}: mean {sums[k] / experiments} for {truth[k]}");
        }
        double pooled = covered.Sum() / (20.0 * experiments);
        output.WriteLine($"coverage by parameter: {string.Join(", ", covered.Select(c => c / (double)experiments))}; pooled {pooled}; flagged over-dispersed {flagged}/{experiments}");
        Assert.InRange(pooled, 0.935, 0.965);
        // Poisson counts are called over-dispersed about 5% of the time (the test's level).
        Assert.InRange(flagged / (double)experiments, 0.01, 0.10);
    }

    [Fact]
    public void Over_dispersed_counts_are_flagged_and_their_widened_intervals_still_cover()
    {
        // Each day's rate is halved or raised by half at random: variance λ + λ²/4, so a
        // dispersion of about 1 + 10/4 = 3.5 at 10 a day.
        double[] weekdays = [1.15, 1.1, 1.05, 1.0, 1.0, 0.8, 0.9];
        var first = new DateOnly(2016, 1, 1);
        const int experiments = 200, days = 730;
        int covered = 0, total = 0, flagged = 0;
        double dispersion = 0;
        for (int e = 0; e < experiments; e++)
        {
            var rng = RandomStreams.ForModel(777, e, 2);
            var counts = new int?[days];
            for (int i = 0; i < days; i++)
            {
                var d = first.AddDays(i);
                double lambda = 10 * Months[d.Month - 1] * weekdays[Weekday(d)];
                counts[i] = Poisson(ref rng, lambda * (rng.NextDouble() < 0.5 ? 0.5 : 1.5));
            }
            var fit = ArrivalRateFit.Of(first, counts);
            flagged += fit.Overdispersed ? 1 : 0;
            dispersion += fit.Dispersion;
            double[] truth = [10, .. Months, .. weekdays];
            FittedValue[] all = [fit.BaseRate, .. fit.MonthFactors, .. fit.WeekdayFactors];
            for (int k = 0; k < 20; k++)
            {
                covered += all[k].Covers(truth[k]) ? 1 : 0;
                total++;
            }
        }
        output.WriteLine($"flagged {flagged}/{experiments}; mean dispersion {dispersion / experiments}; pooled coverage {covered / (double)total}");
        Assert.Equal(experiments, flagged);
        Assert.InRange(dispersion / experiments, 2.5, 4.5);
        Assert.InRange(covered / (double)total, 0.92, 0.98);
    }

    [Fact]
    public void Months_absent_from_the_data_are_1_by_convention_with_no_interval_and_flagged()
    {
        // March to October only: the eight months' true factors average 0.75, so fitted they are
        // the truth ÷ 0.75 and the base 8 × 0.75 = 6; the day's rate is unchanged.
        var first = new DateOnly(2016, 3, 1);
        var fit = ArrivalRateFit.Of(first, Expected(first, 245, 8, Months, Weekdays));
        foreach (int m in (int[])[0, 1, 10, 11])
        {
            Assert.True(fit.MonthFactors[m].Absent);
            Assert.Equal(1, fit.MonthFactors[m].Value);
            Assert.Null(fit.MonthFactors[m].Lower);
            Assert.Null(fit.MonthFactors[m].Upper);
        }
        for (int m = 2; m < 10; m++)
        {
            Assert.False(fit.MonthFactors[m].Absent);
            Assert.Equal(Months[m] / 0.75, fit.MonthFactors[m].Value, 9);
        }
        Assert.Equal(6, fit.BaseRate.Value, 9);
        Assert.Equal(1, fit.MonthFactors.Average(f => f.Value), 12);

        // The model takes the fit as it is, and gives back the data's rate on a day with data.
        var rate = fit.ToSeasonalRate(first);
        Assert.Empty(SeasonalRate.Problems(ModelPath.Root, fit.BaseRate.Value, null, [.. fit.MonthFactors.Select(f => f.Value)], [.. fit.WeekdayFactors.Select(f => f.Value)]));
        Assert.Equal(8 * 0.5 * 1.5, rate.At(new DateOnly(2016, 6, 6).DayNumber - first.DayNumber + 0.5), 9); // a Monday in June
    }

    [Fact]
    public void A_month_recorded_without_an_arrival_has_factor_0_with_an_exact_upper_bound()
    {
        var first = new DateOnly(2016, 1, 1);
        var counts = Expected(first, 366, 8, Months, Weekdays);
        var july = Enumerable.Range(0, 366).Where(i => first.AddDays(i).Month == 7).ToArray();
        foreach (int i in july)
        {
            counts[i] = 0;
        }
        var fit = ArrivalRateFit.Of(first, counts);
        var f = fit.MonthFactors[6];
        Assert.Equal(0, f.Value);
        Assert.Equal(0, f.Lower);
        // Garwood: 0 seen, the upper 97.5% bound on the month's total is −ln 0.025; over the
        // month's expected arrivals per unit of factor, Σ base × weekday factor over its days.
        double perUnit = july.Sum(i => fit.BaseRate.Value * fit.WeekdayFactors[Weekday(first.AddDays(i))].Value);
        Assert.Equal(-Math.Log(0.025) / perUnit, f.Upper!.Value, 9);
        Assert.Equal(1, fit.MonthFactors.Average(x => x.Value), 12);
    }

    [Fact]
    public void Counts_that_cannot_be_fitted_are_refused_in_words()
    {
        var first = new DateOnly(2016, 1, 4); // a Monday
        Assert.Equal(["the count for 2016-01-05 is negative (-2); a day's arrivals are 0 or more."], ArrivalRateFit.Problems(first, [3, -2, 4]));
        Assert.Equal(["there is no day with a count to fit."], ArrivalRateFit.Problems(first, [null, null]));
        Assert.Equal(["there is no arrival in the 3 day(s) given: the rate is 0, and no month or weekday factor can be told from that."], ArrivalRateFit.Problems(first, [0, 0, 0]));
        // A Monday in January and a Wednesday in July: January's effect and Monday's are one number.
        var apart = new int?[184];
        apart[0] = 3;
        apart[183] = 5; // 2016-07-06, a Wednesday
        var problems = ArrivalRateFit.Problems(first, apart);
        Assert.Single(problems);
        Assert.StartsWith("the days given cannot tell a month's effect from a weekday's", problems[0], StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArrivalRateFit.Of(first, apart));
    }

    // Poisson draws by inversion (fine for means up to a few dozen).
    private static int Poisson(ref Xoshiro256StarStar rng, double mean)
    {
        double u = rng.NextDouble(), p = Math.Exp(-mean), cumulative = p;
        int k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
