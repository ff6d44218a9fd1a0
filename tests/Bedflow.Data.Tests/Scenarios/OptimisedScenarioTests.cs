using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// optimised-scenario.yaml: the user's own file with each budget's allocation as a variant, relative
/// to the baseline. Run at the optimiser's seed and replications, each variant gives exactly the
/// delayed days the optimiser found for its allocation (common random numbers make them one and the
/// same simulation) — here on a service whose capacity changes by date and that a winter
/// intervention adds to, which a variant setting the capacity schedule the network holds would count twice.
/// </summary>
public class OptimisedScenarioTests
{
    private const string Yaml = """
        # The user's own words: kept.
        name: Dated levers
        start: 2016-04-01
        warmup: 60d
        horizon: 200d
        replications: 3
        seed: 7
        services:
          acute: {kind: acute, capacity: 2000, length_of_stay: {exponential: {mean: 1d}}}
          intermediate_care:
            kind: intermediate_care
            capacity: {initial: 4, changes: {2016-07-01: 3, 2016-09-01: 5}}   # a dated schedule
            length_of_stay: {exponential: {mean: 3d}}
          reablement: {kind: reablement, capacity: 4, length_of_stay: {exponential: {mean: 3d}}}
        arrivals:
          ed: {service: acute, rate: 2/d}
        routing:
          acute: {intermediate_care: 0.5, reablement: 0.5}
          intermediate_care: {home: 1}
          reablement: {home: 1}
        interventions:
          winter:
            from: 2016-08-01
            to: 2016-09-30
            add_capacity: {intermediate_care: 2}
        optimise:
          levers:
            more_intermediate_care: {service: intermediate_care, max: 2, cost: £50k}
            more_reablement: {service: reablement, max: 2, cost: £25k}
          budgets: [£0, £50k, £100k]
        variants:
          pilot_stopped:
            set:
              interventions.winter: null
        """;

    private static (Scenario Scenario, OptimiseResult Result, string Written) Optimised()
    {
        var scenario = ScenarioFile.Parse(Yaml, "dated.yaml").Scenario!;
        var result = Optimiser.Run(scenario);
        return (scenario, result, OptimisedScenario.Write(Yaml, "optimised-scenario.yaml", scenario, result));
    }

