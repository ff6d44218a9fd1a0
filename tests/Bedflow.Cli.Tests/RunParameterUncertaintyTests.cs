using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow run --parameter-uncertainty`: both intervals in the table and in results.json; refused without an uncertainty: section.</summary>
public class RunParameterUncertaintyTests
{
    private static readonly string Uncertain = Cli.Tiny.Replace("replications: 3", "replications: 6", StringComparison.Ordinal) + """

        uncertainty:
          services.acute.length_of_stay.exponential.mean: {mean: 3d, ci95: [2.5d, 3.6d]}
          arrivals.ed.rate: {min: 4.5/d, max: 5.5/d}
          routing.acute: {n: 400}
        """;

    [Fact]
    public void Without_an_uncertainty_section_the_option_is_refused_with_exit_code_2_and_nothing_written()
    {
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("run", Cli.WriteTiny(), "--parameter-uncertainty", "--out", folder);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("has no uncertainty: section", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Fact]
    public void The_run_shows_and_writes_both_intervals_for_every_variant_and_paired_differences_stay_paired()
    {
        string path = Path.Combine(Path.GetTempPath(), $"uncertain-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Uncertain);
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("run", path, "--parameter-uncertainty", "--out", folder);
        Assert.True(code == 0, error);
        Assert.Contains("With parameter uncertainty (3 parameter(s)", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var variants = json.RootElement.GetProperty("variants");
        foreach (var v in variants.EnumerateArray())
        {
            var u = v.GetProperty("parameter_uncertainty");
            var days = u.GetProperty("delayed_days_per_year");
            // The randomness-only figure is the ordinary run's own.
            Assert.Equal(v.GetProperty("delayed_days_per_year").GetProperty("mean").GetDouble(), days.GetProperty("mean").GetDouble(), 9);
            Assert.Equal(2, days.GetProperty("with_parameters").GetProperty("ci95").GetArrayLength());
            Assert.InRange(days.GetProperty("parameter_share").GetProperty("value").GetDouble(), 0, 1);
        }
        // 'same' changes nothing: with the same θ_r and patients in every variant its paired difference is exactly 0.
        var same = variants.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "same").GetProperty("parameter_uncertainty");
        Assert.Equal(0, same.GetProperty("delayed_days_avoided_per_year").GetProperty("with_parameters").GetProperty("mean").GetDouble());
        // And the same numbers on one thread as on many.
        string other = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("run", path, "--parameter-uncertainty", "--out", other, "--threads", "1").Code);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "results.json")), File.ReadAllText(Path.Combine(other, "results.json")));
    }

    [Theory]
    [InlineData("services.acute.nonsense: {min: 1, max: 2}", "uncertainty.services.acute.nonsense", "is not a single value in this file")]
    [InlineData("services.acute.capacity: {mean: 20, ci95: [22, 25]}", "uncertainty.services.acute.capacity.ci95", "contain the mean 20")]
    [InlineData("services.acute.capacity: {mean: 20, ci95: [0, 25]}", "uncertainty.services.acute.capacity.ci95", "must be above 0")]
    [InlineData("services.acute.capacity: {min: 30, max: 10}", "uncertainty.services.acute.capacity", "must go from at least 0 up to a larger value")]
    [InlineData("services.acute.capacity: {min: .nan, max: 10}", "uncertainty.services.acute.capacity.min", "not a finite number")]
    [InlineData("services.acute.length_of_stay.exponential.mean: {mean: 3, ci95: [2d, 4d]}", "uncertainty.services.acute.length_of_stay.exponential.mean.mean", "no unit")]
    [InlineData("routing.acute: {n: 0}", "uncertainty.routing.acute.n", "at least 1")]
    [InlineData("routing.nowhere: {n: 10}", "uncertainty.routing.nowhere", "not a route's probabilities")]
    [InlineData("services.acute.capacity: {mean: 20, sd: 2}", "uncertainty.services.acute.capacity", "")]
    public void A_bad_uncertainty_entry_is_an_error_at_its_line_and_key(string entry, string key, string message)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Cli.Tiny + "\nuncertainty:\n  " + entry + "\n");
        var (code, _, error) = Cli.Run("validate", path);
        Assert.Equal(2, code);
        int line = Cli.Tiny.Split('\n').Length + 2;
        Assert.Contains($":{line}:", error, StringComparison.Ordinal);
        Assert.Contains(key, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
