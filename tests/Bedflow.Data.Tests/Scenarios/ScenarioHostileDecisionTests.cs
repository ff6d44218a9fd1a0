using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// The newest keys, <c>decision:</c> and <c>prices.unmet</c>, written as an attacker would: each
/// malformed value is one problem at its line, column and key path, saying what is wrong — never
/// an exception, never silently ignored, never a value quoted back at full length.
/// </summary>
public class ScenarioHostileDecisionTests
{
    private static readonly int DecisionLine = ScenarioValidationTests.Valid.Split('\n').Length + 2;

    private static ScenarioProblem OneError(string text, string file = "tiny.yaml")
    {
        var load = ScenarioFile.Parse(text, file);
        Assert.False(load.IsValid, "should be refused");
        return Assert.Single(load.Problems, p => !p.IsWarning);
    }

    public static TheoryData<string, int, string, string> BrokenDecisions => new()
    {
        { "  tolerance: {waiting_for_acute_bed: .inf}", 38, "decision.tolerance.waiting_for_acute_bed", "'.inf' is not a finite number" },
        { "  tolerance: {waiting_for_acute_bed: -.inf}", 38, "decision.tolerance.waiting_for_acute_bed", "'-.inf' is not a finite number" },
        { "  tolerance: {waiting_for_acute_bed: .NaN}", 38, "decision.tolerance.waiting_for_acute_bed", "'.NaN' is not a finite number" },
        { "  tolerance: {waiting_for_acute_bed: 1e400}", 38, "decision.tolerance.waiting_for_acute_bed", "'1e400' is not a finite number" },
        { "  tolerance: {waiting_for_acute_bed: 1e300}", 38, "decision.tolerance.waiting_for_acute_bed", "would switch the check off: list 'waiting_for_acute_bed' under decision.allow instead" },
        { "  tolerance: {waiting_for_acute_bed: -0.5}", 38, "decision.tolerance.waiting_for_acute_bed", "at least 0, but was -0.5." },
        { "  tolerance: {waiting_for_acute_bed: }", 38, "decision.tolerance.waiting_for_acute_bed", "no tolerance given for 'waiting_for_acute_bed'" },
        { "  tolerance: {waiting_for_acute_bed: [1]}", 38, "decision.tolerance.waiting_for_acute_bed", "expected a single value here, but found a list." },
        { "  tolerance: {waiting_for_acute_bed: 50%}", 38, "decision.tolerance.waiting_for_acute_bed", "'50%' is not a number." },
        { "  tolerance: [waiting_for_acute_bed]", 14, "decision.tolerance", "expected a mapping of keys to values here, but found a list." },
        { "  tolerance: {Waiting_For_Acute_Bed: 1}", 15, "decision.tolerance.Waiting_For_Acute_Bed", "Did you mean 'waiting_for_acute_bed'?" },
        { "  allow: [waiting_for_acute_bed, waiting_for_acute_bed]", 34, "decision.allow[1]", "'waiting_for_acute_bed' is listed twice." },
        { "  allow: [null]", 11, "decision.allow[0]", "expected a harm measure here, but found nothing." },
        { "  allow: [waiting_for_a_bed]", 11, "decision.allow[0]", "'waiting_for_a_bed' is not one of: emergency_admissions_per_year" },
        { "  allow: {waiting_for_acute_bed: true}", 10, "decision.allow", "expected a list of harm measures, such as [waiting_for_acute_bed], but found a mapping." },
        { "  allow: [[waiting_for_acute_bed]]", 11, "decision.allow[0]", "expected a single value here, but found a list." },
        { "  objective: [cost]", 14, "decision.objective", "expected a single value here, but found a list." },
        { "  objective: Cost", 14, "decision.objective", "Did you mean 'cost'?" },
        { "  within_budget: 1", 18, "decision.within_budget", "expected true or false, but found '1'." },
        { "  within_budget: \"yes\"", 18, "decision.within_budget", "expected true or false, but found 'yes'." },
        { "  within_budget: {a: b}", 18, "decision.within_budget", "expected a single value here, but found a mapping." },
    };

    [Theory]
    [MemberData(nameof(BrokenDecisions))]
    public void A_malformed_decision_value_is_one_problem_at_its_line_column_and_key(string line, int column, string path, string message)
    {
        var p = OneError(ScenarioValidationTests.Valid + "\ndecision:\n" + line);
        Assert.Equal(("tiny.yaml", DecisionLine, column, path), (p.File, p.Line, p.Column, p.Path));
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_section_as_a_list_or_an_anchor_repeating_itself_is_one_problem_at_its_place()
    {
        var list = OneError(ScenarioValidationTests.Valid + "\ndecision: [objective]");
        Assert.Equal((DecisionLine - 1, "decision"), (list.Line, list.Path));
        Assert.Contains("expected a mapping of keys to values here, but found a list.", list.Message, StringComparison.Ordinal);
        var loop = OneError(ScenarioValidationTests.Valid + "\ndecision: &d\n  objective: cost\n  tolerance: *d");
        Assert.Equal(DecisionLine + 1, loop.Line);
        Assert.Contains("repeat itself for ever", loop.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  objective: {0}", "decision.objective")]
    [InlineData("  allow: [{0}]", "decision.allow[0]")]
    [InlineData("  tolerance: {{{0}: 1}}", "decision.tolerance.")]
    public void A_very_long_value_is_quoted_back_cut_short(string template, string path)
    {
        string huge = new('x', 100_000);
        var p = OneError(ScenarioValidationTests.Valid + "\ndecision:\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, huge));
        Assert.StartsWith(path, p.Path, StringComparison.Ordinal);
        Assert.Contains("… (100,000 characters)", p.Message, StringComparison.Ordinal);
        Assert.True(p.ToString().Length < 1_000, $"{p.ToString().Length} characters");
    }
}
