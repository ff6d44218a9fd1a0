using Bedflow.Data.Scenarios;

namespace Bedflow.Cli.Tests;

/// <summary>
/// `bedflow calibrate register`: parameter recovery end to end — a register extract simulated from
/// a known scenario, imported, and calibrated onto a copy of the scenario whose values are wrong,
/// gives back the known values (in the collection that sets BEDFLOW_REGISTER_KEY).
/// </summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class CalibrateCommandTests
{
    internal const string Known = """
        name: Known
        start: 2016-04-01
        warmup: 60d
        horizon: 365d
        replications: 1
        seed: 11
        exits: {home: P0, died: none}
        services:
          acute:
            kind: acute
            capacity: 60
            length_of_stay: {gamma: {shape: 2, scale: 2d}}
          community_hospital:
            kind: community_hospital
            capacity: 40
            length_of_stay: {lognormal: {mean: 12d, sd: 8d}}
          home_care:
            kind: home_care
            capacity: 300
            length_of_stay: {exponential: {mean: 20d}}
        arrivals:
          ed:
            service: acute
            rate: 9/d
        routing:
          acute: {home: 0.7, died: 0.05, community_hospital: 0.15, home_care: 0.1}
          community_hospital: {home: 0.8, home_care: 0.2}
          home_care: {home: 1}
        """;

    // What the analyst starts from: the same structure, every value wrong.
    internal static readonly string Guess = Known
        .Replace("{gamma: {shape: 2, scale: 2d}}", "{exponential: {mean: 7d}}", StringComparison.Ordinal)
        .Replace("{lognormal: {mean: 12d, sd: 8d}}", "{exponential: {mean: 20d}}", StringComparison.Ordinal)
        .Replace("rate: 9/d", "rate: 5/d", StringComparison.Ordinal)
        .Replace("{home: 0.7, died: 0.05, community_hospital: 0.15, home_care: 0.1}", "{home: 0.4, died: 0.2, community_hospital: 0.2, home_care: 0.2}", StringComparison.Ordinal);

    internal static string Write(string folder, string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    internal static (int Code, string Out, string Err) WithKey(params string[] args)
    {
        Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", "0123456789abcdef0123456789abcdef-test");
        try
        {
            return Cli.Run(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_REGISTER_KEY", null);
        }
    }

    internal static string Register(string folder)
    {
        string extract = Path.Combine(folder, "extract.csv"), db = Path.Combine(folder, "register.db");
        var run = Cli.Run("run", Write(folder, "known.yaml", Known), "--out", Path.Combine(folder, "results"), "--episodes", extract);
        Assert.True(run.Code == 0, run.Err);
        var import = WithKey("register", "import", extract, "--db", db);
        Assert.True(import.Code == 0, import.Err);
        return db;
    }

    [Fact]
    public void A_register_simulated_from_a_known_scenario_calibrates_a_wrong_one_back_to_the_known_values()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string db = Register(folder);
        string calibrated = Path.Combine(folder, "calibrated.yaml");
        var (code, output, error) = Cli.Run("calibrate", "register", Write(folder, "guess.yaml", Guess), "--db", db, "--out", calibrated);
        Assert.True(code == 0, error);
        Assert.Contains("value(s) written to", output, StringComparison.Ordinal);

        var load = ScenarioFile.Load(calibrated);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var network = load.Scenario!.Baseline;
        var acute = network.Services[network.ServiceIndex("acute")].LengthOfStay;
        var community = network.Services[network.ServiceIndex("community_hospital")].LengthOfStay;
        Assert.InRange(acute.Mean, 4 * 0.93, 4 * 1.07);
        Assert.InRange(community.Mean, 12 * 0.9, 12 * 1.1);
        // A gamma of shape 2 has a coefficient of variation of 0.71, not an exponential's 1: the shape is fitted too.
        Assert.InRange(acute.StandardDeviation / acute.Mean, 0.64, 0.78);
        var routing = network.Routes.Single(r => r.From == "acute").Destinations.ToDictionary(d => d.To, d => d.Probability);
        Assert.InRange(routing["home"], 0.66, 0.74);
        Assert.InRange(routing["community_hospital"], 0.12, 0.18);
        Assert.InRange(routing["died"], 0.03, 0.07);
        Assert.InRange(routing["home_care"], 0.07, 0.13);
        // Every fitted value says where it came from, and the rest of the file is as it was.
        string text = File.ReadAllText(calibrated);
        Assert.Contains("length_of_stay: {", text, StringComparison.Ordinal);
        Assert.Contains("# fitted from the register: ", text, StringComparison.Ordinal);
        Assert.Contains("capacity: 60\n", text, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(folder, "calibration-report.html"));
        Assert.Contains("<figure id=\"qq-acute\"", report, StringComparison.Ordinal);
        Assert.Contains("(chosen)", report, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"999\d{7}", report); // no NHS number, synthetic or not
        Directory.Delete(folder, true);
    }

    [Fact]
    public void Bad_arguments_are_usage_errors_and_write_nothing()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string guess = Write(folder, "guess.yaml", Guess);
        string calibrated = Path.Combine(folder, "calibrated.yaml");
        string missing = Path.Combine(folder, "no-register.db");
        (string[] Args, string Says)[] cases =
        [
            (["calibrate", "register", guess, "--db", missing, "--out", calibrated], "no register at"),
            (["calibrate", "register", guess, "--db", missing, "--out", guess], "--out is the scenario itself"),
            (["calibrate", "register", guess, "--db", missing, "--out", calibrated, "--from", "2016-13-01"], "--from must be a date yyyy-mm-dd"),
            (["calibrate", "register", guess, "--db", missing, "--out", Path.Combine(folder, "nowhere", "x.yaml")], "does not exist"),
            (["calibrate", "register", guess, "--db", missing, "--out", calibrated, "--report", guess], "the report is the scenario itself"),
            (["calibrate", "register", guess, "--db", missing, "--out", missing], "--out is the register (--db)"),
            (["calibrate", "register", guess, "--db", missing, "--out", calibrated, "--report", calibrated], "--out and --report are the same file"),
            (["calibrate", "published", guess, "--la", "E10000025", "--from", "2016-04", "--to", "2017-03", "--db", missing, "--out", calibrated, "--report", guess], "the report is the scenario itself"),
        ];
        foreach (var (args, says) in cases)
        {
            var (code, _, error) = Cli.Run(args);
            Assert.Equal(2, code);
            Assert.Contains(says, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(calibrated));
        Assert.Equal(Guess, File.ReadAllText(guess));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_window_with_no_data_is_a_usage_error()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string db = Register(folder);
        var (code, _, error) = Cli.Run("calibrate", "register", Write(folder, "guess.yaml", Guess), "--db", db, "--out", Path.Combine(folder, "c.yaml"),
            "--from", "2019-01-01", "--to", "2018-01-01");
        Assert.Equal(2, code);
        Assert.Contains("the window is empty", error, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }
}
