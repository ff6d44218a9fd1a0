using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Forecasting;

/// <summary>A forecast from a register's census (<see cref="Forecast"/>): the rest of each stay given the time spent, variants from the moment on, the same numbers whatever the threads.</summary>
public class ForecastTests
{
    private static readonly DateTime AsOf = new(2016, 6, 10);

    private static ObservedStay InBed(long patient, string service, DateTime admitted) =>
        new(patient, new DelayRecord { Service = service, Beds = SitRepBeds.NonAcute, Admitted = admitted });

    [Fact]
    public void A_patient_thirty_days_into_a_lognormal_stay_leaves_as_its_conditional_distribution_says_later_than_a_new_one()
    {
        // Two wards with the same lognormal stay (mean 10, sd 15); 200 patients 30 days in, 200 admitted at the moment.
        var los = Distribution.LogNormal(10, 15);
        var net = new NetworkBuilder()
            .Service("old", 1000, los, kind: ServiceKind.CommunityHospital)
            .Service("new", 1000, los, kind: ServiceKind.CommunityHospital)
            .Arrivals("none", "old", ArrivalRate.Constant(RatePerDay.Of(1e-9)))
            .Route("old", "home").Route("new", "home")
            .Build();
        var stays = Enumerable.Range(0, 200).Select(i => InBed(i, "old", AsOf.AddDays(-30)))
            .Concat(Enumerable.Range(200, 200).Select(i => InBed(i, "new", AsOf))).ToList();
        var census = RegisterSnapshot.Of(net, stays, AsOf);
        var f = Forecast.Run([new("baseline", "", net)], census, new ForecastSettings { Days = 28, Replications = 40, Seed = 7 });

        // Exact, from MathNet's lognormal: still in at t days on = S(a + t) / S(a).
        double sigma2 = Math.Log(1 + (15.0 * 15 / (10 * 10))), mu = Math.Log(10) - (sigma2 / 2);
        var exact = new MathNet.Numerics.Distributions.LogNormal(mu, Math.Sqrt(sigma2));
        double S(double t) => 1 - exact.CumulativeDistribution(t);
        var old = f.Variants[0].Occupancy.Single(o => o.Service == "old").Days;
        var young = f.Variants[0].Occupancy.Single(o => o.Service == "new").Days;
        foreach (int day in new[] { 1, 7, 14, 28 })
        {
            // Day d's midnight is d days after the moment (a midnight).
            AssertCovers(200 * S(30 + day) / S(30), Values(f, "old", day - 1));
            AssertCovers(200 * S(day), Values(f, "new", day - 1));
        }
        // So the rest of the stay is drawn from T − a given T > a (its conditional mean about 23 days after 30, against 10 when new), not afresh.
        Assert.True(old[27].Mean.Mean > young[27].Mean.Mean * 1.5, $"after 28 days {old[27].Mean.Mean} of the old and {young[27].Mean.Mean} of the new are in");
    }

    private static double[] Values(ForecastResult f, string service, int day)
    {
        var band = f.Variants[0].Occupancy.Single(o => o.Service == service).Days[day];
        return [band.Mean.Mean, band.Mean.Count];
    }

    private static void AssertCovers(double expected, double[] meanAndCount)
    {
        // Each replication's count is Binomial(200, p): its mean over the replications has sd sqrt(200 p (1 − p) / n).
        double p = expected / 200, sd = Math.Sqrt(200 * p * (1 - p) / meanAndCount[1]);
        // 99.9% (3.29 sd), and tight enough to have teeth: a stay drawn afresh (not given 30 days) would miss by far more.
        Assert.True(Math.Abs(meanAndCount[0] - expected) <= (3.29 * sd) + 1e-9, $"mean {meanAndCount[0]:0.00} against exact {expected:0.00} (sd {sd:0.00})");
    }

