using System.Text.RegularExpressions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Units;
using Bedflow.Data.Scenarios;

namespace Bedflow.Reports.Tests;

public class BoardReportCapacityTests
{
    private const string Yaml = """
        name: Unlimited
        start: 2016-04-01
        warmup: 10d
        horizon: 30d
        replications: 2
        seed: 3
        services:
          acute:
            kind: acute
            capacity: 1200
            length_of_stay: {exponential: {mean: 4d}}
          waiting_at_home:
            capacity: unlimited
            length_of_stay: {exponential: {mean: 3d}}
        arrivals:
          ed: {service: acute, rate: 8/d}
        routing:
          acute: {home: 0.5, waiting_at_home: 0.5}
          waiting_at_home: {home: 1}
        """;

    [Fact]
    public void A_service_written_with_unlimited_capacity_reaches_the_board_pack_as_unlimited()
    {
        var load = ScenarioFile.Parse(Yaml, "unlimited.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var scenario = load.Scenario!;
        var services = scenario.Baseline.Services;
        Assert.Equal(Capacity.Unlimited, services.Single(s => s.Name == "waiting_at_home").Capacity.Initial);
        Assert.Equal(Capacity.Of(1200), services.Single(s => s.Name == "acute").Capacity.Initial);

        var results = Experiment.Run([.. scenario.AllVariants.Select(v => new ExperimentVariant(v.Name, v.Description, v.Network, v.Economy))], scenario.Options);
        var census = results[0].Run.Replications[0].Census!;
        Assert.Equal(Capacity.Unlimited, census.CapacityOn(1, 0));
        string html = BoardReport.Html(scenario, scenario.Options, results, "test");
        Assert.Matches(new Regex("<th scope=\"row\">waiting_at_home</th><td>[^<]*</td><td>unlimited</td>"), html);
        Assert.Matches(new Regex("<th scope=\"row\">acute</th><td>[^<]*</td><td>1,200</td>"), html);
    }
}
