using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Tests.Support;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>The engine against exact queueing results (see <see cref="ExactAssert"/> for the rule).</summary>
public class ExactQueueingTests
{
    private static RunResult RunSingle(double lambda, int capacity, Distribution los, int? queueLimit, ArrivalKind kind,
        double horizon, int replications = 20, ulong seed = 1) =>
        Simulator.Run(
            new NetworkBuilder()
                .Service("ward", capacity, los, queueLimit)
                .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(lambda)), kind)
                .Route("ward", "home")
                .Build(),
            new RunOptions { Warmup = Days.Of(horizon / 10), Horizon = Days.Of(horizon), Replications = replications, Seed = seed, DailyCensus = false });

    private static IEnumerable<double> Values(RunResult r, ServiceMetric m, int service = 0) => r.Replications.Select(x => x.Get(service, m));

    [Fact]
    public void MM1_mean_wait_matches_rho_over_mu_minus_lambda()
    {
        // λ = 0.5, μ = 1: Wq = ρ/(μ − λ) = 1 day.
        var r = RunSingle(0.5, 1, Distribution.Exponential(1), null, ArrivalKind.Emergency, horizon: 150_000);
        ExactAssert.Matches(1.0, Values(r, ServiceMetric.MeanWaitInQueue), "M/M/1 Wq");
        ExactAssert.Matches(0.5, Values(r, ServiceMetric.Utilisation), "M/M/1 utilisation");
    }

    [Fact]
    public void MMc_mean_wait_matches_Erlang_C()
    {
        // c = 3, λ = 2, μ = 1.
        double exact = Queueing.MmcWait(3, 2, 1);
        var r = RunSingle(2, 3, Distribution.Exponential(1), null, ArrivalKind.Emergency, horizon: 50_000);
        ExactAssert.Matches(exact, Values(r, ServiceMetric.MeanWaitInQueue), "M/M/3 Wq (Erlang C)");
        ExactAssert.Matches(Queueing.MmcNumberInSystem(3, 2, 1) - 2, Values(r, ServiceMetric.MeanQueue), "M/M/3 Lq");
    }

    [Fact]
    public void MMcc_loss_probability_matches_Erlang_B()
    {
        // c = 5 beds, offered load 4: planned arrivals with no queue are turned away when full.
        double exact = Queueing.ErlangB(5, 4);
        var r = RunSingle(4, 5, Distribution.Exponential(1), 0, ArrivalKind.Planned, horizon: 5_000);
        ExactAssert.Matches(exact, Values(r, ServiceMetric.ProbabilityTurnedAway), "M/M/5/5 loss (Erlang B)");
    }

    [Fact]
    public void MGcc_loss_probability_is_insensitive_to_a_lognormal_stay()
    {
        // Erlang B depends on the stay only through its mean.
        double exact = Queueing.ErlangB(5, 4);
        var r = RunSingle(4, 5, Distribution.LogNormal(1, 2), 0, ArrivalKind.Planned, horizon: 5_000);
        ExactAssert.Matches(exact, Values(r, ServiceMetric.ProbabilityTurnedAway), "M/G/5/5 loss, lognormal stays");
    }

    [Fact]
    public void MD1_mean_wait_matches_Pollaczek_Khinchine()
    {
        // λ = 0.6, D = 1: Wq = ρ / (2μ(1 − ρ)) = 0.75.
        var r = RunSingle(0.6, 1, Distribution.Deterministic(1), null, ArrivalKind.Emergency, horizon: 30_000);
        ExactAssert.Matches(0.75, Values(r, ServiceMetric.MeanWaitInQueue), "M/D/1 Wq");
    }

    [Fact]
    public void MMcK_loss_and_queue_length_match_the_birth_death_solution()
    {
        // c = 2, K = 5 (queue room 3), λ = 2.5, μ = 1.
        var p = Queueing.MmcK(2, 5, 2.5, 1);
        double loss = p[5];
        double lq = Enumerable.Range(3, 3).Sum(n => (n - 2) * p[n]);
        double busy = Enumerable.Range(0, 6).Sum(n => Math.Min(n, 2) * p[n]);
        var r = RunSingle(2.5, 2, Distribution.Exponential(1), 3, ArrivalKind.Planned, horizon: 10_000);
        ExactAssert.Matches(loss, Values(r, ServiceMetric.ProbabilityTurnedAway), "M/M/2/5 loss");
        ExactAssert.Matches(lq, Values(r, ServiceMetric.MeanQueue), "M/M/2/5 Lq");
        ExactAssert.Matches(busy, Values(r, ServiceMetric.MeanOccupancy), "M/M/2/5 busy servers");
    }

    [Fact]
    public void Open_Jackson_network_matches_the_product_form()
    {
        // Three services whose patients give up their place and queue for the next (no blocking).
        // Traffic equations: γ = λ + γR, solved below; each node behaves as an independent M/M/c.
        var net = new NetworkBuilder()
            .Service("a", 2, Distribution.Exponential(1.0), movingOn: MovingOn.ReleasePlace)
            .Service("b", 1, Distribution.Exponential(0.5), movingOn: MovingOn.ReleasePlace)
            .Service("c", 3, Distribution.Exponential(2.0), movingOn: MovingOn.ReleasePlace)
            .Arrivals("in", "a", ArrivalRate.Constant(RatePerDay.Of(1.0)))
            .Route("a", ("b", 0.5), ("c", 0.3), ("home", 0.2))
            .Route("b", ("c", 0.4), ("a", 0.2), ("home", 0.4))
            .Route("c", ("a", 0.1), ("home", 0.9))
            .Build();
        // γa = 1 + 0.2γb + 0.1γc; γb = 0.5γa; γc = 0.3γa + 0.4γb = 0.5γa  ⇒  γa (1 − 0.1 − 0.05) = 1.
        double ga = 1 / 0.85, gb = 0.5 * ga, gc = 0.5 * ga;
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(1_000), Horizon = Days.Of(200_000), Replications = 20, Seed = 3, DailyCensus = false });
        double[] exact = [Queueing.MmcNumberInSystem(2, ga, 1), Queueing.MmcNumberInSystem(1, gb, 2), Queueing.MmcNumberInSystem(3, gc, 0.5)];
        for (int s = 0; s < 3; s++)
        {
            int service = s;
            ExactAssert.Matches(exact[s], r.Replications.Select(x => x.Get(service, ServiceMetric.MeanOccupancy) + x.Get(service, ServiceMetric.MeanQueue)),
                $"Jackson node {net.Services[s].Name} L");
        }
        // Each node's mean wait in its queue is the M/M/c wait at its total arrival rate.
        double[] waits = [Queueing.MmcWait(2, ga, 1), Queueing.MmcWait(1, gb, 2), Queueing.MmcWait(3, gc, 0.5)];
        for (int s = 0; s < 3; s++)
        {
            int service = s;
            ExactAssert.Matches(waits[s], r.Replications.Select(x => x.Get(service, ServiceMetric.MeanWaitInQueue)), $"Jackson node {net.Services[s].Name} Wq");
        }
        // In steady state patients leave as fast as they arrive: 1 a day.
        ExactAssert.Matches(1.0,
            r.Replications.Select(x => (x.Get(0, ServiceMetric.Throughput) * 0.2) + (x.Get(1, ServiceMetric.Throughput) * 0.4) + (x.Get(2, ServiceMetric.Throughput) * 0.9)),
            "Jackson network exits per day");
    }

    [Fact]
    public void Mt_G_infinity_follows_the_exact_time_dependent_mean_under_a_sinusoidal_rate()
    {
        // λ(t) = λ̄(1 + a sin ωt), gamma stays S (shape k, scale θ), unlimited beds. The number in
        // the system at t is Poisson with mean m(t) = E ∫_{t−S}^{t} λ(u) du (Eick, Massey and Whitt 1993)
        //   = λ̄E[S] + (λ̄a/ω)(Re(e^{iωt} E[e^{−iωS}]) − cos ωt),  with E[e^{−iωS}] = (1 + iωθ)^{−k}.
        const double mean = 10, a = 0.5, period = 7, shape = 2, scale = 1;
        double omega = 2 * Math.PI / period;
        var transform = System.Numerics.Complex.Pow(new System.Numerics.Complex(1, omega * scale), -shape);
        double Exact(double t) => (mean * shape * scale)
            + (mean * a / omega * ((System.Numerics.Complex.FromPolarCoordinates(1, omega * t) * transform).Real - Math.Cos(omega * t)));

        var net = new NetworkBuilder()
            .Service("beds", Capacity.Unlimited, Distribution.Gamma(shape, scale))
            .Arrivals("in", "beds", ArrivalRate.Sinusoidal(RatePerDay.Of(mean), a, Days.Of(period)))
            .Route("beds", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(70), Horizon = Days.Of(7 * 400), Replications = 10, Seed = 11 });
        var exactByPhase = new double[7];
        for (int phase = 0; phase < 7; phase++)
        {
            // Census day d is the midnight at time d + 1; average the days with the same phase.
            int k = phase;
            exactByPhase[k] = Exact(k + 1);
            var perReplication = r.Replications.Select(x =>
            {
                var occ = x.Census!.Occupied[0];
                double sum = 0;
                int n = 0;
                for (int d = k; d < occ.Length; d += 7)
                {
                    sum += occ[d];
                    n++;
                }
                return sum / n;
            });
            ExactAssert.Matches(exactByPhase[k], perReplication, $"Mt/G/∞ mean at phase {k + 1}");
        }
        // The test has teeth: the exact curve swings well beyond the 2% precision demanded.
        Assert.True(exactByPhase.Max() - exactByPhase.Min() > 0.2 * mean * shape * scale);
        Assert.True(r.Replications[0].Counts.ThinningRejections > 0, "the sinusoidal stream was generated by thinning");
    }
}
