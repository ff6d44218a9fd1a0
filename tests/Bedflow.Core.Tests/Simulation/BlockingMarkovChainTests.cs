using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Tests.Support;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>
/// Blocking after service checked against small networks solved exactly: the test builds the
/// continuous-time Markov chain of the network by hand and solves it for its stationary law.
/// </summary>
public class BlockingMarkovChainTests
{
    // Place states of a one-bed service.
    private const int Empty = 0, InCare = 1, Blocked = 2;

    [Fact]
    public void Two_service_tandem_without_buffers_matches_its_Markov_chain()
    {
        // Planned arrivals λ = 1 to "ward" (1 bed, no queue: turned away unless empty);
        // ward stay exp(μ1 = 1.2), then "rehab" (1 bed) stay exp(μ2 = 1); blocked in the ward while rehab is full.
        const double lambda = 1, mu1 = 1.2, mu2 = 1;
        var chain = new Ctmc<(int Ward, int Rehab)>((Empty, 0), s =>
        {
            var next = new List<((int, int), double)>();
            if (s.Ward == Empty)
            {
                next.Add(((InCare, s.Rehab), lambda));
            }
            if (s.Ward == InCare)
            {
                next.Add((s.Rehab == 0 ? (Empty, 1) : (Blocked, 1), mu1));
            }
            if (s.Rehab == 1)
            {
                // Rehab frees: a blocked ward patient moves straight in.
                next.Add((s.Ward == Blocked ? (Empty, 1) : (s.Ward, 0), mu2));
            }
            return next;
        });
        var pi = chain.Solve();
        double turnedAway = pi.Where(kv => kv.Key.Ward != Empty).Sum(kv => kv.Value);
        double meanBlocked = pi.Where(kv => kv.Key.Ward == Blocked).Sum(kv => kv.Value);
        double throughput = mu2 * pi.Where(kv => kv.Key.Rehab == 1).Sum(kv => kv.Value);
        double blockedWhenReady = pi[(InCare, 1)] / (pi[(InCare, 0)] + pi[(InCare, 1)]);

        var net = new NetworkBuilder()
            .Service("ward", 1, Distribution.Exponential(1 / mu1), queueLimit: 0)
            .Service("rehab", 1, Distribution.Exponential(1 / mu2), queueLimit: 0)
            .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(lambda)), ArrivalKind.Planned)
            .Route("ward", "rehab")
            .Route("rehab", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(500), Horizon = Days.Of(20_000), Replications = 20, Seed = 5, DailyCensus = false });
        IEnumerable<double> Of(int s, ServiceMetric m) => r.Replications.Select(x => x.Get(s, m));

        ExactAssert.Matches(turnedAway, Of(0, ServiceMetric.ProbabilityTurnedAway), "tandem: arrivals turned away");
        ExactAssert.Matches(meanBlocked, Of(0, ServiceMetric.MeanBlocked), "tandem: mean blocked in ward");
        ExactAssert.Matches(throughput, Of(1, ServiceMetric.Throughput), "tandem: throughput");
        ExactAssert.Matches(blockedWhenReady, Of(0, ServiceMetric.ProbabilityBlockedWhenReady), "tandem: blocked when ready");
    }

    [Fact]
    public void Three_service_tandem_with_feedback_matches_its_Markov_chain_through_chains_of_unblocking()
    {
        // acute (unlimited beds) → step-down (1 bed) → rehab (1 bed) → home, or back to acute with p = 0.25.
        // When rehab frees, the blocked step-down patient moves up and a blocked acute patient follows it
        // at the same instant: a chain of two moves. The feedback goes to the unlimited service, so the
        // network cannot deadlock and has a stationary law; acute occupancy is truncated where its
        // probability is negligible (< 1e-9).
        const double lambda = 0.4, mu1 = 1, mu2 = 1.5, mu3 = 1.5, p = 0.25;
        const int cap = 32;
        var chain = new Ctmc<(int N1, int B1, int S2, int S3)>((0, 0, Empty, 0), s =>
        {
            var next = new List<((int, int, int, int), double)>();
            if (s.N1 < cap)
            {
                next.Add(((s.N1 + 1, s.B1, s.S2, s.S3), lambda));
            }
            int inCare1 = s.N1 - s.B1;
            if (inCare1 > 0)
            {
                next.Add((s.S2 == Empty ? (s.N1 - 1, s.B1, InCare, s.S3) : (s.N1, s.B1 + 1, s.S2, s.S3), inCare1 * mu1));
            }
            if (s.S2 == InCare)
            {
                if (s.S3 == 0)
                {
                    // Moves up; a blocked acute patient takes the step-down bed.
                    next.Add((s.B1 > 0 ? (s.N1 - 1, s.B1 - 1, InCare, 1) : (s.N1, s.B1, Empty, 1), mu2));
                }
                else
                {
                    next.Add(((s.N1, s.B1, Blocked, 1), mu2));
                }
            }
            if (s.S3 == 1)
            {
                // Leaves rehab (home, or back to acute, which always has room); then the chain.
                var after = s.S2 == Blocked
                    ? (s.B1 > 0 ? (s.N1 - 1, s.B1 - 1, InCare, 1) : (s.N1, s.B1, Empty, 1))
                    : (s.N1, s.B1, s.S2, 0);
                next.Add((after, (1 - p) * mu3));
                if (after.Item1 < cap)
                {
                    next.Add(((after.Item1 + 1, after.Item2, after.Item3, after.Item4), p * mu3));
                }
            }
            return next;
        });
        var pi = chain.Solve();
        Assert.True(pi.Where(kv => kv.Key.N1 >= cap - 2).Sum(kv => kv.Value) < 1e-9, "truncation must be negligible");
        double blockedAcute = pi.Sum(kv => kv.Key.B1 * kv.Value);
        double blockedStepDown = pi.Where(kv => kv.Key.S2 == Blocked).Sum(kv => kv.Value);
        double exits = (1 - p) * mu3 * pi.Where(kv => kv.Key.S3 == 1).Sum(kv => kv.Value);
        double completions = pi.Sum(kv => (kv.Key.N1 - kv.Key.B1) * kv.Value);
        double blockedWhenReady = pi.Where(kv => kv.Key.S2 != Empty).Sum(kv => (kv.Key.N1 - kv.Key.B1) * kv.Value) / completions;
        double acuteOccupancy = pi.Sum(kv => kv.Key.N1 * kv.Value);

        var net = new NetworkBuilder()
            .Service("acute", Capacity.Unlimited, Distribution.Exponential(1 / mu1))
            .Service("stepdown", 1, Distribution.Exponential(1 / mu2), queueLimit: 0)
            .Service("rehab", 1, Distribution.Exponential(1 / mu3), queueLimit: 0)
            .Arrivals("in", "acute", ArrivalRate.Constant(RatePerDay.Of(lambda)))
            .Route("acute", "stepdown")
            .Route("stepdown", "rehab")
            .Route("rehab", ("home", 1 - p), ("acute", p))
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(1_000), Horizon = Days.Of(100_000), Replications = 20, Seed = 8, DailyCensus = false });
        IEnumerable<double> Of(int s, ServiceMetric m) => r.Replications.Select(x => x.Get(s, m));

        ExactAssert.Matches(blockedAcute, Of(0, ServiceMetric.MeanBlocked), "feedback: mean blocked in acute");
        ExactAssert.Matches(blockedStepDown, Of(1, ServiceMetric.MeanBlocked), "feedback: mean blocked in step-down");
        ExactAssert.Matches(acuteOccupancy, Of(0, ServiceMetric.MeanOccupancy), "feedback: acute occupancy");
        ExactAssert.Matches(exits, r.Replications.Select(x => x.Get(2, ServiceMetric.Throughput) * (1 - p)), "feedback: throughput home");
        ExactAssert.Matches(blockedWhenReady, Of(0, ServiceMetric.ProbabilityBlockedWhenReady), "feedback: acute blocked when ready");
    }
}
