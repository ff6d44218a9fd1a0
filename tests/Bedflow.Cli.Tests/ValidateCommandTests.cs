namespace Bedflow.Cli.Tests;

/// <summary>`bedflow validate` and `run`: warnings are printed and allowed (exit 0); errors exit 2.</summary>
public class ValidateCommandTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"validate-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    // The Tiny scenario with a stream that never brings anyone (its rate on line 24).
    private static string WithIdleStream() => Write(Cli.Tiny.Replace("    rate: 5/d", "    rate: 5/d\n  nobody:\n    service: acute\n    rate: 0/d", StringComparison.Ordinal));

    [Fact]
    public void Validate_prints_warnings_in_the_positioned_form_and_exits_0()
    {
        string path = WithIdleStream();
        var (code, output, error) = Cli.Run("validate", path);
        Assert.Equal(0, code);
        Assert.Contains("valid.", output, StringComparison.Ordinal);
        Assert.Equal($"{path}:24:11: warning: arrivals.nobody.rate: the rate is 0 throughout: no patient ever arrives this way.", Cli.WithoutSizingWarnings(error));
    }

    [Fact]
    public void Run_prints_the_same_warnings_and_runs()
    {
        string path = WithIdleStream();
        var (code, _, error) = Cli.Run("run", path, "--replications", "2", "--json", "--out", Cli.TempFolder());
        Assert.Equal(0, code);
        Assert.Contains($"{path}:24:11: warning: arrivals.nobody.rate: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_exits_2_and_a_warning_does_not_hide_it()
    {
        string path = Write(Cli.Tiny.Replace("    rate: 5/d", "    rate: 5/d\n  nobody:\n    service: acute\n    rate: 0/d", StringComparison.Ordinal)
            .Replace("start: 2016-04-01", "start: 2016-02-30", StringComparison.Ordinal));
        var (code, _, error) = Cli.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Contains($"{path}:2:8: start: '2016-02-30' is not a date: February 2016 has 29 days.", error, StringComparison.Ordinal);
        Assert.Contains("warning: arrivals.nobody.rate: ", error, StringComparison.Ordinal);
        Assert.Contains("1 problem(s); nothing was run.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_its_family_refuses_exits_2_naming_the_parameter_at_its_line_and_column()
    {
        string path = Write(Cli.Tiny.Replace("length_of_stay: {exponential: {mean: 3d}}", "length_of_stay: {lognormal: {mean: 3d, sd: 0d}}", StringComparison.Ordinal));
        var (code, _, error) = Cli.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Contains($"{path}:12:48: services.acute.length_of_stay.lognormal.sd: standard deviation must be a finite number greater than 0, but was 0.", error, StringComparison.Ordinal);
        Assert.Contains("1 problem(s); nothing was run.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decision:\n  allow: [waiting_for_acute_bed, waiting_for_acute_bed]", "decision.allow[1]: 'waiting_for_acute_bed' is listed twice.")]
    [InlineData("decision:\n  tolerance: {waiting_for_acute_bed: .inf}", "decision.tolerance.waiting_for_acute_bed: '.inf' is not a finite number")]
    [InlineData("decision:\n  tolerance: {waiting_for_acute_bed: 1e300}", "decision.tolerance.waiting_for_acute_bed: a tolerance of")]
    public void A_hostile_decision_value_exits_2_from_validate_and_run_without_a_stack_trace_and_run_writes_nothing(string section, string problem)
    {
        string path = Write(Cli.Tiny + "\n" + section + "\n");
        int line = Cli.Tiny.Split('\n').Length + 2;
        var (code, _, error) = Cli.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Contains($"{path}:{line}:", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        string folder = Cli.TempFolder();
        (code, _, error) = Cli.Run("run", path, "--replications", "2", "--out", folder);
        Assert.Equal(2, code);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "a refused run wrote its folder");
    }
}
