using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// On the worked example, every variant's delays counted as the run goes (what `bedflow run`
/// does) equal those counted afterwards from the full episode log, day by day and cell by cell.
/// </summary>
public class OxfordshireDelayCountingTests
{
    [Fact]
    public void Every_oxfordshire_variant_counts_the_same_delays_streamed_as_from_its_episode_log()
    {
        var scenario = ScenarioFile.Load(OxfordshireExampleTests.RepoFile("examples", "oxfordshire", "scenario.yaml")).Scenario!;
        var options = scenario.Options with { Replications = 2, RecordEpisodes = true, CountDelays = true };
        foreach (var variant in scenario.AllVariants)
        {
            var run = Simulator.Run(variant.Network, options);
            for (int r = 0; r < run.Replications.Count; r++)
            {
                var streamed = run.Delays!.Replications[r];
                var logged = SimulatedDelays.Figures(variant.Network, run.Replications[r], options);
                Assert.True(streamed.TotalDays > 10_000, $"{variant.Name}: only {streamed.TotalDays} delayed days");
                Assert.True(streamed == logged, $"{variant.Name} replication {r}: streamed {streamed.TotalDays} delayed days, the log {logged.TotalDays}; "
                    + $"first different day {streamed.FirstDifferentDay(logged)}");
            }
        }
    }
}