    // acute (60 beds) → community (capacity from `community`) or home; the acute patients waiting for community are delayed (C).
    internal static Network Blocking(CapacitySchedule community) => new NetworkBuilder()
        .Service("acute", 60, Distribution.LogNormal(4, 4), kind: ServiceKind.Acute)
        .Service("community", community, Distribution.Exponential(10), kind: ServiceKind.CommunityHospital)
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(8)))
        .Route("acute", ("home", 0.75), ("community", 0.25))
        .Route("community", "home")
        .Build();

    /// <summary>One long run of <see cref="Blocking"/> as a register: its stays in SitRep beds, each patient keyed by (stream, patient).</summary>
    internal static (IReadOnlyList<ObservedStay> Stays, DelayFigures Truth) Register(Network net, double days, ulong seed)
    {
        var options = new Core.Simulation.RunOptions { Warmup = Days.Of(60), Horizon = Days.Of(days), Replications = 1, Seed = seed, RecordEpisodes = true, DailyCensus = false };
        var run = Core.Simulation.Replications.RunOne(net, options);
        var stays = SimulatedDelays.Stays(net, run, options).Select(s => new ObservedStay((s.Episode.Stream * 1_000_000_000L) + s.Episode.Patient, s.Record)).ToList();
        var counter = new DelayCounter(net.StartDate, net.StartDate.AddDays((int)days - 1));
        counter.AddRange(stays.Select(s => s.Stay));
        return (stays, counter.Figures());
    }

    [Fact]
    public void A_variant_s_capacity_changes_the_forecast_only_from_when_it_opens_and_not_the_census()
    {
        var (stays, _) = Register(Blocking(20), 200, 11);
        var asOf = new DateTime(2016, 4, 1).AddDays(150);
        var census = RegisterSnapshot.Of(Blocking(20), stays, asOf);
        // Ten more community beds from the start (so from the moment on), and ten more opening 10 days after the moment.
        var now = new ExperimentVariant("ten_beds_now", "", Blocking(30));
        var later = new ExperimentVariant("ten_beds_day_10", "", Blocking(new CapacitySchedule(Capacity.Of(20), [(150 + 10, Capacity.Of(30))])));
        var f = Forecast.Run([new("baseline", "", Blocking(20)), now, later], census, new ForecastSettings { Days = 28, Replications = 30, Seed = 3 });

        Assert.True(census.DelayedNow > 0, "the census should hold delayed patients");
        // Before the beds open the variant's replications are the baseline's, patient for patient (common random numbers).
        for (int d = 0; d < 9; d++)
        {
            Assert.Equal(0, f.Variants[2].DelayedVersusBaseline![d].Mean.Mean);
            Assert.Equal(0, f.Variants[2].DelayedVersusBaseline![d].Upper95);
        }
        // After they open, fewer are delayed (the paired 95% interval below 0); with the beds there from the start, within the first week.
        Assert.True(f.Variants[2].DelayedVersusBaseline![20].Mean.Upper < 0, $"day 21: {f.Variants[2].DelayedVersusBaseline![20].Mean}");
        Assert.True(f.Variants[1].DelayedVersusBaseline![6].Mean.Upper < 0, $"day 7: {f.Variants[1].DelayedVersusBaseline![6].Mean}");
        Assert.Null(f.Variants[0].DelayedVersusBaseline);
    }

    [Fact]
    public void The_same_seed_gives_the_same_forecast_whatever_the_number_of_threads()
    {
        var (stays, _) = Register(Blocking(20), 120, 5);
        var census = RegisterSnapshot.Of(Blocking(20), stays, new DateTime(2016, 4, 1).AddDays(100.5));
        var settings = new ForecastSettings { Days = 10, Replications = 12, Seed = 99 };
        var one = Forecast.Run([new("baseline", "", Blocking(20))], census, settings with { Threads = 1 });
        var four = Forecast.Run([new("baseline", "", Blocking(20))], census, settings with { Threads = 4 });
        Assert.Equal(one.Variants[0].DelayedByReplication.SelectMany(r => r), four.Variants[0].DelayedByReplication.SelectMany(r => r));
        Assert.Equal(one.Variants[0].AcuteQueue, four.Variants[0].AcuteQueue);
        Assert.Equal(one.Variants[0].Occupancy.SelectMany(o => o.Days), four.Variants[0].Occupancy.SelectMany(o => o.Days));
        // Teeth: another seed gives other numbers.
        var other = Forecast.Run([new("baseline", "", Blocking(20))], census, settings with { Seed = 100 });
        Assert.NotEqual(one.Variants[0].DelayedByReplication.SelectMany(r => r), other.Variants[0].DelayedByReplication.SelectMany(r => r));
    }

    [Fact]
    public void Days_out_of_range_are_refused()
    {
        var census = RegisterSnapshot.Of(Blocking(20), [], AsOf);
        Assert.Throws<ArgumentException>(() => Forecast.Run([new("baseline", "", Blocking(20))], census, new ForecastSettings { Days = 0 }));
        Assert.Throws<ArgumentException>(() => Forecast.Run([new("baseline", "", Blocking(20))], census, new ForecastSettings { Days = 366 }));
    }
}
