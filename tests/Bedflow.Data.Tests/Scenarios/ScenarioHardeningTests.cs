using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Mistakes that once passed or gave an unclear message, each with the line and words expected.</summary>
public class ScenarioHardeningTests
{
    private static string Replace(params (int Line, string Text)[] changes)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n');
        foreach (var (line, text) in changes)
        {
            lines[line - 1] = text;
        }
        return string.Join('\n', lines);
    }

    private static ScenarioLoad Parse(string text) => Scenario.Parse(text, "tiny.yaml");

    [Fact]
    public void A_service_routed_to_itself_with_a_zero_stay_is_an_error_at_its_routing()
    {
        var load = Parse(Replace((14, "    length_of_stay: {deterministic: 0d}"), (21, "  intermediate_care: {home: 0.5, intermediate_care: 0.5}")));
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems);
        Assert.Equal((21, "routing.intermediate_care"), (p.Line, p.Path));
        Assert.StartsWith("'intermediate_care' routes patients back to itself and its length of stay can be zero", p.Message, StringComparison.Ordinal);
    }
}
