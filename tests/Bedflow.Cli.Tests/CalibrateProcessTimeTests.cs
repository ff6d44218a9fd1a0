using Bedflow.Data.Scenarios;

namespace Bedflow.Cli.Tests;

/// <summary>
/// `bedflow calibrate register` end to end on a referral step and a destination with choice: a
/// register simulated from a known scenario (run --episodes, register import) calibrates a wrong
/// copy back to the known process time and choice share, each written with its comment.
/// </summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class CalibrateProcessTimeTests
{
    private const string Known = """
        name: Referral
        start: 2016-04-01
        warmup: 60d
        horizon: 365d
        replications: 1
        seed: 5
        services:
          acute:
            kind: acute
            capacity: 400
            length_of_stay: {exponential: {mean: 3d}}
          referral:
            kind: other
            role: resource
            capacity: unlimited
            length_of_stay: {exponential: {mean: 3d}}
            delay_reason: C
          rehab:
            kind: community_hospital
            capacity: 64
            length_of_stay: {exponential: {mean: 10d}}
            choice: {share: 30%, wait: {exponential: {mean: 4d}}, cap: 10d}
        arrivals:
          ed:
            service: acute
            rate: 20/d
        routing:
          acute: {home: 0.7, referral: 0.3}
          referral: {rehab: 1}
          rehab: {home: 1}
        """;

    private static readonly string Guess = Known
        .Replace("{exponential: {mean: 3d}}\n    delay_reason", "{exponential: {mean: 9d}}\n    delay_reason", StringComparison.Ordinal)
        .Replace("share: 30%, wait: {exponential: {mean: 4d}}", "share: 80%, wait: {exponential: {mean: 1d}}", StringComparison.Ordinal);

    [Fact]
    public void The_referral_time_and_the_choice_share_are_calibrated_back_to_the_known_values()
    {
        Assert.NotEqual(Known, Guess);
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string known = Path.Combine(folder, "known.yaml"), guess = Path.Combine(folder, "guess.yaml");
        File.WriteAllText(known, Known);
        File.WriteAllText(guess, Guess);
        string extract = Path.Combine(folder, "extract.csv"), db = Path.Combine(folder, "register.db"), calibrated = Path.Combine(folder, "calibrated.yaml");
        var run = Cli.Run("run", known, "--out", Path.Combine(folder, "results"), "--episodes", extract);
        Assert.True(run.Code == 0, run.Err);
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            var import = Cli.Run("register", "import", extract, "--db", db);
            Assert.True(import.Code == 0, import.Err);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
        var (code, output, error) = Cli.Run("calibrate", "register", guess, "--db", db, "--out", calibrated);
        Assert.True(code == 0, error);
        Assert.Contains("Process time of referral (to rehab): mean ", output, StringComparison.Ordinal);
        Assert.Contains("Choice for rehab: ", output, StringComparison.Ordinal);

        var network = ScenarioFile.Load(calibrated).Scenario!.Baseline;
        var referral = network.Services[network.ServiceIndex("referral")].LengthOfStay;
        var choice = network.Services[network.ServiceIndex("rehab")].Choice!;
        Assert.InRange(referral.Mean, 3 * 0.9, 3 * 1.1);
        Assert.InRange(choice.Share, 0.26, 0.34);
        Assert.InRange(choice.Wait.Mean, 4 * 0.85, 4 * 1.15);
        Assert.Equal(10, choice.Cap);
        string text = File.ReadAllText(calibrated);
        Assert.Contains("# process time fitted from the register: ", text, StringComparison.Ordinal);
        Assert.Contains("right-censored when rehab filled", text, StringComparison.Ordinal);
        Assert.Contains("waited for their choice (SitRep G), share 95% Wilson interval", text, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(folder, "calibration-report.html"));
        Assert.Contains("<h2>Process time and waiting for a place</h2>", report, StringComparison.Ordinal);
        Assert.Contains("<h2>Patient or family choice</h2>", report, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }
}
