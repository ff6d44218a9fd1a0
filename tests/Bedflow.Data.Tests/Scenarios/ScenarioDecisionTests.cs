using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>The scenario's <c>decision:</c> section: read into the appraisal's rules, and its mistakes named by line and key.</summary>
public class ScenarioDecisionTests
{
    private static ScenarioLoad Read(string decision) => ScenarioFile.Parse(ScenarioValidationTests.Valid + "\n" + decision, "tiny.yaml");

    [Fact]
    public void Without_a_decision_section_the_default_rules_apply()
    {
        var load = ScenarioFile.Parse(ScenarioValidationTests.Valid, "tiny.yaml");
        Assert.Same(DecisionRules.Default, load.Scenario!.Decision);
    }

    [Fact]
    public void A_decision_section_sets_the_objective_tolerances_allowed_harms_and_budget_rule()
    {
        var load = Read("""
            decision:
              objective: cost
              tolerance: {waiting_for_acute_bed: 2, elective_admissions_per_year: 100}
              allow: [waiting_in_uncounted_places]
              within_budget: true
            """);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var rules = load.Scenario!.Decision;
        Assert.Equal(Objective.Cost, rules.Objective);
        Assert.Equal(2, rules.ToleranceFor(HarmMeasure.WaitingForAcuteBed, 100));
        Assert.Equal(100, rules.ToleranceFor(HarmMeasure.ElectiveAdmissions, 50_000));
        Assert.Equal(500, rules.ToleranceFor(HarmMeasure.EmergencyAdmissions, 50_000)); // default: 1% of the baseline's level
        Assert.Equal([HarmMeasure.WaitingUncounted], rules.Allowed);
        Assert.True(rules.WithinBudget);
    }

    [Theory]
    [InlineData("  objective: cheapest", "decision.objective", "'cheapest' is not one of: cost_per_delayed_day_avoided, delayed_days_avoided, cost.")]
    [InlineData("  tolerance: {waiting_for_a_bed: 2}", "decision.tolerance.waiting_for_a_bed", "'waiting_for_a_bed' is not a harm measure")]
    [InlineData("  tolerance: {waiting_for_acute_bed: -1}", "decision.tolerance.waiting_for_acute_bed", "at least 0, but was -1.")]
    [InlineData("  allow: waiting_for_acute_bed", "decision.allow", "expected a list of harm measures")]
    [InlineData("  within_budget: yes", "decision.within_budget", "expected true or false, but found 'yes'.")]
    [InlineData("  objectve: cost", "decision.objectve", "unknown key 'objectve'. Did you mean 'objective'?")]
    public void A_mistake_in_the_decision_section_names_its_line_key_and_what_is_wrong(string line, string path, string message)
    {
        var load = Read("decision:\n" + line);
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal(path, p.Path);
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioValidationTests.Valid.Split('\n').Length + 2, p.Line);
    }
}
