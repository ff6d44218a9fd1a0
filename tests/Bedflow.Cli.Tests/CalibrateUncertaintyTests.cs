using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bedflow.Core.Experiments;
using Bedflow.Data.Scenarios;
using MathNet.Numerics.Distributions;

namespace Bedflow.Cli.Tests;

/// <summary>
/// `bedflow calibrate register` writes the uncertainty: section for what it fits, so that
/// run --episodes → register import → calibrate register → run --parameter-uncertainty works with
/// no hand editing; re-calibrating replaces the entries, and an entry of a value refitted is
/// removed (in the collection that sets BEDFLOW_REGISTER_KEY).
/// </summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public partial class CalibrateUncertaintyTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // The analyst's guess already states some uncertainty: one entry about a value the register
    // refits in another family (stale), one about a route (replaced), one it does not fit (kept).
    private static readonly string GuessWithUncertainty = CalibrateCommandTests.Guess + """

        uncertainty:
          services.acute.length_of_stay.exponential.mean: {mean: 7d, ci95: [5d, 9d]}
          routing.acute: {n: 5}
          services.home_care.capacity: {min: 250, max: 350}
        """;

    [Fact]
    public void A_calibrated_scenario_runs_with_parameter_uncertainty_its_entries_as_uncertain_as_the_fits_and_a_second_calibration_replaces_them()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string db = CalibrateCommandTests.Register(folder);
        string guess = CalibrateCommandTests.Write(folder, "guess.yaml", GuessWithUncertainty);
        string calibrated = Path.Combine(folder, "calibrated.yaml");
        var (code, output, error) = Cli.Run("calibrate", "register", guess, "--db", db, "--out", calibrated);
        Assert.True(code == 0, error);
        Assert.Contains("Removed as stale (their values were refitted): services.acute.length_of_stay.exponential.mean", output, StringComparison.Ordinal);
        string text = File.ReadAllText(calibrated);
        var load = ScenarioFile.Load(calibrated);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var entries = load.Scenario!.Uncertainty.ToDictionary(u => u.Path);

        // One entry a length of stay, on the parameter that carries its mean, with the mean's interval scaled onto it.
        foreach (string service in new[] { "acute", "community_hospital" })
        {
            var stay = Assert.Single(entries.Values, u => u.Path.StartsWith($"services.{service}.length_of_stay.", StringComparison.Ordinal));
            Assert.Equal(UncertaintyForm.LogNormal, stay.Form);
            var (mean, lo, hi) = MeanInterval(text, service);
            Assert.Equal(lo / mean, stay.Lower / stay.Centre, 0.003);
            Assert.Equal(hi / mean, stay.Upper / stay.Centre, 0.003);
            Assert.Matches(@"\.(exponential\.mean|lognormal\.mean|gamma\.scale|weibull\.scale)$", stay.Path);
        }

        // A route's Dirichlet is at least as wide as each destination's bootstrap interval, and as wide as the widest (n is never more than the stays).
        var route = entries["routing.acute"];
        Assert.Equal(UncertaintyForm.Dirichlet, route.Form);
        Assert.NotEqual(5, route.Observed);
        var boot = Bootstrap(text, "acute");
        double closest = double.PositiveInfinity;
        foreach (var (to, p) in route.Shares)
        {
            var beta = new Beta(route.Observed * p, route.Observed * (1 - p));
            double width = beta.InverseCumulativeDistribution(0.975) - beta.InverseCumulativeDistribution(0.025);
            double bootWidth = boot[to].Hi - boot[to].Lo;
            Assert.True(width >= 0.9 * bootWidth, $"{to}: Dirichlet 95% width {width:0.0000} against the bootstrap's {bootWidth:0.0000}");
            closest = Math.Min(closest, Math.Abs(width / bootWidth - 1));
        }
        Assert.True(closest < 0.1, $"no destination's Dirichlet width is within 10% of its bootstrap interval ({closest:0.00})");

        // The arrival rate drawn lognormally within the fit's own interval.
        var rate = entries["arrivals.ed.rate"];
        var rateFit = Regex.Match(text, @"rate: [\d.]+/d  # fitted from the register: .*base rate ([\d.]+) \(([\d.]+)–([\d.]+)\) a day");
        Assert.True(rateFit.Success, text);
        Assert.Equal(double.Parse(rateFit.Groups[2].Value, Inv), rate.Lower, 0.002);
        Assert.Equal(double.Parse(rateFit.Groups[3].Value, Inv), rate.Upper, 0.002);

        // What it did not fit is kept as the analyst wrote it.
        Assert.Equal(UncertaintyForm.Uniform, entries["services.home_care.capacity"].Form);
        Assert.Contains("  services.home_care.capacity: {min: 250, max: 350}\n", text, StringComparison.Ordinal);

        // The calibrated file runs with parameter uncertainty as it stands.
        File.WriteAllText(calibrated, text.Replace("replications: 1\n", "replications: 5\n", StringComparison.Ordinal));
        string results = Path.Combine(folder, "uncertain");
        var run = Cli.Run("run", calibrated, "--parameter-uncertainty", "--out", results);
        Assert.True(run.Code == 0, run.Err);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "results.json"))))
        {
            var parameters = json.RootElement.GetProperty("variants")[0].GetProperty("parameter_uncertainty").GetProperty("parameters");
            Assert.Equal(entries.Keys.Order(StringComparer.Ordinal), parameters.EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));
        }

        // Calibrated again, the entries are replaced, not added to: the same keys once each, with the same values (the same data).
        string again = Path.Combine(folder, "again.yaml");
        var second = Cli.Run("calibrate", "register", calibrated, "--db", db, "--out", again);
        Assert.True(second.Code == 0, second.Err);
        string againText = File.ReadAllText(again);
        Assert.Equal(ScenarioPatch.EntryKeys(text, "uncertainty"), ScenarioPatch.EntryKeys(againText, "uncertainty"));
        Assert.Single(againText.Split('\n'), l => l == "uncertainty:");
        Assert.Equal(Section(text), Section(againText));
        Directory.Delete(folder, true);
    }

    // The fitted mean and its interval from the length of stay's comment.
    private static (double Mean, double Lo, double Hi) MeanInterval(string text, string service)
    {
        var m = Regex.Match(text, $@"(?s)  {service}:\n.*?length_of_stay: .*?mean ([\d.]+)d \(95% CI ([\d.]+) to ([\d.]+)\)");
        Assert.True(m.Success, text);
        return (double.Parse(m.Groups[1].Value, Inv), double.Parse(m.Groups[2].Value, Inv), double.Parse(m.Groups[3].Value, Inv));
    }

    // Each destination's bootstrap interval from the route's comment.
    private static Dictionary<string, (double Lo, double Hi)> Bootstrap(string text, string service)
    {
        var line = Regex.Match(text, $@"  {service}: \{{.*# fitted from the register: .*95% bootstrap intervals (.*)");
        Assert.True(line.Success, text);
        return Regex.Matches(line.Groups[1].Value, @"(\w+) ([\d.]+)–([\d.]+)")
            .ToDictionary(x => x.Groups[1].Value, x => (double.Parse(x.Groups[2].Value, Inv), double.Parse(x.Groups[3].Value, Inv)));
    }

    private static string Section(string text) => text[text.IndexOf("\nuncertainty:\n", StringComparison.Ordinal)..];
}
