using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using CsCheck;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>
/// Invariants checked on randomly generated networks (CsCheck): any mix of capacities, queue
/// limits, schedules, priorities, blocking rules, diversions and routing loops, deadlocks included.
/// </summary>
public class RandomNetworkPropertyTests
{
    private static readonly Gen<Distribution> Stay = Gen.OneOf(
        Gen.Double[0.2, 5].Select(Distribution.Exponential),
        Gen.Double[0.2, 5].Select(Distribution.Deterministic),
        Gen.Double[0.5, 4].Select(m => Distribution.LogNormal(m, m)));

    private static readonly Gen<Network> Networks =
        from n in Gen.Int[1, 5]
        from capacities in Gen.Int[0, 8].Array[n]
        from cuts in Gen.Int[0, 6].Array[n]
        from queueLimits in Gen.Int[-1, 3].Array[n]
        from keep in Gen.Bool.Array[n]
        from priorities in Gen.Int[0, 2].Array[n]
        from stays in Stay.Array[n]
        from weights in Gen.Double[0, 1].Array[n * (n + 1)]
        from streams in Gen.Int[1, 3]
        from targets in Gen.Int[0, n - 1].Array[streams]
        from rates in Gen.Double[0.1, 4].Array[streams]
        from planned in Gen.Bool.Array[streams]
        from diverts in Gen.Int[-1, n - 1].Array[streams]
        from features in Gen.Int[0, 15].Array[n]
        select Build(n, capacities, cuts, queueLimits, keep, priorities, stays, weights, targets, rates, planned, diverts, features);

    private static Network Build(int n, int[] capacities, int[] cuts, int[] queueLimits, bool[] keep, int[] priorities, Distribution[] stays,
        double[] weights, int[] targets, double[] rates, bool[] planned, int[] diverts, int[] features)
    {
        var b = new NetworkBuilder();
        for (int i = 0; i < n; i++)
        {
            // Capacity 0 stands for unlimited; a cut of 0 means no schedule change.
            var capacity = capacities[i] == 0
                ? new CapacitySchedule(Capacity.Unlimited)
                : cuts[i] == 0 ? new CapacitySchedule(Capacity.Of(capacities[i])) : new CapacitySchedule(Capacity.Of(capacities[i]), [(30.0, Capacity.Of(cuts[i]))]);
            // Feature bits: 1 resource used while keeping the bed, 2 demand in units, 4 weekday window, 8 escalation / starting state.
            int f = features[i];
            bool finite = capacities[i] != 0;
            b.Service(new ServiceDefinition
            {
                Name = $"s{i}",
                Capacity = capacity,
                LengthOfStay = stays[i],
                QueueLimit = queueLimits[i] < 0 ? null : queueLimits[i],
                MovingOn = keep[i] ? MovingOn.KeepPlace : MovingOn.ReleasePlace,
                Priority = (WaitingPriority)priorities[i],
                Role = (f & 1) != 0 ? ServiceRole.Resource : ServiceRole.Place,
                Demand = (f & 2) != 0 ? Distribution.Empirical([0.5, 1, 2.5]) : null,
                Accepts = (f & 4) != 0 ? AcceptanceWindow.Weekdays(8, 18) : null,
                Escalation = (f & 8) != 0 && finite && (f & 1) == 0 ? new Escalation { Beds = 2, OpenAt = 0.9, CloseBelow = 0.6 } : null,
                Start = (f & 8) != 0 && (f & 1) == 0 && finite ? new StartingState { Occupied = 1, Queued = 1 } : null,
            });
            // Everyone has at least a 10% chance of going home, so no one loops for ever.
            var destinations = Enumerable.Range(0, n).Select(j => ($"s{j}", weights[(i * (n + 1)) + j])).Append(("home", 0.1 + weights[(i * (n + 1)) + n])).ToArray();
            double total = destinations.Sum(d => d.Item2);
            b.Route($"s{i}", [.. destinations.Select(d => (d.Item1, d.Item2 / total))]);
        }
        for (int k = 0; k < targets.Length; k++)
        {
            bool divert = planned[k] && diverts[k] >= 0 && diverts[k] != targets[k];
            b.Arrivals($"a{k}", $"s{targets[k]}", ArrivalRate.Constant(RatePerDay.Of(rates[k])), planned[k] ? ArrivalKind.Planned : ArrivalKind.Emergency,
                divert ? $"s{diverts[k]}" : null);
        }
        return b.Build();
    }

