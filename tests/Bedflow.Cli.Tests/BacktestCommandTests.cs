using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow backtest`: fit on one year of a known county's "published" months, forecast the next, score it.</summary>
public class BacktestCommandTests
{
    [Fact]
    public void A_capacity_change_dated_after_the_fitting_window_is_held_at_the_value_in_force_before_it_not_fitted()
    {
        const string text = """
            services:
              home_care:
                capacity: {initial: 100, changes: {2016-01-01: 90, 2016-09-01: 80}}
                length_of_stay: {exponential: {mean: 3d}}
            """;
        Core.Experiments.UnknownParameter U(string path) => new(path, 1, 200, "", true) { Current = 0 };
        var unknown = new[] { U("services.home_care.capacity.changes.2016-01-01"), U("services.home_care.capacity.changes.2016-09-01"), U("services.home_care.length_of_stay.exponential.mean") };
        // Fitted on 2015-04 to 2016-03: January's change is in the window (fitted), September's after it (held at January's 90).
        var held = BacktestCommand.Held(text, unknown, new DateOnly(2016, 4, 1));
        Assert.Equal([("services.home_care.capacity.changes.2016-09-01", 90.0)], held.Select(h => (h.Parameter.Path, h.Value)));
        // Fitted on a window ending before both: each held at the initial 100.
        held = BacktestCommand.Held(text, unknown, new DateOnly(2015, 10, 1));
        Assert.Equal([("services.home_care.capacity.changes.2016-01-01", 100.0), ("services.home_care.capacity.changes.2016-09-01", 100.0)], held.Select(h => (h.Parameter.Path, h.Value)));
    }

    [Fact]
    public void A_fit_on_one_year_forecasts_the_next_and_is_scored_beside_the_naive_forecasts()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        // Two years of a known county's months, published as NHS England's files.
        string twoYears = CalibratePublishedCommandTests.Known.Replace("horizon: 365d", "horizon: 730d", StringComparison.Ordinal);
        var (reasons, orgs) = CalibratePublishedCommandTests.Published(folder, twoYears);
        string db = Path.Combine(folder, "register.db");
        Assert.Equal(0, Cli.Run("register", "import-published", reasons, "--db", db).Code);
        Assert.Equal(0, Cli.Run("register", "import-published", orgs, "--db", db).Code);
        string guess = Path.Combine(folder, "guess.yaml");
        File.WriteAllText(guess, CalibratePublishedCommandTests.Known.Replace("capacity: 150", "capacity: 240", StringComparison.Ordinal)
            + "\ncalibrate:\n  services.community_hospital.capacity: {min: 120, max: 250}\n");
        var (code, output, error) = Cli.Run("backtest", guess, "--la", "E06999999", "--fit", "2016-04..2017-03", "--test", "2017-04..2018-03",
            "--db", db, "--replications", "10", "--fit-replications", "4", "--evaluations", "16", "--json", "--out", Path.Combine(folder, "bt"));
        Assert.True(code == 0, error);
        // --out keeps the same scorecard and its chart: the forecast, its intervals, the published and the naive months.
        Assert.Equal(output.Trim(), File.ReadAllText(Path.Combine(folder, "bt", "backtest.json")).Trim());
        string svg = File.ReadAllText(Path.Combine(folder, "bt", "backtest.svg"));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        foreach (string legend in new[] { "Forecast (95% interval)", "Forecast (80% interval)", "Published", "Same month a year before" })
        {
            Assert.Contains(legend, svg, StringComparison.Ordinal);
        }
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var months = root.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal("2017-04", months[0].GetProperty("month").GetString());
        foreach (string key in new[] { "mae", "rmse", "coverage_80", "coverage_95", "naive_seasonal_mae", "naive_mean_mae" })
        {
            Assert.True(root.GetProperty(key).GetDouble() >= 0, key);
        }
        Assert.InRange(root.GetProperty("coverage_95").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("fitted").GetProperty("services.community_hospital.capacity").GetDouble(), 135, 165);
        // Each month's intervals nest and hold the forecast.
        Assert.All(months, m =>
        {
            double[] p95 = [.. m.GetProperty("pi95").EnumerateArray().Select(x => x.GetDouble())], p80 = [.. m.GetProperty("pi80").EnumerateArray().Select(x => x.GetDouble())];
            Assert.True(p95[0] <= p80[0] && p80[0] <= p80[1] && p80[1] <= p95[1]);
        });
        Directory.Delete(folder, true);
    }

    [Fact]
    public void An_out_that_is_a_file_is_a_usage_error_before_any_work()
    {
        string file = Path.GetTempFileName();
        var (code, _, error) = Cli.Run("backtest", "x.yaml", "--la", "E06999999", "--fit", "2016-04..2017-03", "--test", "2017-04..2018-03", "--out", file);
        Assert.Equal(2, code);
        Assert.Contains("is a file", error, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Theory]
    [InlineData("2016-04..2017-03", "2016-10..2017-09")] // the test overlaps the fit
    [InlineData("2016-04-2017-03", "2017-04..2018-03")]  // not a window
    [InlineData("2017-03..2016-04", "2017-04..2018-03")] // backwards
    public void A_window_that_is_not_one_is_a_usage_error(string fit, string test)
    {
        var (code, _, error) = Cli.Run("backtest", "x.yaml", "--la", "E06999999", "--fit", fit, "--test", test);
        Assert.Equal(2, code);
        Assert.Contains("--fit and --test must be windows", error, StringComparison.Ordinal);
    }
}
