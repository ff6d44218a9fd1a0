using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Scenarios that run but would mislead: warnings at their lines (the scenario stays valid); and two that cannot run.</summary>
public class ScenarioWarningTests
{
    private static string Replace(int line, string text)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    public static TheoryData<string, int, string, string> Warned => new()
    {
        { Replace(18, "    rate: 0/d"), 18, "arrivals.ed.rate", "the rate is 0 throughout: no patient ever arrives this way." },
        { Replace(20, "  acute: {home: 1}"), 11, "services.intermediate_care", "no patient can reach this service: no arrival stream, starting patients or routing lead here." },
        { Replace(9, "    capacity: 20\n    queue_limit: 0"), 10, "services.acute.queue_limit",
            "a queue limit of 0 does nothing here: only emergency arrivals come (ed), and emergencies are never turned away; they wait whatever the limit. Make the stream planned, or remove the queue limit." },
        { ScenarioValidationTests.Valid + "\ninterventions:\n  old:\n    from: 2010-01-01\n    to: 2010-12-31\n    add_capacity: {acute: 5}\n", 23, "interventions.old",
            "is in force from 2010-01-01 to 2010-12-31, wholly outside the simulated days (2016-03-02 to 2016-05-30, warm-up included): it changes nothing." },
    };

    [Theory]
    [MemberData(nameof(Warned))]
    public void A_part_that_does_nothing_is_a_warning_at_its_line(string text, int line, string path, string message)
    {
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var w = Assert.Single(load.Problems);
        Assert.True(w.IsWarning);
        Assert.Equal($"tiny.yaml:{line}:{w.Column}: warning: {path}: {message}", w.ToString());
    }

    [Fact]
    public void A_service_that_sends_every_patient_back_to_itself_is_a_warning_and_its_unbounded_load_an_error()
    {
        var load = ScenarioFile.Parse(Replace(21, "  intermediate_care: {intermediate_care: 1}"), "tiny.yaml");
        Assert.False(load.IsValid);
        Assert.Equal(2, load.Problems.Count);
        Assert.Contains(load.Problems, p => p.IsWarning && p.ToString().StartsWith("tiny.yaml:21:", StringComparison.Ordinal)
            && p.Message == "sends every patient back to 'intermediate_care' itself: once there, they never leave.");
        // Sizing before running: patients who reach it never leave, so its load grows without bound.
        Assert.Contains(load.Problems, p => !p.IsWarning && p.Path == "services.intermediate_care"
            && p.Message.StartsWith("patients of group all who come here can never leave the network", StringComparison.Ordinal));
    }

    [Fact]
    public void An_intervention_inside_the_warm_up_is_no_warning()
    {
        var load = ScenarioFile.Parse(ScenarioValidationTests.Valid + "\ninterventions:\n  early:\n    from: 2016-03-10\n    to: 2016-03-20\n    add_capacity: {acute: 5}\n", "tiny.yaml");
        Assert.True(load.IsValid);
        Assert.Empty(load.Problems);
    }

    [Fact]
    public void An_empty_list_of_admission_days_is_an_error()
    {
        var load = ScenarioFile.Parse(Replace(9, "    capacity: 20\n    accepts: {days: []}"), "tiny.yaml");
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems);
        Assert.Equal("tiny.yaml:10:21: services.acute.accepts.days: an empty list of days means the service never admits anyone: list at least one day, such as [mon, tue], or write every_day.", p.ToString());
    }

    [Fact]
    public void A_service_name_with_a_dot_is_an_error()
    {
        string text = ScenarioValidationTests.Valid.Replace("intermediate_care", "intermediate.care", StringComparison.Ordinal);
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems, p => p.Path == "services.intermediate.care");
        Assert.Equal(11, p.Line);
        Assert.Equal("a service name cannot contain '.': a variant could never set its keys (services.intermediate.care.capacity reads as service 'intermediate'). Write 'intermediate_care' instead.", p.Message);
    }
}
