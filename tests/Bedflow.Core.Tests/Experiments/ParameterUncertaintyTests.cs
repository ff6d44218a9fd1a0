using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Randomness;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Experiments;

/// <summary>
/// Second-order Monte Carlo on an M/M/∞ ward, whose long-run mean census is exactly λθ for a mean
/// stay θ and whose time-average over T days has variance (2λθ²/T)(1 − (θ/T)(1 − e^(−T/θ))).
/// </summary>
public class ParameterUncertaintyTests
{
    private const double Lambda = 5, Horizon = 100;

    private static Network Ward(double meanStay, int extraBeds = 0) => new NetworkBuilder()
        .Service("ward", extraBeds == 0 ? Capacity.Unlimited : Capacity.Of(extraBeds), Distribution.Exponential(meanStay))
        .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(Lambda)))
        .Route("ward", "home")
        .Build();

    private static Scenario Uncertain(double centre, double logSd, int replications, ulong seed, int? threads = null, bool twin = false)
    {
        var parameter = new UncertainParameter("services.ward.length_of_stay.exponential.mean", UncertaintyForm.LogNormal)
        {
            Centre = centre, Lower = centre * Math.Exp(-1.959963984540054 * logSd), Upper = centre * Math.Exp(1.959963984540054 * logSd), Unit = "d",
        };
        IReadOnlyList<ExperimentVariant> With(ParameterDraw d) => twin
            ? [new("baseline", "", Ward(d.Values[0].Value)), new("twin", "", Ward(d.Values[0].Value))]
            : [new("baseline", "", Ward(d.Values[0].Value))];
        return new Scenario
        {
            Name = "ward", File = "ward.yaml", Baseline = Ward(centre),
            Variants = twin ? [new ExperimentVariant("twin", "", Ward(centre))] : [],
            Options = new RunOptions { Warmup = Days.Of(20), Horizon = Days.Of(Horizon), Replications = replications, Seed = seed, MaxDegreeOfParallelism = threads },
            Uncertainty = [parameter],
            WithParameters = With,
        };
    }

    private static UncertainEstimate Census(VariantResult v) => UncertainEstimate.Of(
        [.. v.Run.Replications.Select(r => r.Get(0, ServiceMetric.MeanOccupancy))],
        [.. v.Uncertainty!.Drawn.Run.Replications.Select(r => r.Get(0, ServiceMetric.MeanOccupancy))]);

    [Fact]
    public void The_interval_with_parameters_covers_the_true_mean_census_about_95_percent_of_the_time_and_randomness_alone_does_not()
    {
        // The truth θ = 1 day; each repetition's "fit" θ̂ = e^(0.12 z) with its 95% interval, as a
        // register's log-scale Wald interval would give. The target is the true census λθ = 5.
        const double s = 0.12;
        int covered = 0, randomnessCovered = 0, repetitions = 40;
        var rng = new Xoshiro256StarStar(99);
        for (int k = 0; k < repetitions; k++)
        {
            double fitted = Math.Exp(s * Normal.Sample(ref rng));
            var scenario = Uncertain(fitted, s, replications: 20, seed: (ulong)(1000 + k));
            var census = Census(Experiment.RunWithParameterUncertainty(scenario, scenario.Options)[0]);
            covered += census.WithParameters.Covers(Lambda) ? 1 : 0;
            randomnessCovered += census.Randomness.Covers(Lambda) ? 1 : 0;
        }
        Assert.True(covered is >= 35 and <= 40, $"with parameters covered {covered} of {repetitions}");
        Assert.True(randomnessCovered < covered - 12, $"randomness only covered {randomnessCovered} of {repetitions}, with parameters {covered}");
    }

    [Fact]
    public void The_parameters_share_of_the_spread_is_what_the_queue_says()
    {
        // θ ~ lognormal(ln 1, 0.12²): Var_θ(λθ) = λ² e^(s²)(e^(s²) − 1); E_θ of the census's own
        // variance ≈ (2λ/T)E[θ²](1 − (θ/T)(1 − e^(−T/θ))) at θ ≈ 1.
        const double s = 0.12;
        double between = Lambda * Lambda * Math.Exp(s * s) * (Math.Exp(s * s) - 1);
        double within = 2 * Lambda / Horizon * Math.Exp(2 * s * s) * (1 - ((1 / Horizon) * (1 - Math.Exp(-Horizon))));
        double truth = between / (between + within);
        var scenario = Uncertain(1, s, replications: 200, seed: 7);
        var share = Census(Experiment.RunWithParameterUncertainty(scenario, scenario.Options)[0]).ParameterShare;
        Assert.True(share.Covers(truth), $"share {share} against {truth:0.###}");
        Assert.InRange(share.Value, truth - 0.08, truth + 0.08);
    }

    [Fact]
    public void Draws_depend_on_the_seed_and_replication_only_and_the_numbers_not_on_the_threads()
    {
        var parameters = Uncertain(1, 0.1, 4, 3).Uncertainty;
        Assert.Equal(ParameterDraw.For(parameters, 3, 2).Values[0].Value, ParameterDraw.For(parameters, 3, 2).Values[0].Value);
        Assert.NotEqual(ParameterDraw.For(parameters, 3, 1).Values[0].Value, ParameterDraw.For(parameters, 3, 2).Values[0].Value);
        var one = Uncertain(1, 0.1, 6, 3, threads: 1);
        var four = Uncertain(1, 0.1, 6, 3, threads: 4);
        Assert.Equal(Census(Experiment.RunWithParameterUncertainty(one, one.Options)[0]), Census(Experiment.RunWithParameterUncertainty(four, four.Options)[0]));
    }

    [Fact]
    public void Every_variant_of_a_replication_gets_the_same_parameters_so_a_variant_identical_to_the_baseline_differs_by_exactly_nothing()
    {
        var scenario = Uncertain(1, 0.2, 6, 5, twin: true);
        var results = Experiment.RunWithParameterUncertainty(scenario, scenario.Options);
        var drawnTwin = results[1].Uncertainty!.Drawn.Run.Replications.Select(r => r.Get(0, ServiceMetric.MeanOccupancy));
        var drawnBase = results[0].Uncertainty!.Drawn.Run.Replications.Select(r => r.Get(0, ServiceMetric.MeanOccupancy));
        Assert.Equal(drawnBase, drawnTwin);
        // And the parameters were drawn: the drawn replications are not the central ones.
        Assert.NotEqual(results[0].Run.Replications.Select(r => r.Get(0, ServiceMetric.MeanOccupancy)), drawnBase);
        Assert.Equal(0, results[1].Uncertainty!.DelayedDaysAvoided!.WithParameters.Mean);
    }

    [Fact]
    public void A_scenario_without_uncertainty_is_refused()
    {
        var scenario = Uncertain(1, 0.1, 2, 1) with { Uncertainty = [] };
        Assert.Throws<ArgumentException>(() => Experiment.RunWithParameterUncertainty(scenario, scenario.Options));
    }

    [Fact]
    public void A_routes_drawn_shares_sum_to_one_keep_a_zero_share_at_zero_and_have_the_dirichlet_spread()
    {
        var route = new UncertainParameter("routing.ward", UncertaintyForm.Dirichlet) { Observed = 100, Shares = [("home", 0.7), ("care", 0.3), ("never", 0)] };
        var first = new List<double>();
        for (int r = 0; r < 4_000; r++)
        {
            var shares = ParameterDraw.For([route], 1, r).Values[0].Shares!;
            Assert.Equal(1, shares.Sum(x => x.Share), 12);
            Assert.Equal(0, shares[2].Share);
            first.Add(shares[0].Share);
        }
        // Dirichlet(70, 30, 0): the first share is Beta(70, 30), mean 0.7, variance 0.7·0.3/101.
        Assert.InRange(first.Average(), 0.695, 0.705);
        double variance = first.Sum(x => (x - first.Average()) * (x - first.Average())) / (first.Count - 1);
        Assert.InRange(variance, 0.9 * 0.21 / 101, 1.1 * 0.21 / 101);
    }
}
