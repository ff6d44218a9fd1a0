using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Simulation;
using CsCheck;

namespace Bedflow.Core.Tests.Model;

/// <summary>
/// The flow balance against the engine: on random feed-forward networks of unlimited capacity
/// (nobody blocks, so what is admitted is what is offered) the arrival rate the traffic
/// equations give each service is the admissions rate the simulation counts, within sampling error.
/// </summary>
public class OfferedLoadPropertyTests
{
    private const double Horizon = 2000;
    private const int Reps = 4;

    private static readonly Gen<Distribution> Stay = Gen.OneOf(
        Gen.Double[0.3, 4].Select(Distribution.Exponential),
        Gen.Double[0.3, 4].Select(Distribution.Deterministic));

    private static readonly Gen<Network> FeedForward =
        from n in Gen.Int[1, 4]
        from stays in Stay.Array[2 * n]
        from weights in Gen.Double[0, 1].Array[n * (n + 1)]
        from rates in Gen.Double[0.5, 6].Array[n]
        from entry in Gen.Bool.Array[n]
        from frail in Gen.Double[0, 1]
        select Build(n, stays, weights, rates, entry, frail);

    private static Network Build(int n, Distribution[] stays, double[] weights, double[] rates, bool[] entry, double frail)
    {
        var b = new NetworkBuilder().Groups("frail", "other");
        for (int i = 0; i < n; i++)
        {
            b.Service(new ServiceDefinition
            {
                Name = $"s{i}",
                Capacity = Capacity.Unlimited,
                LengthOfStay = stays[2 * i],
                LengthOfStayByGroup = new Dictionary<string, Distribution> { ["frail"] = stays[(2 * i) + 1] },
            });
            // Forward only (to a later service or home), every service with a way home.
            var destinations = Enumerable.Range(i + 1, n - i - 1).Select(j => ($"s{j}", weights[(i * (n + 1)) + j]))
                .Append(("home", 0.1 + weights[(i * (n + 1)) + n])).ToArray();
            double total = destinations.Sum(d => d.Item2);
            b.Route($"s{i}", [.. destinations.Select(d => (d.Item1, d.Item2 / total))]);
            if (i == 0 || entry[i])
            {
                b.Arrivals(new ArrivalStreamDefinition
                {
                    Name = $"a{i}", Service = ServiceId.Of($"s{i}"), Rate = ArrivalRate.Constant(RatePerDay.Of(rates[i])),
                    GroupMix = new Dictionary<string, double> { ["frail"] = frail, ["other"] = 1 - frail },
                });
            }
        }
        return b.Build();
    }

    [Fact]
    public void The_arrival_rate_into_each_service_is_the_simulated_admissions_rate_when_nobody_blocks()
    {
        var options = new RunOptions { Warmup = Days.Of(40), Horizon = Days.Of(Horizon), Replications = Reps, Seed = 14 };
        FeedForward.Sample(net =>
        {
            var load = net.OfferedLoad(Horizon);
            var runs = Replications.Run(net, options);
            for (int s = 0; s < net.Services.Count; s++)
            {
                double expected = load.Services[s].ArrivalsPerDay;
                double admitted = runs.Sum(r => r.Get(s, ServiceMetric.Admissions)) / (Horizon * Reps);
                // Feed-forward with infinite servers: each service's admissions are a Poisson stream, so their count has variance = mean.
                double sd = Math.Sqrt(expected / (Horizon * Reps));
                Assert.True(Math.Abs(admitted - expected) <= (5 * sd) + 1e-9,
                    $"s{s}: {admitted:F4} a day admitted, the flow balance says {expected:F4} (5 sd = {5 * sd:F4})");
            }
        }, iter: 25);
    }
}
