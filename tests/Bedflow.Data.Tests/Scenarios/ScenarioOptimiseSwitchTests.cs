using Bedflow.Core.Experiments;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Switch levers (an intervention on or off) and budgets per funder in the optimise: section, and every way to get them wrong.</summary>
public class ScenarioOptimiseSwitchTests
{
    private const string Interventions = """
        interventions:
          winter:
            from: 2016-05-01
            to: 2016-05-31
            add_capacity: {intermediate_care: 3}
            cost: £40k
            paid_by: social_care
          free_scheme:
            from: 2016-05-01
            to: 2016-05-31
            add_capacity: {intermediate_care: 1}
          cut:
            from: 2016-05-01
            to: 2016-05-31
            add_capacity: {intermediate_care: -1}
            cost: £1k
          later:
            from: 2017-05-01
            to: 2017-05-31
            add_capacity: {intermediate_care: 1}
            cost: £1k
          reroute:
            from: 2016-05-01
            to: 2016-05-31
            routing: {acute: {home: 0.8, intermediate_care: 0.2}}
            cost: £1k
        """;

    private static ScenarioLoad Load(string section) => ScenarioFile.Parse(ScenarioValidationTests.Valid + "\n" + Interventions + "\n" + section, "optimise.yaml");

    private static readonly int First = (ScenarioValidationTests.Valid + "\n" + Interventions).Split('\n').Length + 1; // the line of "optimise:"

    [Fact]
    public void A_switch_takes_its_interventions_places_dates_cost_and_funder()
    {
        var load = Load("""
            optimise:
              levers:
                winter_on: {switch: winter}
                more_ic: {service: intermediate_care, max: 4, cost: £10k, paid_by: nhs}
              budgets: [£50k]
              organisation_budgets: {nhs: £20k, social_care: £40k}
            """);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var spec = load.Scenario!.Optimise!;
        var lever = spec.Levers[0];
        Assert.True(lever.IsSwitch);
        // £40k for its 31 days, 30 of them in the 60-day report: a year of that is £40k × 30/31 × 365/60.
        Assert.Equal((0, 1, 235_483.87m, Commissioner.SocialCare), (lever.Min, lever.Max, lever.UnitCost.Pounds, lever.PaidBy));
        Assert.Equal("winter", lever.Switch!.Intervention);
        Assert.True(lever.Switch.InBaseline);
        // 2016-05-01 is day 30 from the start; "to" is inclusive in the file, so the window ends the day after.
        Assert.Equal(new CapacityWindow("intermediate_care", 30, 61, 3), Assert.Single(lever.Switch.Windows));
        Assert.Equal(new Dictionary<Commissioner, Money> { [Commissioner.Nhs] = Money.FromPounds(20_000), [Commissioner.SocialCare] = Money.FromPounds(40_000) }, spec.FunderBudgets);
    }

    [Fact]
    public void A_switch_may_set_its_own_cost_and_funder()
    {
        var load = Load("optimise:\n  levers: {s: {switch: free_scheme, cost: £5k, paid_by: pooled}}\n  budget: £5k\n");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var lever = load.Scenario!.Optimise!.Levers[0];
        Assert.Equal((5_000m, Commissioner.Pooled), (lever.UnitCost.Pounds, lever.PaidBy));
    }

    [Theory]
    [InlineData("  levers: {s: {switch: wintr}}\n  budget: £50k", 1, "optimise.levers.s.switch", "there is no intervention 'wintr'")]
    [InlineData("  levers: {s: {switch: reroute}}\n  budget: £50k", 1, "optimise.levers.s.switch", "changes routing")]
    [InlineData("  levers: {s: {switch: free_scheme}}\n  budget: £50k", 1, "optimise.levers.s.cost", "has no cost")]
    [InlineData("  levers: {s: {switch: winter, cost: £0}}\n  budget: £50k", 1, "optimise.levers.s.cost", "above £0")]
    [InlineData("  levers: {s: {switch: cut}}\n  budget: £50k", 1, "optimise.levers.s.switch", "takes places away (intermediate_care -1)")]
    [InlineData("  levers: {s: {switch: later}}\n  budget: £50k", 1, "optimise.levers.s.switch", "not in force in the reported period")]
    [InlineData("  levers: {s: {switch: winter, max: 2}}\n  budget: £50k", 1, "optimise.levers.s.max", "unknown key")]
    [InlineData("  levers: {s: {switch: winter}, t: {switch: winter}}\n  budget: £50k", 1, "optimise.levers", "all switch 'winter'")]
    [InlineData("  levers: {s: {switch: winter}}\n  budget: £50k\n  organisation_budgets: {council: £1k}", 3, "optimise.organisation_budgets.council", "is not one of")]
    [InlineData("  levers: {s: {switch: winter}}\n  budget: £50k\n  organisation_budgets: {social_care: -£1k}", 3, "optimise.organisation_budgets.social_care", "")]
    [InlineData("  levers: {s: {switch: winter}}\n  budget: £50k\n  organisation_budgets: {}", 3, "optimise.organisation_budgets", "name at least one funder")]
    [InlineData("  levers: {s: {service: intermediate_care, min: 2, max: 4, cost: £1k, paid_by: nhs}}\n  budget: £50k\n  organisation_budgets: {nhs: £1k}", 3, "optimise.organisation_budgets.nhs", "already cost £2,000")]
    public void A_mistake_is_an_error_at_its_line_and_key(string body, int line, string path, string says)
    {
        var load = Load("optimise:\n" + body + "\n");
        Assert.False(load.IsValid);
        var problem = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal(path, problem.Path);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
        Assert.Equal(First + line, problem.Line);
    }

    [Fact]
    public void A_funders_budget_with_no_lever_of_its_own_is_a_warning()
    {
        var load = Load("optimise:\n  levers: {s: {switch: winter}}\n  budget: £50k\n  organisation_budgets: {nhs: £10k}\n");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Assert.Contains(load.Problems, p => p.IsWarning && p.Path == "optimise.organisation_budgets.nhs" && p.Message.Contains("no lever is paid by nhs", StringComparison.Ordinal));
    }
}
