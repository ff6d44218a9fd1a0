using System.Text.Json;

namespace Bedflow.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public void The_oxfordshire_example_runs_and_its_json_obeys_the_contract()
    {
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("run", Cli.RepoFile("examples", "oxfordshire", "scenario.yaml"), "--replications", "2", "--json", "--out", folder);
        Assert.Equal(0, code);
        // Sizing's warnings only: services near capacity and the step-up options' reablement, beyond its places each winter (docs/oxfordshire.md).
        Assert.Equal("", Cli.WithoutSizingWarnings(error));
        Assert.Contains("in variant 'step_up_beds[5%]': offered 162 places' worth of patients for 156 places in October 2016", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Oxfordshire 2016/17", root.GetProperty("scenario").GetString());
        Assert.Equal(2, root.GetProperty("replications").GetInt32());
        Assert.Equal(20160401UL, root.GetProperty("seed").GetUInt64());
        Assert.True(root.GetProperty("events").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("elapsed_seconds").ValueKind);
        var variants = root.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(9, variants.Count);
        foreach (var v in variants)
        {
            Assert.False(string.IsNullOrEmpty(v.GetProperty("name").GetString()));
            var services = v.GetProperty("services").EnumerateArray().ToList();
            Assert.NotEmpty(services);
            foreach (var s in services)
            {
                Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString()));
                foreach (string stat in new[] { "capacity", "occupancy", "utilisation", "blocked_beds", "queue_wait_days", "blocked_days", "throughput_per_day", "loss_probability" })
                {
                    AssertStat(s.GetProperty(stat));
                }
            }
            AssertStat(v.GetProperty("delayed_patients"));
            var delays = v.GetProperty("delays");
            AssertStat(delays.GetProperty("delayed_days_per_year"));
            AssertStat(delays.GetProperty("per_1000_adults_per_year"));
            Assert.Equal(11, delays.GetProperty("by_reason").EnumerateObject().Count());
            Assert.Equal(12, delays.GetProperty("months").GetArrayLength());
        }
        var economics = root.GetProperty("economics");
        Assert.False(string.IsNullOrEmpty(economics.GetProperty("statement").GetString()));
        var nhs = economics.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("organisation").GetString() == "nhs");
        Assert.Equal(13_300_000m, nhs.GetProperty("savings").GetProperty("gap").GetDecimal());
        int unacceptable = 0;
        foreach (var v in variants.Skip(1))
        {
            var versus = v.GetProperty("versus_baseline");
            AssertStat(versus.GetProperty("delayed_days_avoided_per_year"));
            AssertStat(versus.GetProperty("total_cost"));
            AssertStat(versus.GetProperty("unmet_demand"));
            // The share of a savings gap closed is reported for acceptable options only.
            bool acceptable = v.GetProperty("appraisal").GetProperty("acceptable").GetBoolean();
            Assert.Equal(acceptable ? JsonValueKind.Object : JsonValueKind.Null, versus.GetProperty("savings_gap_closed").ValueKind);
            unacceptable += acceptable ? 0 : 1;
        }
        Assert.True(unacceptable > 0, "the example has options the appraisal does not accept");
        AssertStat(variants[0].GetProperty("costs").GetProperty("total"));
        // Unmet demand beside the total: the example prices electives turned away at its elective price, hours waiting at nothing.
        var unmet = variants[0].GetProperty("costs").GetProperty("unmet_demand");
        Assert.Equal(["total", "electives_turned_away", "hours_waiting_for_bed", "paid_by", "in_total"], unmet.EnumerateObject().Select(p => p.Name));
        AssertStat(unmet.GetProperty("total"));
        Assert.Equal(0, unmet.GetProperty("hours_waiting_for_bed").GetProperty("mean").GetDouble());
        Assert.Equal(("nhs", false), (unmet.GetProperty("paid_by").GetString(), unmet.GetProperty("in_total").GetBoolean()));
        Assert.Equal(JsonValueKind.Object, variants[0].GetProperty("costs").GetProperty("pooled_fund").ValueKind);
        Assert.Equal(output.TrimEnd('\n'), File.ReadAllText(Path.Combine(folder, "results.json")).TrimEnd('\n'));
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run-info.json")));
        Assert.True(info.RootElement.GetProperty("elapsed_seconds").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(folder, "daily-baseline.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "sitrep-step_up_beds_10__.csv")));
        Assert.StartsWith("Delayed transfers of care", File.ReadAllText(Path.Combine(folder, "sitrep-baseline.csv")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(folder)); // no staging folder left behind
        Directory.Delete(folder, recursive: true);
    }

    private static void AssertStat(JsonElement stat)
    {
        Assert.Equal(["mean", "ci95"], stat.EnumerateObject().Select(p => p.Name));
        var ci = stat.GetProperty("ci95");
        if (ci.ValueKind == JsonValueKind.Array)
        {
            Assert.Equal(2, ci.GetArrayLength());
            double mean = stat.GetProperty("mean").GetDouble();
            Assert.InRange(mean, ci[0].GetDouble() - 1e-9, ci[1].GetDouble() + 1e-9);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, ci.ValueKind);
        }
    }

    [Fact]
    public void Two_runs_with_the_same_seed_write_byte_identical_results_whatever_the_threads()
    {
        string file = Cli.WriteTiny();
        string a = Cli.TempFolder(), b = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("run", file, "--out", a, "--threads", "1").Code);
        Assert.Equal(0, Cli.Run("run", file, "--out", b, "--threads", "2").Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "results.json")), File.ReadAllBytes(Path.Combine(b, "results.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "daily-more_ic.csv")), File.ReadAllBytes(Path.Combine(b, "daily-more_ic.csv")));
        Directory.Delete(a, true);
        Directory.Delete(b, true);
    }

    [Fact]
    public void A_variant_equal_to_the_baseline_gives_identical_results()
    {
        string file = Cli.WriteTiny();
        string folder = Cli.TempFolder();
        var (code, output, _) = Cli.Run("run", file, "--out", folder, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var variants = json.RootElement.GetProperty("variants").EnumerateArray().ToList();
        static string Body(JsonElement v) => string.Join(",", v.EnumerateObject().Where(p => p.Name is not ("name" or "description" or "versus_baseline" or "harms_versus_baseline" or "appraisal")).Select(p => p.Value.GetRawText()));
        Assert.Equal(Body(variants[0]), Body(variants[1]));
        Assert.NotEqual(Body(variants[0]), Body(variants[2]));
        // Every paired difference of the identical variant is exactly zero, with a zero-width interval.
        var versus = variants[1].GetProperty("versus_baseline");
        int stats = 0;
        void Zero(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("mean", out var mean))
            {
                Assert.Equal(0, mean.GetDouble());
                Assert.Equal("[0,0]", e.GetProperty("ci95").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
                stats++;
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    Zero(p.Value);
                }
            }
        }
        Zero(versus);
        Zero(variants[1].GetProperty("harms_versus_baseline"));
        Assert.True(stats >= 18, $"{stats} statistics checked");
        // Nothing worse, nothing better: no harm, not dominated, and no delays avoided to recommend it for.
        // Tiny's baseline overloads intermediate care on purpose, and so does its copy: unstable for
        // that, and for nothing else.
        var appraisal = variants[1].GetProperty("appraisal");
        Assert.False(appraisal.GetProperty("dominated").GetBoolean());
        var reasons = appraisal.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
        Assert.DoesNotContain("harm_worse", reasons);
        Assert.Contains("unstable", reasons);
        Assert.Equal(variants[0].GetProperty("stability").GetRawText(), variants[1].GetProperty("stability").GetRawText());
        Assert.Equal(JsonValueKind.Null, versus.GetProperty("cost_per_delayed_day_avoided").ValueKind);
        Assert.False(versus.GetProperty("avoids_delays_clearly").GetBoolean());
        Assert.False(variants[0].TryGetProperty("versus_baseline", out _));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void The_summary_table_shows_every_variant_with_intervals_and_where_the_results_are()
    {
        string file = Cli.WriteTiny();
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("run", file, "--out", folder);
        Assert.Equal(0, code);
        Assert.Equal("", Cli.WithoutSizingWarnings(error));
        Assert.Contains("Variant", output, StringComparison.Ordinal); // headings wrap to the 80 columns of a redirected output
        Assert.Contains("more_ic", output, StringComparison.Ordinal);
        Assert.Contains("±", output, StringComparison.Ordinal);
        Assert.Contains($"Results: {Path.GetFullPath(folder)}", output, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void An_invalid_scenario_exits_2_with_positions_and_writes_nothing()
    {
        string file = Cli.WriteTiny();
        File.WriteAllText(file, Cli.Tiny.Replace("capacity: 20", "capacity: -20", StringComparison.Ordinal));
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("run", file, "--out", folder);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"{file}:11:", error, StringComparison.Ordinal);
        Assert.Contains("services.acute.capacity: capacity must be at least 0, but was -20.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("validate", 0, "valid")]
    [InlineData("validate-missing", 2, "the file does not exist.")]
    public void Validate_exits_0_for_a_valid_file_and_2_otherwise(string which, int expected, string mentioned)
    {
        string file = which == "validate" ? Cli.WriteTiny() : Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.yaml");
        var (code, output, error) = Cli.Run("validate", file);
        Assert.Equal(expected, code);
        Assert.Contains(mentioned, output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--replications", "0")]
    [InlineData("--replications", "many")]
    [InlineData("--threads", "-1")]
    public void Bad_run_options_exit_2(string option, string value)
    {
        var (code, _, error) = Cli.Run("run", Cli.WriteTiny(), option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }
}

public class RunCommandMistakeTests
{
    [Fact]
    public void Output_and_option_mistakes_are_caught_before_the_run_with_exit_code_2()
    {
        string file = Cli.WriteTiny();
        string notAFolder = Path.GetTempFileName();
        var (code, output, error) = Cli.Run("run", file, "--out", notAFolder);
        Assert.Equal(2, code);
        Assert.Contains("is a file, not a folder", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(2, Cli.Run("run", file, "--replications", "200000").Code);
        Assert.Equal(2, Cli.Run("run", file, "--out", "").Code);
        Assert.Equal(2, Cli.Run("validate", "").Code);
        Assert.DoesNotContain("   at ", Cli.Run("validate", "").Err, StringComparison.Ordinal);
    }
}
