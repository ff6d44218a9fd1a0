using System.Text;
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

    private static ScenarioLoad Parse(string text) => ScenarioFile.Parse(text, "tiny.yaml");

    [Fact]
    public void A_service_routed_to_itself_with_a_zero_stay_is_an_error_at_its_routing()
    {
        var load = Parse(Replace((14, "    length_of_stay: {deterministic: 0d}"), (21, "  intermediate_care: {home: 0.5, intermediate_care: 0.5}")));
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems);
        Assert.Equal((21, "routing.intermediate_care"), (p.Line, p.Path));
        Assert.StartsWith("'intermediate_care' routes patients back to itself and its length of stay can be zero", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_a_variant_causes_names_the_variant_and_the_key_it_set()
    {
        // Line 25 is the variant's set line.
        var load = Parse(ScenarioValidationTests.Valid + "\nvariants:\n  fewer_beds:\n    set:\n      services.acute.capacity: -5\n");
        var p = Assert.Single(load.Problems);
        Assert.Equal("tiny.yaml:25:32: variants.fewer_beds.set.services.acute.capacity: in variant 'fewer_beds', which sets services.acute.capacity: capacity must be at least 0, but was -5.", p.ToString());
    }

    [Fact]
    public void A_problem_the_engine_finds_above_the_key_a_variant_set_is_placed_at_the_variant()
    {
        var load = Parse(ScenarioValidationTests.Valid + "\nvariants:\n  more_home:\n    set:\n      routing.acute.home: 0.5\n");
        var p = Assert.Single(load.Problems);
        Assert.Equal((25, "variants.more_home.set.routing.acute.home"), (p.Line, p.Path));
        Assert.Equal("in variant 'more_home', which sets routing.acute.home: routing out of 'acute' sums to 0.6, not 1.", p.Message);
    }

    [Fact]
    public void Overlapping_interventions_name_both()
    {
        string text = ScenarioValidationTests.Valid + """

            interventions:
              winter:
                from: 2016-11-01
                to: 2017-03-31
                routing: {acute: {home: 0.8, intermediate_care: 0.2}}
              spring:
                from: 2017-03-01
                to: 2017-05-31
                routing: {acute: {home: 0.7, intermediate_care: 0.3}}
                length_of_stay: {acute: {exponential: {mean: 2d}}}
            """;
        var load = Parse(text);
        // (Both are also outside the 60 days simulated: warnings.)
        var p = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal((30, "interventions.spring.routing.acute"), (p.Line, p.Path));
        Assert.Equal("interventions 'winter' (2016-11-01 to 2017-03-31) and 'spring' (2017-03-01 to 2017-05-31) are in force at the same time and both change the routing out of 'acute': only one can; end one before the other starts, or put both changes in one intervention.", p.Message);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_read_with_a_warning_at_the_line_of_the_first_bad_byte()
    {
        string path = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.yaml");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("name: Tiny\ndescription: costs "));
        bytes.Add(0xA3); // '£' in Latin-1 / Windows-1252
        bytes.AddRange(Encoding.UTF8.GetBytes("2m\n" + string.Join('\n', ScenarioValidationTests.Valid.Split('\n').Skip(1))));
        File.WriteAllBytes(path, [.. bytes]);
        var load = ScenarioFile.Load(path);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var w = Assert.Single(load.Problems);
        Assert.Equal($"{path}:2:1: warning: the file is not UTF-8 (this line has the first byte that is not): characters such as £ or é may be misread. Save it as UTF-8.", w.ToString());
    }
}
