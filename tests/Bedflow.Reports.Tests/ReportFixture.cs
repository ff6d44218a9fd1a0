using Bedflow.Core.Experiments;
using Bedflow.Data.Scenarios;

namespace Bedflow.Reports.Tests;

/// <summary>A small costed scenario with variants, run once and shared by the report tests.</summary>
public sealed class ReportFixture
{
    public const string Yaml = """
        name: Small county
        description: A small county for the report tests.
        start: 2016-04-01
        warmup: 60d
        horizon: 120d
        replications: 3
        seed: 5
        population: {total: 100000, adults: 80000}
        report: {target_delayed_patients: 2}
        services:
          acute:
            kind: acute
            capacity: 40
            length_of_stay: {exponential: {mean: 4d}}
          intermediate_care:
            kind: intermediate_care
            capacity: 4
            length_of_stay: {exponential: {mean: 10d}}
            allow_overload: true   # offered 6.4 beds' worth for 4: overloaded on purpose, so that the charts have delays to show
          reablement:
            kind: reablement
            commissioner: pooled
            delays_responsible: social_care
            capacity: 10
            length_of_stay: {exponential: {mean: 14d}}
        arrivals:
          ed: {service: acute, rate: 8/d}
        routing:
          acute: {home: 0.85, intermediate_care: 0.08, reablement: 0.07}
          intermediate_care: {home: 1}
          reablement: {home: 1}
        interventions:
          pilot: {from: 2016-06-01, to: 2016-07-31, add_capacity: {intermediate_care: 2}, cost: £50k}
        prices:
          year: 2016/17
          excess_bed_day: £113
          services:
            acute: {funded_day: £200, occupied_day: £150}
            intermediate_care: {occupied_day: £200}
            reablement: {occupied_day: £60}
          unmet: {hour_waiting_for_bed: £40}   # not in the totals (the default): shown beside them
        budgets:
          nhs: {name: CCG, savings: {target: £1m, schemes: {found: £0.4m}}}
        pooled_fund:
          contributions: {nhs: £100k, social_care: £200k}
        variants:
          no_pilot:
            set: {interventions.pilot: null}
          more_ic:
            description: Twice the intermediate-care beds.
            set: {services.intermediate_care.capacity: 8}
        """;

    public ReportFixture()
    {
        var load = ScenarioFile.Parse(Yaml, "small.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Scenario = load.Scenario!;
        Results = Experiment.Run([.. Scenario.AllVariants.Select(v => new ExperimentVariant(v.Name, v.Description, v.Network, v.Economy))], Scenario.Options);
        Decision = Core.Decisions.Decision.Of(Results, Scenario.Decision);
        Html = BoardReport.Html(Scenario, Scenario.Options, Results, "test");
    }

    /// <summary>The appraisal of the options, as the board pack makes it.</summary>
    public Core.Decisions.Decision Decision { get; }

    public Scenario Scenario { get; }

    public IReadOnlyList<VariantResult> Results { get; }

    public string Html { get; }
}
