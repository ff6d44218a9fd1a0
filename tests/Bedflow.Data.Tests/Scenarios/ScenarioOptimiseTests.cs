using Bedflow.Core.Experiments;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>The optimise: section: levers, budgets, objective and the selection's settings, and every way to get them wrong.</summary>
public class ScenarioOptimiseTests
{
    private static ScenarioLoad Load(string section) => ScenarioFile.Parse(ScenarioValidationTests.Valid + "\n" + section, "optimise.yaml");

    private static readonly int First = ScenarioValidationTests.Valid.Split('\n').Length + 1; // the line of "optimise:"

    [Fact]
    public void Levers_budgets_and_settings_are_read_with_their_units()
    {
        var load = Load("""
            optimise:
              levers:
                more_ic: {service: intermediate_care, step: 2, max: 10, cost: £52k, paid_by: nhs}
                more_acute: {service: acute, min: -4, max: 4, step_cost: £100k}
              budgets: [£0, £250k, £1m]
              objective: total_cost
              delayed_day_price: £300
              replications: 5
              max_replications: 30
              indifference: 50
              confidence: 90%
            """);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var spec = load.Scenario!.Optimise!;
        Assert.Equal(new Lever("more_ic", "intermediate_care", 2, 0, 10, Money.FromPounds(52_000), Commissioner.Nhs), spec.Levers[0]);
        Assert.Equal(new Lever("more_acute", "acute", 1, -4, 4, Money.FromPounds(100_000), Commissioner.Pooled), spec.Levers[1]);
        Assert.Equal([0m, 250_000m, 1_000_000m], spec.Budgets.Select(b => b.Pounds));
        Assert.Equal((OptimiseGoal.TotalCost, 300m, 5, 30, 50.0, 0.9), (spec.Goal, spec.DelayedDayPrice!.Value.Pounds, spec.Replications, spec.MaxReplications, spec.Indifference, spec.Confidence));
    }

    [Fact]
    public void Without_the_section_there_is_nothing_to_optimise() => Assert.Null(ScenarioFile.Parse(ScenarioValidationTests.Valid, "tiny.yaml").Scenario!.Optimise);

    [Theory]
    [InlineData("  levers: {a: {service: nowhere, max: 4, cost: £1k}}\n  budget: £5k", 1, "optimise.levers.a.service", "there is no service 'nowhere'")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4}}\n  budget: £5k", 1, "optimise.levers.a.cost", "give the lever's cost")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k, step_cost: £2k}}\n  budget: £5k", 1, "optimise.levers.a", "not both")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £0}}\n  budget: £5k", 1, "optimise.levers.a.cost", "above £0")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 5, step: 2, cost: £1k}}\n  budget: £5k", 1, "optimise.levers.a.max", "not a whole number of steps of 2")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 0, cost: £1k}}\n  budget: £5k", 1, "optimise.levers.a.max", "must be above min")]
    [InlineData("  levers: {a: {service: intermediate_care, min: -6, max: 2, cost: £1k}}\n  budget: £5k", 1, "optimise.levers.a.min", "as few as 5 places")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, step: 0, cost: £1k}}\n  budget: £5k", 1, "optimise.levers.a.step", "at least 1")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k, paid_by: council}}\n  budget: £5k", 1, "optimise.levers.a.paid_by", "")]
    [InlineData("  levers: {a: {service: intermediate_care, max: four, cost: £1k}}\n  budget: £5k", 1, "optimise.levers.a.max", "not a whole number")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k, size: 3}}\n  budget: £5k", 1, "optimise.levers.a.size", "unknown key")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}, b: {service: intermediate_care, max: 2, cost: £1k}}\n  budget: £5k", 1, "optimise.levers", "all change 'intermediate_care'")]
    [InlineData("  levers: {}\n  budget: £5k", 1, "optimise.levers", "at least one lever")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}", 1, "optimise.budgets", "give the budget")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budgets: [£2k, £1k]", 2, "optimise.budgets", "budgets must rise")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budgets: £2k", 2, "optimise.budgets", "non-empty list")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £2k\n  budgets: [£2k]", 1, "optimise", "not both")]
    [InlineData("  levers: {a: {service: intermediate_care, min: 2, max: 4, cost: £1k}}\n  budget: £1k", 2, "optimise.budget", "already costs £2,000 a year")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: -£1k", 2, "optimise.budget", "")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  objective: fewest_delays", 3, "optimise.objective", "not an objective here")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  objective: total_cost", 3, "optimise.objective", "needs the price of a delayed day")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  replications: 1", 3, "optimise.replications", "at least 2")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  replications: 6\n  max_replications: 4", 4, "optimise.max_replications", "cannot be fewer")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  indifference: 0", 3, "optimise.indifference", "above 0")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  confidence: 100%", 3, "optimise.confidence", "50% up to")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  budgt: £5k", 3, "optimise.budgt", "unknown key")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 2000000000, cost: £1}}\n  budget: £5k", 1, "optimise.levers.a.max", "max can add at most 9,999,995")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 4, cost: £1k}}\n  budget: £5k\n  max_replications: 100000", 3, "optimise.max_replications", "at most 10,000")]
    [InlineData("  levers: {a: {service: intermediate_care, max: 100000, cost: £1}}\n  budget: £600", 1, "optimise.levers", "could take up to 600 steps")]
    public void A_mistake_in_the_section_is_an_error_at_its_line_and_key(string body, int line, string path, string says)
    {
        var load = Load("optimise:\n" + body + "\n");
        Assert.False(load.IsValid);
        var problem = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal(path, problem.Path);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
        Assert.Equal(First + line, problem.Line);
    }

    [Fact]
    public void The_section_must_be_a_mapping()
    {
        var load = Load("optimise: [a, b]\n");
        var problem = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal(("optimise", First), (problem.Path, problem.Line));
    }

    [Fact]
    public void More_levers_than_the_local_search_can_afford_are_refused()
    {
        string levers = string.Join(", ", Enumerable.Range(0, 13).Select(i => $"l{i}: {{service: intermediate_care, max: 1, cost: £1k}}"));
        var load = Load($"optimise:\n  levers: {{{levers}}}\n  budget: £5k\n");
        Assert.Contains(load.Problems, p => !p.IsWarning && p.Path == "optimise.levers" && p.Message.Contains("at most 12 levers", StringComparison.Ordinal) && p.Line == First + 1);
    }
}
