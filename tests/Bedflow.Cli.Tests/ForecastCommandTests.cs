using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow forecast`: from a register made by `run --episodes`, its bad input refused with exit code 2 and nothing written.</summary>
[Collection("BEDFLOW_REGISTER_KEY")]
public class ForecastCommandTests
{
    private static (int Code, string Out, string Err) WithKey(params string[] args)
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

    // The tiny scenario's register: its baseline's first replication, 2016-03-02 (warm-up) to 2016-05-31.
    private static (string Scenario, string Db, string Folder) Register()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string scenario = Cli.WriteTiny(), extract = Path.Combine(folder, "extract.csv"), db = Path.Combine(folder, "register.db");
        var run = Cli.Run("run", scenario, "--out", Path.Combine(folder, "results"), "--episodes", extract, "--replications", "1");
        Assert.True(run.Code == 0, run.Err);
        var import = WithKey("register", "import", extract, "--db", db);
        Assert.True(import.Code == 0, import.Err);
        return (scenario, db, folder);
    }

    [Fact]
    public void A_forecast_prints_its_days_with_bands_and_writes_its_json_and_fan_chart()
    {
        var (scenario, db, folder) = Register();
        string outDir = Path.Combine(folder, "forecast");
        var (code, output, error) = WithKey("forecast", scenario, "--db", db, "--as-of", "2016-05-01 09:00", "--days", "10", "--replications", "20", "--variant", "more_ic", "--out", outDir);
        Assert.True(code == 0, error);
        Assert.Contains("prediction bands", output, StringComparison.Ordinal);
        Assert.Contains("more_ic", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "forecast-delayed.svg")));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "forecast.json")));
        var root = doc.RootElement;
        Assert.Equal("2016-05-01 09:00", root.GetProperty("as_of").GetString());
        Assert.Equal(10, root.GetProperty("days").GetInt32());
        var variants = root.GetProperty("variants");
        Assert.Equal(["baseline", "more_ic"], variants.EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        var day1 = variants[1].GetProperty("days")[0];
        Assert.Equal("2016-05-01", day1.GetProperty("date").GetString());
        var pi80 = day1.GetProperty("delayed").GetProperty("pi80");
        var pi95 = day1.GetProperty("delayed").GetProperty("pi95");
        Assert.True(pi95[0].GetDouble() <= pi80[0].GetDouble() && pi80[1].GetDouble() <= pi95[1].GetDouble());
        Assert.Equal(JsonValueKind.Object, day1.GetProperty("delayed_vs_baseline").ValueKind);
        Assert.Equal(JsonValueKind.Null, variants[0].GetProperty("days")[0].GetProperty("delayed_vs_baseline").ValueKind);
        Assert.True(day1.GetProperty("occupancy").TryGetProperty("acute", out _));
    }

    [Theory]
    [InlineData("--as-of", "1 May 2016", "--as-of must be a moment")]
    [InlineData("--as-of", "2017-01-01 00:00", "outside the register's data, which run from")]
    [InlineData("--as-of", "2015-01-01 00:00", "outside the register's data, which run from")]
    [InlineData("--days", "0", "--days must be a whole number of at least 1")]
    [InlineData("--days", "366", "--days must be from 1 to 365")]
    [InlineData("--variant", "no_such", "has no variant 'no_such' (its variants: same, more_ic)")]
    [InlineData("--replications", "5", "--replications must be at least 10")]
    public void Bad_input_is_refused_with_exit_code_2_and_a_message_naming_it(string option, string value, string message)
    {
        var (scenario, db, folder) = Register();
        string outDir = Path.Combine(folder, "forecast");
        string[] args = ["forecast", scenario, "--db", db, "--out", outDir, option, value];
        if (option != "--as-of")
        {
            args = [.. args, "--as-of", "2016-05-01 09:00"];
        }
        var (code, _, error) = WithKey(args);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "nothing should be written");
    }

    [Fact]
    public void A_missing_register_is_refused_with_exit_code_2()
    {
        string folder = Cli.TempFolder();
        var (code, _, error) = WithKey("forecast", Cli.WriteTiny(), "--db", Path.Combine(folder, "none.db"), "--as-of", "2016-05-01 09:00");
        Assert.Equal(2, code);
        Assert.Contains("bedflow:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_back_test_scores_its_forecasts_against_the_register_and_refuses_origins_it_cannot_score()
    {
        var (scenario, db, _) = Register();
        var (code, output, error) = WithKey("forecast", scenario, "--db", db, "--backtest", "2016-04-05..2016-04-25", "--every", "10d", "--days", "7", "--replications", "10", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("origins").GetInt32());
        Assert.Equal(7, root.GetProperty("leads").GetArrayLength());
        Assert.InRange(root.GetProperty("coverage_95").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("persistence_mae").GetDouble() >= 0);

        var late = WithKey("forecast", scenario, "--db", db, "--backtest", "2016-05-20..2016-05-30", "--days", "28");
        Assert.Equal(2, late.Code);
        Assert.Contains("choose origins from", late.Err, StringComparison.Ordinal);
        var bad = WithKey("forecast", scenario, "--db", db, "--backtest", "2016-05-20", "--days", "7");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--backtest must be FROM..TO", bad.Err, StringComparison.Ordinal);
    }
}
