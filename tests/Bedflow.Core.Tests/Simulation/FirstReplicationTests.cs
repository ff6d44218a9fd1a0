using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>A run can be extended: replications from <see cref="RunOptions.FirstReplication"/> on are those a run from 0 has.</summary>
public class FirstReplicationTests
{
    private static Network Blocking() => new NetworkBuilder()
        .Service("acute", 30, Distribution.Exponential(4), kind: ServiceKind.Acute)
        .Service("reablement", 6, Distribution.Exponential(10), kind: ServiceKind.Reablement)
        .Arrivals("emergency", "acute", ArrivalRate.Constant(RatePerDay.Of(6)))
        .Route("acute", ("reablement", 0.4), ("home", 0.6))
        .Route("reablement", "home")
        .Build();

    [Fact]
    public void Replications_run_later_are_exactly_those_of_a_run_from_the_first()
    {
        var options = new RunOptions { Warmup = Days.Of(30), Horizon = Days.Of(200), Replications = 6, Seed = 99 };
        var whole = Experiment.Run([new ExperimentVariant("v", "", Blocking())], options)[0];
        var head = Experiment.Run([new ExperimentVariant("v", "", Blocking())], options with { Replications = 2 })[0];
        var tail = Experiment.Run([new ExperimentVariant("v", "", Blocking())], options with { FirstReplication = 2, Replications = 4 })[0];
        var joined = head.Run.Delays!.Replications.Concat(tail.Run.Delays!.Replications).ToList();
        Assert.Equal(whole.Run.Delays!.Replications, joined);
        // Teeth: the replications differ from one another, so a shift of the numbering would show.
        Assert.True(whole.Run.Delays.Replications.Select(d => d.TotalDays).Distinct().Count() > 3);
        foreach (var m in Enum.GetValues<HarmMeasure>())
        {
            var split = Enumerable.Range(0, 2).Select(i => head.Harms.In(m, i)).Concat(Enumerable.Range(0, 4).Select(i => tail.Harms.In(m, i)));
            Assert.Equal(Enumerable.Range(0, 6).Select(i => whole.Harms.In(m, i)), split);
        }
    }

    [Fact]
    public void A_first_replication_below_zero_is_a_problem_of_the_options()
    {
        Assert.Contains((new RunOptions { FirstReplication = -1 }).Validate(), p => p.Contains("first replication", StringComparison.Ordinal));
    }
}