    [Fact]
    public void Each_budgets_variant_run_at_the_optimisers_seed_and_replications_gives_exactly_the_delayed_days_it_found()
    {
        var (_, result, written) = Optimised();
        var load = ScenarioFile.Parse(written, "optimised-scenario.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var read = load.Scenario!;
        Assert.Contains(result.Frontier, p => p.Allocation[0] != 0); // a lever on the dated service is used
        foreach (var p in result.Frontier)
        {
            var variant = read.AllVariants.Single(v => v.Name == OptimisedScenario.VariantName(p));
            var run = Experiment.Run([read.AllVariants[0], variant], read.Options with { FirstReplication = p.FiguresFirstReplication, Replications = p.FiguresReplications });
            Assert.Equal(p.DelayedDays, run[1].DelayedDaysPerYear);
        }
    }

    [Fact]
    public void The_variants_add_the_allocation_to_the_baselines_schedule_and_interventions_without_counting_either_twice()
    {
        var (scenario, result, written) = Optimised();
        var read = ScenarioFile.Parse(written, "optimised-scenario.yaml").Scenario!;
        var best = result.Frontier[^1];
        var variant = read.AllVariants.Single(v => v.Name == OptimisedScenario.VariantName(best)).Network;
        var ic = variant.Services[variant.ServiceIndex("intermediate_care")].Capacity;
        int a = best.Allocation[0];
        // The file's 4, 3 from July, 5 from September, and the winter's +2 in August and September: each plus the allocation.
        Assert.Equal(4 + a, ic.At(-60).Places);
        Assert.Equal(3 + a, ic.At(Day(2016, 7, 15)).Places);
        Assert.Equal(3 + 2 + a, ic.At(Day(2016, 8, 15)).Places);
        Assert.Equal(5 + 2 + a, ic.At(Day(2016, 9, 15)).Places);
        Assert.Equal(5 + a, ic.At(Day(2016, 10, 15)).Places);
        Assert.Empty(OptimisedScenario.Check(written, "optimised-scenario.yaml", scenario, result));
    }

    [Fact]
    public void The_users_text_and_comments_are_kept_and_a_budget_that_adds_nothing_is_a_variant_that_changes_nothing()
    {
        var (_, result, written) = Optimised();
        Assert.StartsWith(Yaml, written, StringComparison.Ordinal);
        Assert.Contains("# The user's own words: kept.", written, StringComparison.Ordinal);
        Assert.Contains("# a dated schedule", written, StringComparison.Ordinal);
        Assert.Equal(["pilot_stopped", "optimised_0", "optimised_50000", "optimised_100000"], ScenarioPatch.EntryKeys(written, "variants"));
        Assert.Equal([0, 0], result.Frontier[0].Allocation.Amounts);
        Assert.Null(ScenarioPatch.Value(written, "variants.optimised_0.add_interventions"));
        Assert.Contains("within £100,000 a year", ScenarioPatch.Value(written, "variants.optimised_100000.description"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_scenario_whose_variant_does_not_hold_the_allocation_simulated_is_found_out()
    {
        var (scenario, result, written) = Optimised();
        var best = result.Frontier[^1];
        string wrong = ScenarioPatch.Apply(written, [new ScenarioEdit($"variants.{OptimisedScenario.VariantName(best)}.description", "\"changed\"", "edited")]);
        Assert.Empty(OptimisedScenario.Check(wrong, "x.yaml", scenario, result));
        string cut = ScenarioPatch.Remove(written, "variants", OptimisedScenario.VariantName(best));
        Assert.Contains(OptimisedScenario.Check(cut, "x.yaml", scenario, result), p => p.Contains("is missing", StringComparison.Ordinal));
        string doubled = written.Replace("add_capacity: {intermediate_care: ", "add_capacity: {intermediate_care: 1", StringComparison.Ordinal);
        Assert.Contains(OptimisedScenario.Check(doubled, "x.yaml", scenario, result), p => p.Contains("intermediate_care has", StringComparison.Ordinal));
    }

    private static double Day(int y, int m, int d) => new DateOnly(y, m, d).DayNumber - new DateOnly(2016, 4, 1).DayNumber;

    [Fact]
    public void A_switch_off_takes_the_baselines_intervention_out_of_the_variant_and_on_leaves_it()
    {
        // The scheme from July, when the dated schedule drops to 3 places and the service is at its limit without more.
        string yaml = Yaml.Replace("  budgets: [£0, £50k, £100k]", "    winter_on: {switch: winter, cost: £20k}\n  budgets: [£0, £50k, £100k]", StringComparison.Ordinal)
            .Replace("from: 2016-08-01", "from: 2016-07-01", StringComparison.Ordinal);
        var scenario = ScenarioFile.Parse(yaml, "switch.yaml").Scenario!;
        Assert.True(scenario.Optimise!.Levers[2].IsSwitch);
        var result = Optimiser.Run(scenario);
        string written = OptimisedScenario.Write(yaml, "optimised-scenario.yaml", scenario, result);
        var read = ScenarioFile.Parse(written, "optimised-scenario.yaml").Scenario!;
        // £0 buys nothing: the start, with the winter scheme off; a larger budget turns it on (it is cheap for what it does).
        Assert.Equal(0, result.Frontier[0].Allocation[2]);
        Assert.Contains(result.Frontier, p => p.Allocation[2] == 1);
        foreach (var p in result.Frontier)
        {
            var variant = read.AllVariants.Single(v => v.Name == OptimisedScenario.VariantName(p));
            var run = Experiment.Run([read.AllVariants[0], variant], read.Options with { FirstReplication = p.FiguresFirstReplication, Replications = p.FiguresReplications });
            Assert.Equal(p.DelayedDays, run[1].DelayedDaysPerYear);
        }
        Assert.Contains("interventions.winter: null", written, StringComparison.Ordinal);
    }
}
