using System.Text;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>What goes wrong before the scenario is read: YAML syntax, aliases, brackets and tabs.</summary>
public class YamlSyntaxTests
{
    private static string Replace(int line, string text)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    /// <summary>"Billion laughs": nine levels of nine aliases, 9^9 (387 million) values once expanded.</summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++)
        {
            text.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task An_alias_bomb_is_refused_at_the_alias_that_passes_the_limit_and_quickly()
    {
        // A generous bound: without the limit the call does not return at all (or runs out of memory).
        var load = await Task.Run(() => ScenarioFile.Parse(AliasBomb(), "bomb.yaml")).WaitAsync(TimeSpan.FromSeconds(5));
        var p = Assert.Single(load.Problems);
        Assert.False(load.IsValid);
        // Each list counts itself and its items: a0 = 10 values; a1 brings 9 × 10 (a1 = 91); a2 brings 9 × 91 (a2 = 820);
        // a3 brings 9 × 820 (909 + 7,380 = 8,289 so far; a3 = 7,381); the first *a3, on line 5, passes 10,000.
        Assert.Equal((5, 10), (p.Line, p.Column));
        Assert.StartsWith("aliases (*name) bring in more than 10,000 values (this one brings 7,381)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_a_problem_not_a_crash()
    {
        var p = Assert.Single(ScenarioFile.Parse("name: &x [a, *x]\n", "loop.yaml").Problems);
        Assert.Equal("loop.yaml:1:14: the alias *x is inside the node &x it repeats, so it would repeat itself for ever: write the values out.", p.ToString());
    }

    [Fact]
    public void An_alias_that_names_no_anchor_is_placed_at_the_alias()
    {
        var p = Assert.Single(ScenarioFile.Parse(Replace(10, "    length_of_stay: *stay"), "tiny.yaml").Problems);
        Assert.Equal("tiny.yaml:10:21: the alias *stay repeats nothing: no value before it is marked &stay.", p.ToString());
    }

    [Fact]
    public void A_few_aliases_for_shared_values_are_read_as_usual()
    {
        string text = ScenarioValidationTests.Valid
            .Replace("length_of_stay: {exponential: {mean: 3d}}", "length_of_stay: &stay {exponential: {mean: 3d}}", StringComparison.Ordinal)
            .Replace("length_of_stay: {exponential: {mean: 9d}}", "length_of_stay: *stay", StringComparison.Ordinal);
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Assert.Equal(3, load.Scenario!.Baseline.Services[1].LengthOfStay.Mean);
    }

    [Theory]
    [InlineData(20, "  acute: {home: 0.9, intermediate_care: 0.1", 20, 10, '{', '}')]
    [InlineData(9, "    capacity: [20", 9, 15, '[', ']')]
    [InlineData(20, "  acute: {home: 0.9, intermediate_care: [0.1}", 20, 41, '[', ']')]
    public void An_unclosed_bracket_is_reported_where_it_was_opened(int line, string text, int expectedLine, int expectedColumn, char open, char close)
    {
        var p = Assert.Single(ScenarioFile.Parse(Replace(line, text), "tiny.yaml").Problems);
        Assert.Equal($"tiny.yaml:{expectedLine}:{expectedColumn}: this is not valid YAML: the '{open}' opened here is never closed with '{close}' (or an item inside it is not followed by a comma).", p.ToString());
    }

    [Fact]
    public void A_tab_used_for_indentation_is_named_in_plain_words_at_its_line()
    {
        var p = Assert.Single(ScenarioFile.Parse(Replace(9, "  \tcapacity: 20"), "tiny.yaml").Problems);
        Assert.Equal("tiny.yaml:9:3: tabs cannot indent YAML: use spaces.", p.ToString());
    }
}
