using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Broken scenarios, each with the exact line, key path and message expected.</summary>
public class ScenarioValidationTests
{
    // Line numbers below refer to this text (line 1 = "name: Tiny").
    internal const string Valid = """
        name: Tiny
        start: 2016-04-01
        warmup: 30d
        horizon: 60d
        replications: 2
        services:
          acute:
            kind: acute
            capacity: 20
            length_of_stay: {exponential: {mean: 3d}}
          intermediate_care:
            kind: intermediate_care
            capacity: 5
            length_of_stay: {exponential: {mean: 9d}}
        arrivals:
          ed:
            service: acute
            rate: 5/d
        routing:
          acute: {home: 0.9, intermediate_care: 0.1}
          intermediate_care: {home: 1}
        """;

    private static string Replace(int line, string text)
    {
        var lines = Valid.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    [Fact]
    public void The_valid_scenario_reads_without_problems()
    {
        var load = ScenarioFile.Parse(Valid, "tiny.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Assert.Equal("Tiny", load.Scenario!.Name);
        Assert.Equal(60, load.Scenario.Options.HorizonDays);
        Assert.Equal(2, load.Scenario.Baseline.Services.Count);
    }

    public static TheoryData<int, string, int, string, string> Broken => new()
    {
        { 20, "  acute: {home: 0.83, intermediate_care: 0.1}", 20, "routing.acute", "routing out of 'acute' sums to 0.93, not 1." },
        { 20, "  acute: {home: 0.9, intermediate_cre: 0.1}", 20, "routing.acute.intermediate_cre", "'intermediate_cre' is referenced but is neither a service nor an exit." },
        { 9, "    capacity: -3", 9, "services.acute.capacity", "capacity must be at least 0, but was -3." },
        { 10, "    length_of_stay: {exponentail: {mean: 3d}}", 10, "services.acute.length_of_stay.exponentail",
            "unknown distribution 'exponentail'. Did you mean 'exponential'? Families: exponential, deterministic, lognormal, gamma, weibull, erlang, uniform, triangular, empirical, mixture." },
        { 10, "    length_of_stay: {lognormal: {mean: 3d, sd: -1d}}", 10, "services.acute.length_of_stay.lognormal.sd", "a duration must be at least 0 days, but was '-1d'." },
        { 10, "    length_of_stay: {deterministic: -2d}", 10, "services.acute.length_of_stay.deterministic", "a duration must be at least 0 days, but was '-2d'." },
        { 9, "    capacity: 1e12", 9, "services.acute.capacity", "capacity can be at most 10,000,000 (write unlimited for no limit), but was 1e12." },
        { 2, "start: 2016-02-30", 2, "start", "'2016-02-30' is not a date: February 2016 has 29 days." },
        { 2, "start: 2017-02-29", 2, "start", "'2017-02-29' is not a date: February 2017 has 28 days." },
        { 10, "    length_of_stay: {exponential: {mean: 0d}}", 10, "services.acute.length_of_stay.exponential.mean", "mean must be a finite number greater than 0, but was 0." },
        { 9, "    capacty: 20", 9, "services.acute.capacty",
            "unknown key 'capacty'. Did you mean 'capacity'? Allowed here: kind, capacity, queue_limit, length_of_stay, priority, moving_on, role, demand, accepts, escalation, start, commissioner, delays_responsible, delay_reason, sitrep, pathway, choice, allow_overload." },
        { 3, "warmup: 30", 3, "warmup", "'30' has no unit: write a duration with one, such as 30d (days), 30w (weeks), 30h (hours) or 30y (years)." },
        { 18, "    rate: 5", 18, "arrivals.ed.rate", "'5' has no unit: write a rate such as 5/d (per day), 5/w (per week) or 5/y (per year)." },
        { 4, "horizon: 200y", 4, "horizon", "the horizon must be from 1d to 100y." },
        { 18, "    rate: 1e400/d", 18, "arrivals.ed.rate", "'1e400/d' is too large to be a rate." },
        { 9, "    capacity: 20000000", 9, "services.acute.capacity", "capacity can be at most 10,000,000 (write unlimited for no limit), but was 20,000,000." },
        { 18, "    rate: 10000000/d", 18, "arrivals.ed.rate", "a rate can be at most 100,000 a day (a whole nation's admissions), but was 10,000,000 a day." },
        { 2, "start: 0001-01-01", 2, "start", "the start date must be between 1900 and 2999, but was 0001-01-01." },
        { 10, "    length_of_stay: {erlang: {k: 2000000000, mean: 3d}}", 10, "services.acute.length_of_stay.erlang.k", "an Erlang distribution with more than 1,000 phases is as good as deterministic: use deterministic (k was 2,000,000,000)." },
        { 2, "start: 2016-13-01", 2, "start", "'2016-13-01' is not a date: write it as yyyy-mm-dd, such as 2016-11-01." },
        { 17, "    service: acute_ward", 17, "arrivals.ed.service", "'acute_ward' is referenced but not defined as a service." },
        { 8, "    kind: acute_hospital", 8, "services.acute.kind",
            "'acute_hospital' is not one of: acute, community_hospital, intermediate_care, step_up, reablement, home_care, residential_home, nursing_home, assessment, mental_health, equipment, other." },
        { 12, "    kind: intermediate_care\n    commissioner: social_care", 13, "services.intermediate_care.commissioner",
            "reason C (Awaiting further non-acute NHS care) cannot be the responsibility of social care in the SitRep; allowed: the NHS." },
        // Delays shared between organisations.
        { 12, "    kind: intermediate_care\n    delays_responsible: {nhs: 60%, social_care: 40%}", 13, "services.intermediate_care.delays_responsible.social_care",
            "reason C (Awaiting further non-acute NHS care) cannot be the responsibility of social care in the SitRep; allowed: the NHS." },
        { 12, "    kind: reablement\n    delays_responsible: {nhs: 60%, both: 30%}", 13, "services.intermediate_care.delays_responsible",
            "the shares of delays must add up to 100%, but add up to 90%." },
        { 12, "    kind: reablement\n    delays_responsible: {nhs: 60%, both: 140%}", 13, "services.intermediate_care.delays_responsible.both",
            "a share of delays must be between 0 and 1 (or 0% and 100%), but was 1.4." },
        { 12, "    kind: reablement\n    delays_responsible: {nhs: 60%, council: 40%}", 13, "services.intermediate_care.delays_responsible.council",
            "'council' is not one of: nhs, social_care, both." },
        { 12, "    kind: reablement\n    delays_responsible: {nhs: lots, both: 40%}", 13, "services.intermediate_care.delays_responsible.nhs",
            "'lots' is not a share: write a number from 0 to 1 or a percentage such as 15%." },
        { 12, "    kind: residential_home\n    delays_responsible: {social_care: 50%, both: 50%}", 13, "services.intermediate_care.delays_responsible.both",
            "reason Di (Awaiting residential home placement or availability) cannot be the responsibility of both in the SitRep; allowed: the NHS, social care." },
        { 12, "    kind: reablement\n    delays_responsible: {}", 13, "services.intermediate_care.delays_responsible",
            "give one organisation (nhs, social_care, both) or shares of them, e.g. {nhs: 60%, both: 40%} or {both: 40%, nhs: rest}." },
        { 12, "    kind: reablement\n    delays_responsible: {nhs: rest, both: 120%}", 13, "services.intermediate_care.delays_responsible.nhs",
            "the other shares add up to 120%, so there is no rest for the NHS: they can add up to 100% at most." },
        { 12, "    kind: reablement\n    delays_responsible: {nhs: rest, both: rest}", 13, "services.intermediate_care.delays_responsible.both",
            "only one organisation can take the rest." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_scenario_reports_its_line_key_and_message(int line, string text, int expectedLine, string path, string message)
    {
        var load = ScenarioFile.Parse(Replace(line, text), "tiny.yaml");
        Assert.False(load.IsValid);
        var problem = Assert.Single(load.Problems, p => p.Path == path);
        Assert.Equal(message, problem.Message);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Equal("tiny.yaml", problem.File);
        Assert.StartsWith($"tiny.yaml:{expectedLine}:{problem.Column}: {path}: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_alone_reads_when_only_a_variant_is_invalid()
    {
        // A stress-test option overloading a service: the whole file is refused, its baseline is not.
        string text = Valid + "\nvariants:\n  overload:\n    set:\n      services.intermediate_care.capacity: 0\n";
        Assert.False(ScenarioFile.Parse(text, "tiny.yaml").IsValid);
        var baseline = ScenarioFile.ParseBaseline(text, "tiny.yaml");
        Assert.True(baseline.IsValid, string.Join("\n", baseline.Problems));
        Assert.Empty(baseline.Scenario!.Variants);
        Assert.Equal(Bedflow.Core.Units.Capacity.Of(5), baseline.Scenario.Baseline.Services[1].Capacity.Initial);
    }

    [Fact]
    public void A_typo_in_a_required_key_also_says_the_key_is_missing()
    {
        var load = ScenarioFile.Parse(Replace(9, "    capacty: 20"), "tiny.yaml");
        Assert.Contains(load.Problems, p => p.Path == "services.acute.capacity" && p.Message == "'capacity' is required but missing." && p.Line == 8);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        string text = Replace(9, "    capacity: -3");
        text = text.Replace("rate: 5/d", "rate: 5", StringComparison.Ordinal).Replace("warmup: 30d", "warmup: 30", StringComparison.Ordinal);
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.Equal(["warmup", "services.acute.capacity", "arrivals.ed.rate"], load.Problems.Select(p => p.Path));
    }

    [Fact]
    public void A_yaml_syntax_error_gives_its_position()
    {
        var load = ScenarioFile.Parse(Replace(20, "  acute: {home: 0.9, intermediate_care: 0.1"), "tiny.yaml");
        var p = Assert.Single(load.Problems);
        Assert.StartsWith("this is not valid YAML: ", p.Message, StringComparison.Ordinal);
        Assert.InRange(p.Line, 20, 22);
    }

    [Fact]
    public void Unknown_names_inside_an_intervention_are_reported_at_their_own_keys()
    {
        string text = Valid + "\ninterventions:\n  pilot:\n    from: 2016-06-01\n    to: 2016-06-30\n    routing: {acute: {home: 0.8, intermediate_cre: 0.2}}\n    length_of_stay: {acut: {exponential: {mean: 2d}}}\n";
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.Contains(load.Problems, p => p.Line == 26 && p.Path == "interventions.pilot.routing.acute.intermediate_cre"
            && p.Message == "'intermediate_cre' is referenced but is neither a service nor an exit. Did you mean 'intermediate_care'?");
        Assert.Contains(load.Problems, p => p.Line == 27 && p.Path == "interventions.pilot.length_of_stay.acut"
            && p.Message == "'acut' is referenced but not defined as a service. Did you mean 'acute'?");
        Assert.DoesNotContain(load.Problems, p => p.Path.StartsWith("routing_changes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_that_is_a_list_or_mapping_is_a_clear_problem()
    {
        var load = ScenarioFile.Parse(Valid + "\n? [a, b]\n: 1\n", "tiny.yaml");
        var p = Assert.Single(load.Problems);
        Assert.Equal("keys must be plain names, not lists or mappings.", p.Message);
        Assert.Equal(22, p.Line);
    }

    [Fact]
    public void Variants_whose_names_make_the_same_file_name_or_sweeps_without_values_are_errors()
    {
        var clash = ScenarioFile.Parse(Valid + "\nvariants:\n  a.b:\n    description: x\n  a_b:\n    description: y\n", "tiny.yaml");
        Assert.Contains(clash.Problems, p => p.Message.StartsWith("variants 'a.b', 'a_b' would write files with the same name (a_b)", StringComparison.Ordinal));
        var sweep = ScenarioFile.Parse(Valid + "\nvariants:\n  s:\n    sweep: {path: seedless, values: []}\n", "tiny.yaml");
        Assert.Contains(sweep.Problems, p => p.Message.StartsWith("a sweep needs a path", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_a_clear_problem(string text)
    {
        var p = Assert.Single(ScenarioFile.Parse(text, "empty.yaml").Problems);
        Assert.Equal("empty.yaml:1:1: the file is empty: a scenario needs at least name, start, horizon, services, arrivals and routing (see docs/scenario-reference.md).", p.ToString());
    }

    [Fact]
    public void A_missing_file_is_a_clear_problem()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml");
        var p = Assert.Single(ScenarioFile.Load(path).Problems);
        // The file as a whole: no line (never "line 0" or ":0:0:").
        Assert.Equal($"{path}: the file does not exist.", p.ToString());
    }

    [Fact]
    public void A_variant_that_sets_a_misspelt_key_is_reported_where_the_variant_says_it()
    {
        string text = Valid + "\nvariants:\n  more_beds:\n    set:\n      services.acute.capacty: 30\n      services.acte.capacity: 30\n";
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.Contains(load.Problems, p => p.Line == 25 && p.Path == "variants.more_beds.set.services.acute.capacty"
            && p.Message.StartsWith("in variant 'more_beds', which sets services.acute.capacty: unknown key 'capacty'. Did you mean 'capacity'?", StringComparison.Ordinal));
        Assert.Contains(load.Problems, p => p.Line == 26 && p.Path == "variants.more_beds.set.services.acte.capacity"
            && p.Message == "the baseline has no 'services.acte'. Did you mean 'acute'?");
    }

    [Theory]
    [InlineData("horizon: 2y")]
    [InlineData("seed: 9")]
    [InlineData("start: 2017-04-01")]
    public void A_variant_cannot_change_the_run_that_all_variants_share(string setting)
    {
        string text = Valid + $"\nvariants:\n  longer:\n    set:\n      {setting}\n";
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.False(load.IsValid);
        Assert.Contains(load.Problems, p => p.Line == 25 && p.Message.Contains("is a run setting, the same for every variant", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warm_up_too_short_for_a_long_stay_is_a_warning_that_does_not_stop_the_run()
    {
        var load = ScenarioFile.Parse(Valid.Replace("warmup: 30d", "warmup: 10d", StringComparison.Ordinal), "tiny.yaml");
        Assert.True(load.IsValid);
        var w = Assert.Single(load.Problems);
        Assert.True(w.IsWarning);
        Assert.Equal("services.intermediate_care", w.Path);
        Assert.Equal(11, w.Line);
    }
}
