using Bedflow.Core.Forecasting;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Tests.Forecasting;

/// <summary>Forecasts scored against the register's own history (<see cref="ForecastBacktest"/>), and the bands' coverage when the model is the truth.</summary>
public class ForecastBacktestTests
{
    [Fact]
    public void On_a_register_simulated_from_the_model_itself_the_bands_cover_the_truth_at_about_their_nominal_rates()
    {
        // The truth: 500 days of the blocking network, read as a register. Forecasts with the same model (another seed) from 18
        // moments 20 days apart, 28 days ahead; scored on days 1, 7, 14 and 28 of each.
        var net = ForecastTests.Blocking(20);
        var (stays, _) = ForecastTests.Register(net, 500, 2024);
        var day0 = new DateTime(2016, 4, 1);
        var origins = Enumerable.Range(1, 18).Select(k => day0.AddDays(20 * k)).ToList();
        var settings = new ForecastSettings { Days = 28, Replications = 200, Seed = 17 };
        var scored = ForecastBacktest.Run(net, stays, origins, day0.AddDays(500), settings);
        var (c80, c95, k) = Coverage(scored);

        // 72 checks, but the days of one origin are not independent: count them as 36 (two a origin), so a binomial's
        // standard deviation is sqrt(0.8 × 0.2 / 36) = 0.067 (0.036 at 95%); allow 3 of them. Counts are whole numbers and the
        // bands include their ends, so coverage can only err upwards from discreteness: the upper bound is 1.
        Assert.Equal(72, k);
        Assert.InRange(c80, 0.80 - (3 * 0.067), 1.0);
        Assert.InRange(c95, 0.95 - (3 * 0.036), 1.0);
        Assert.True(c80 < 0.99, $"80% bands covering {c80:P0} are too wide to be 80% bands");

        // Teeth: the same forecasts from an empty census (the register ignored) miss early days by far.
        var empty = origins.Select(o =>
        {
            var census = RegisterSnapshot.Of(net, [], o);
            var f = Forecast.Run([new("baseline", "", net)], census, settings);
            return new ForecastOrigin(o, 0, f.Variants[0].Delayed, ForecastBacktest.Actual(stays, DateOnly.FromDateTime(o), 28));
        }).ToList();
        Assert.True(Coverage(empty).C80 < 0.80 - (3 * 0.067), $"an empty census covered {Coverage(empty).C80:P0}");

        // The persistence baseline is the register's delayed count at each moment.
        Assert.Equal(scored.Select(o => o.Persistence), scored.Select(o => ForecastBacktest.Actual(stays, DateOnly.FromDateTime(o.AsOf).AddDays(-1), 1)[0]));
    }

    private static (double C80, double C95, int K) Coverage(IReadOnlyList<ForecastOrigin> origins)
    {
        int[] leads = [1, 7, 14, 28];
        var checks = origins.SelectMany(o => leads.Select(d => (Band: o.Forecast[d - 1], Actual: o.Actual[d - 1]))).ToList();
        return (checks.Count(c => c.Band.Inside80(c.Actual)) / (double)checks.Count, checks.Count(c => c.Band.Inside95(c.Actual)) / (double)checks.Count, checks.Count);
    }

    [Fact]
    public void The_score_s_errors_coverage_and_skill_are_those_of_its_origins()
    {
        // Two origins, two days; bands with means 10 and 12 (80%: ±2, 95%: ±4).
        static ForecastBand Band(double mean) => new(Estimate.Of([mean, mean]), mean - 2, mean + 2, mean - 4, mean + 4);
        ForecastOrigin[] origins =
        [
            new(new DateTime(2020, 1, 1), 8, [Band(10), Band(12)], [11, 15]),   // errors 1, 3; persistence 3, 7
            new(new DateTime(2020, 1, 8), 12, [Band(10), Band(12)], [10, 17]),  // errors 0, 5; persistence 2, 5
        ];
        var s = ForecastBacktest.Score(origins);
        Assert.Equal(9 / 4.0, s.Mae, 12);
        Assert.Equal(Math.Sqrt((1 + 9 + 0 + 25) / 4.0), s.Rmse, 12);
        Assert.Equal(17 / 4.0, s.PersistenceMae, 12);
        Assert.Equal(1 - (9 / 17.0), s.Skill!.Value, 12);
        Assert.Equal(2 / 4.0, s.Coverage80, 12);   // 11 and 10 inside ±2; 15 and 17 not
        Assert.Equal(3 / 4.0, s.Coverage95, 12);   // 17 outside 12 ± 4
        Assert.Equal([0.5, 4.0], s.Leads.Select(l => l.Mae));
        Assert.Equal([2.5, 6.0], s.Leads.Select(l => l.PersistenceMae));
        // The skill's interval from resampling whole origins: each origin's own skill is 1 − 4/10 and 1 − 5/7, the ends.
        var (lo, hi) = s.SkillInterval!.Value;
        Assert.InRange(lo, (1 - (5 / 7.0)) - 1e-12, s.Skill.Value);
        Assert.InRange(hi, s.Skill.Value, (1 - (4 / 10.0)) + 1e-12);
    }
}
