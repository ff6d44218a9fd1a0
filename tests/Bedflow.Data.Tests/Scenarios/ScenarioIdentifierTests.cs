using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>An NHS number typed anywhere in a scenario — a name, a description, a key — is refused at its line, and never echoed.</summary>
public class ScenarioIdentifierTests
{
    private const string Number = "943 476 5919";

    [Theory]
    [InlineData("name: \"Mrs Smith 943 476 5919\"", 1, "name")]
    [InlineData("description: call 9434765919 first", 2, "description")]
    [InlineData("name: 9434765919", 1, "name")]
    [InlineData("name: Plan 9,434,765,919", 1, "name")]
    [InlineData("    capacity: 9434765919x", 10, "services.acute.capacity")]
    [InlineData("warmup: 9434765919q", 4, "warmup")]
    [InlineData("  \"943-476-5919\":", 8, "services.*******919")]
    [InlineData("    description: bed for 943.476.5919", 9, "services.acute.description")]
    [InlineData("  - \"(943) 476 5919\"", 17, "notes[0]")]
    public void A_value_or_key_that_looks_like_an_nhs_number_is_refused_at_its_line_and_masked(string line, int at, string path)
    {
        string yaml = Scenario(line, at);
        var load = ScenarioFile.Parse(yaml, "s.yaml");
        Assert.False(load.IsValid);
        var problem = Assert.Single(load.Problems);
        Assert.Equal((at, path), (problem.Line, problem.Path));
        Assert.Contains("looks like an NHS number", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5919", problem.ToString().Replace("*******919", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Number.Replace(" ", "", StringComparison.Ordinal), problem.ToString().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Large_amounts_dates_and_ordinary_text_are_not_taken_for_nhs_numbers()
    {
        string yaml = Scenario(null, 0).Replace("description: A tiny system", "description: A tiny system opened 2016-04-01 09:30, ward 7, bay 12", StringComparison.Ordinal)
            + "prices:\n  year: 2016/17\n  services:\n    acute: {funded_day: £1500000000, occupied_day: 1500000000}\n";
        var load = ScenarioFile.Parse(yaml, "s.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
    }

    [Fact]
    public void Any_problem_that_echoes_a_value_masks_what_looks_like_an_nhs_number()
    {
        var problem = new ScenarioProblem("s.yaml", 3, 1, "services.9434765919", "unknown service '943 476 5919'");
        Assert.Equal("s.yaml:3:1: services.*******919: unknown service '*******919'", problem.ToString());
        Assert.Equal("'*******919x' is not a whole number.", new ScenarioProblem("s.yaml", 1, 1, "", "'9434765919x' is not a whole number.").Message);
        Assert.Equal("but was *******919 a day.", new ScenarioProblem("s.yaml", 1, 1, "", "but was 9,434,765,919 a day.").Message);
        Assert.Equal("at most 100,000 a day, 10,000,000 places", new ScenarioProblem("s.yaml", 1, 1, "", "at most 100,000 a day, 10,000,000 places").Message);
    }

    [Theory]
    [InlineData("    capacity: 9434765919")]
    [InlineData("arrivals:\n  ed: {service: acute, rate: 9434765919/d}")]
    public void A_number_too_large_for_its_field_is_told_so_without_echoing_its_digits(string change)
    {
        string yaml = change.StartsWith("arrivals", StringComparison.Ordinal)
            ? Scenario(null, 0).Replace("arrivals:\n  ed: {service: acute, rate: 5/d}", change, StringComparison.Ordinal)
            : Scenario(null, 0).Replace("    capacity: 20", change, StringComparison.Ordinal);
        var load = ScenarioFile.Parse(yaml, "s.yaml");
        Assert.False(load.IsValid);
        string all = string.Join("\n", load.Problems);
        Assert.DoesNotContain("5919", all, StringComparison.Ordinal);
        Assert.DoesNotContain("5,919", all, StringComparison.Ordinal);
    }

    // A small valid scenario; `line`, when given, replaces line `at` (1-based) or is inserted to stand at it.
    private static string Scenario(string? line, int at)
    {
        string[] lines =
        [
            "name: Tiny",
            "description: A tiny system",
            "start: 2016-04-01",
            "warmup: 30d",
            "horizon: 60d",
            "replications: 2",
            "services:",
            "  acute:",
            "    kind: acute",
            "    capacity: 20",
            "    length_of_stay: {exponential: {mean: 3d}}",
            "arrivals:",
            "  ed: {service: acute, rate: 5/d}",
            "routing:",
            "  acute: {home: 1}",
        ];
        var list = lines.ToList();
        if (line is not null)
        {
            if (line.StartsWith("  - ", StringComparison.Ordinal))
            {
                list.Add("notes:");
                list.Add(line);
            }
            else if (line.StartsWith("  \"", StringComparison.Ordinal))
            {
                list.Insert(at - 1, line);
                list.Insert(at, "    kind: acute");
            }
            else if (line.StartsWith("    description", StringComparison.Ordinal))
            {
                list.Insert(at - 1, line);
            }
            else
            {
                list[at - 1] = line;
            }
        }
        return string.Join("\n", list) + "\n";
    }
}