    private static readonly RunOptions Options = new() { Warmup = Days.Of(10), Horizon = Days.Of(120), Replications = 2, Seed = 5, RecordEpisodes = true };

    [Fact]
    public void Every_random_network_conserves_patients_and_keeps_its_records_consistent()
    {
        Networks.Sample(net =>
        {
            Assert.Empty(net.Validate());
            var r = Simulator.Run(net, Options);
            foreach (var rep in r.Replications)
            {
                Assert.Equal(rep.Counts.Arrived, rep.Counts.Exited + rep.Counts.InSystemAtEnd);
                for (int s = 0; s < net.Services.Count; s++)
                {
                    var def = net.Services[s];
                    // With units, one patient needing more than all the capacity may still enter an empty service.
                    var highest = def.Capacity.Changes.Select(c => c.Capacity).Append(def.Capacity.Initial).Max();
                    int ceiling = highest.TryGetPlaces(out int places) ? places + (def.Escalation?.Beds ?? 0) : int.MaxValue;
                    if (def.Demand is not null && !highest.IsUnlimited)
                    {
                        ceiling = (2 * ceiling) + 1;
                    }
                    for (int d = 0; d < rep.Census!.Days; d++)
                    {
                        int occupied = rep.Census.Occupied[s][d], blocked = rep.Census.Blocked[s][d];
                        Assert.InRange(blocked, 0, occupied);
                        Assert.InRange(occupied, 0, ceiling);
                        Assert.True(rep.Census.Queued[s][d] >= 0);
                        if (net.Services[s].QueueLimit is { } limit && !net.Arrivals.Any(a => a.Kind == ArrivalKind.Emergency && a.Service == net.Services[s].Id)
                            && net.Services.All(x => x.MovingOn == MovingOn.KeepPlace))
                        {
                            // Patients queueing at the start may exceed the limit; no one joins while the queue is at or above it.
                            int most = Math.Max(limit, net.Services[s].Start?.Queued ?? 0);
                            Assert.True(rep.Census.Queued[s][d] <= most, "a queue never exceeds its limit without emergencies");
                        }
                    }
                    Assert.InRange(rep.Get(s, ServiceMetric.MeanBlocked), 0, rep.Get(s, ServiceMetric.MeanOccupancy) + 1e-9);
                }
                foreach (var e in rep.Episodes!)
                {
                    Assert.True(e.Requested <= e.Start && e.Start <= e.Ready, $"times out of order: {e}");
                    Assert.True(e.IsOpen || e.Exit >= e.Ready, $"left before ready: {e}");
                }
                // Every closed episode of a bed kept to the end that moved on to a service is followed by
                // that patient's visit there, starting the moment the bed was left.
                var visits = rep.Episodes!.ToDictionary(e => (e.Stream, e.Patient, e.Visit));
                foreach (var e in rep.Episodes!.Where(e => !e.IsOpen && e.Next >= 0 && net.Services[e.Service].MovingOn == MovingOn.KeepPlace
                    && net.Services[e.Service].Role == ServiceRole.Place))
                {
                    var next = visits.Where(v => v.Key.Stream == e.Stream && v.Key.Patient == e.Patient && v.Key.Visit > e.Visit && v.Value.Service == e.Next && v.Value.Start == e.Exit);
                    Assert.True(next.Any(), $"no visit to {e.Next} starting at {e.Exit} after {e}");
                }
            }
        }, iter: 60);
    }

    [Fact]
    public void Every_random_network_gives_the_same_numbers_on_one_thread_and_on_two()
    {
        Networks.Sample(net =>
        {
            var one = Simulator.Run(net, Options with { MaxDegreeOfParallelism = 1 });
            var two = Simulator.Run(net, Options with { MaxDegreeOfParallelism = 2 });
            for (int rep = 0; rep < Options.Replications; rep++)
            {
                Assert.Equal(one.Replications[rep].Episodes, two.Replications[rep].Episodes);
                Assert.Equal(one.Replications[rep].Counts, two.Replications[rep].Counts);
            }
        }, iter: 30);
    }
}
