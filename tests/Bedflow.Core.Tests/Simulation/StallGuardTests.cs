using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>A run whose clock stops moving is stopped with the model's problem, not left to fill memory.</summary>
public class StallGuardTests
{
    // Valid (no stay can be exactly zero), but 1e-300 days added to a day number leaves it unchanged:
    // the patient goes round acute → acute for ever at one instant.
    private static Network Stuck() => new NetworkBuilder()
        .Service("acute", 10, Distribution.Exponential(1e-300))
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1)))
        .Route("acute", "acute")
        .Build();

    [Fact]
    public void A_patient_going_round_a_cycle_without_time_passing_stops_the_run_with_a_problem_naming_the_service()
    {
        Assert.Empty(Stuck().Validate());
        var options = new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(10), Replications = 2, MaxDegreeOfParallelism = 1 };
        var e = Assert.Throws<InvalidModelException>(() => Simulator.Run(Stuck(), options));
        var p = Assert.Single(e.Problems);
        Assert.Equal(ModelPath.Service("acute"), p.Path);
        Assert.Contains("was stopped: more than 1,000,000 events happened at one instant", p.Message, StringComparison.Ordinal);
        Assert.Contains("the last at 'acute'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_says_which_variant_stopped()
    {
        var good = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1)))
            .Route("acute", "home")
            .Build();
        var options = new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(10), Replications = 1, MaxDegreeOfParallelism = 1 };
        var e = Assert.Throws<InvalidModelException>(() => Experiment.Run([new ExperimentVariant("baseline", "", good), new ExperimentVariant("tiny_stays", "", Stuck())], options));
        Assert.StartsWith("variant 'tiny_stays': replication 1 was stopped", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_events_at_one_instant_below_the_bound_run_as_usual()
    {
        // 5,000 patients arrive at the same instant and leave together after exactly one day.
        var net = new NetworkBuilder()
            .Service("acute", 10_000, Distribution.Deterministic(1))
            .Arrivals(new ArrivalStreamDefinition { Name = "batch", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals([.. Enumerable.Repeat(2.5, 5000)]) })
            .Route("acute", "home")
            .Build();
        var result = Simulator.RunOne(net, new RunOptions { Warmup = Days.Zero, Horizon = Days.Of(10), Replications = 1 });
        Assert.Equal((5000, 5000), (result.Counts.Arrived, result.Counts.Exited));
    }
}
