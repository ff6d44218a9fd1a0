namespace Bedflow.Cli.Tests;

/// <summary>Sizing before running in `validate` and `run`: the offered-load table, the warning, the error and its override.</summary>
public class SizingCommandTests
{
    // Tiny's intermediate care: 5 a day × 10% = 0.5 a day for 8 days = 4 beds' worth for 3 beds.
    private const string Override = "\n    allow_overload: true    # offered 4 beds' worth for 3: overloaded on purpose, so that patients block in acute";

    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sizing-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string WithoutOverride() => Write(Cli.Tiny.Replace(Override, "", StringComparison.Ordinal));

    [Fact]
    public void Validate_prints_the_offered_load_table_and_the_variants_that_differ()
    {
        var (code, output, error) = Cli.Run("validate", Write(Cli.Tiny));
        Assert.Equal(0, code);
        // acute: 5 a day × 3 days = 15 of 20 beds; intermediate care 4 of 3, allowed.
        Assert.Matches(@"acute\s+15\.0\s+20\.0\s+beds\s+75%", output);
        Assert.Matches(@"intermediate_care\s+4\.0\s+3\.0\s+beds\s+133\.3%", output);
        Assert.Contains("more_ic: intermediate_care 66.7% (busiest month 66.7%).", output, StringComparison.Ordinal);
        Assert.Contains("same: as the baseline.", output, StringComparison.Ordinal);
        Assert.Contains("warning: services.intermediate_care.capacity: offered 4.0 beds' worth of patients for 3.0 beds on average over the report (133.3%): it cannot keep up", error, StringComparison.Ordinal);
        Assert.Contains("The scenario allows it (allow_overload: true), so the run goes ahead.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_override_validate_and_run_refuse_an_overloaded_service_with_exit_2()
    {
        string path = WithoutOverride();
        foreach (var args in new[] { new[] { "validate", path }, ["run", path, "--replications", "2", "--out", Cli.TempFolder()] })
        {
            var (code, output, error) = Cli.Run(args);
            Assert.Equal(2, code);
            Assert.Contains($"{path}:15:15: services.intermediate_care.capacity: offered 4.0 beds' worth of patients for 3.0 beds on average over the report (133.3%): it cannot keep up", error, StringComparison.Ordinal);
            Assert.Contains("set allow_overload: true on the service", error, StringComparison.Ordinal);
            Assert.Contains("1 problem(s); nothing was run.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Offered load", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_variant_that_overloads_is_named_and_its_override_can_live_in_the_variant()
    {
        // The baseline has 6 beds (4 of 6 = 66.7%); the variant cuts them to 3.
        string tiny = Cli.Tiny.Replace(Override, "", StringComparison.Ordinal)
            .Replace("    capacity: 3\n", "    capacity: 6\n", StringComparison.Ordinal)
            .Replace("services.intermediate_care.capacity: 6", "services.intermediate_care.capacity: 3", StringComparison.Ordinal);
        var (code, _, error) = Cli.Run("validate", Write(tiny));
        Assert.Equal(2, code);
        Assert.Contains("in variant 'more_ic', which sets services.intermediate_care.capacity: offered 4.0 beds' worth of patients for 3.0 beds", error, StringComparison.Ordinal);

        string allowed = tiny.Replace("services.intermediate_care.capacity: 3", "services.intermediate_care.capacity: 3\n      services.intermediate_care.allow_overload: true", StringComparison.Ordinal);
        (code, _, error) = Cli.Run("validate", Write(allowed));
        Assert.Equal(0, code);
        Assert.Contains("warning: variants.more_ic.set.services.intermediate_care.capacity: in variant 'more_ic'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_overload_takes_true_or_false_only()
    {
        var (code, _, error) = Cli.Run("validate", Write(Cli.Tiny.Replace("allow_overload: true", "allow_overload: yes", StringComparison.Ordinal)));
        Assert.Equal(2, code);
        Assert.Contains("services.intermediate_care.allow_overload: 'yes' is not one of: true, false.", error, StringComparison.Ordinal);
    }
}
