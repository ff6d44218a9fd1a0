using System.Text.Json;

namespace Bedflow.Cli.Tests;

/// <summary>The published council data: import, benchmark and trend (a sample of NHS England's files, OGL).</summary>
public class RegisterPublishedTests
{
    [Fact]
    public void Oxfordshire_had_about_66000_delayed_days_in_the_year_to_june_2012_the_most_of_the_sample_and_a_seasonal_answer_with_an_interval()
    {
        string db = Path.Combine(Path.GetTempPath(), $"published-{Guid.NewGuid():N}.db");
        string reasons = Cli.RepoFile("examples", "published", "dtoc-la-days-by-reason-sample.csv");
        string orgs = Cli.RepoFile("examples", "published", "dtoc-la-days-by-organisation-sample.csv");
        Assert.Equal(2, Cli.Run("register", "import-published", orgs, "--db", db).Code); // names need the by-reason file first
        var (code, output, error) = Cli.Run("register", "import-published", reasons, "--db", db);
        Assert.True(code == 0, error);
        Assert.Contains("kept as missing, not zero", output, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("register", "import-published", orgs, "--db", db).Code);

        var (bCode, bJson, _) = Cli.Run("register", "benchmark", "--la", "608", "--from", "2011-07", "--to", "2012-06", "--db", db, "--json");
        Assert.Equal(0, bCode);
        using var b = JsonDocument.Parse(bJson);
        Assert.Equal(66_052, b.RootElement.GetProperty("delayed_days").GetInt64()); // the seeds' "about 66,000 days"
        Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("by_reason").GetProperty("O").ValueKind); // "Other" began in April 2017: no data, not zero
        Assert.Equal(b.RootElement.GetProperty("delayed_days").GetInt64(), b.RootElement.GetProperty("by_reason").EnumerateObject().Where(p => p.Name != "O").Sum(p => p.Value.GetInt64()));
        Assert.Equal(b.RootElement.GetProperty("councils").GetInt32(), b.RootElement.GetProperty("rank").GetInt32()); // the most in the sample
        Assert.True(b.RootElement.GetProperty("by_organisation").GetProperty("nhs").GetInt64() > 0);
        Assert.Contains("favours small councils", b.RootElement.GetProperty("warning").GetString(), StringComparison.Ordinal);

        string population = Path.Combine(Path.GetTempPath(), $"population-{Guid.NewGuid():N}.csv");
        File.WriteAllText(population, "code,adults\nE10000025,510000\nE10000002,400000\nE06000054,390000\nE06000016,270000\nE06000015,200000\n");
        var (rCode, rJson, _) = Cli.Run("register", "benchmark", "--la", "E10000025", "--from", "2011-07", "--to", "2012-06", "--population", population, "--db", db, "--json");
        Assert.Equal(0, rCode);
        using var r = JsonDocument.Parse(rJson);
        Assert.Equal(66_052.0 / 366 / 510_000 * 100_000, r.RootElement.GetProperty("rate_per_100k_adults").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, r.RootElement.GetProperty("warning").ValueKind);

        var (tCode, tJson, tError) = Cli.Run("register", "trend", "--la", "E10000025", "--months", "2012-01,2012-06", "--db", db, "--json");
        Assert.True(tCode == 0, tError);
        using var t = JsonDocument.Parse(tJson);
        var change = t.RootElement.GetProperty("change");
        Assert.Equal(2, change.GetProperty("seasonal_ci95").GetArrayLength());
        double seasonal = change.GetProperty("seasonal").GetDouble();
        Assert.InRange(seasonal, change.GetProperty("seasonal_ci95")[0].GetDouble(), change.GetProperty("seasonal_ci95")[1].GetDouble());
        Assert.Equal(12, t.RootElement.GetProperty("seasonal_by_month").EnumerateObject().Count());
        Assert.Equal(0, t.RootElement.GetProperty("seasonal_by_month").EnumerateObject().Sum(p => p.Value.GetDouble()), 9);

        Assert.Equal(2, Cli.Run("register", "benchmark", "--la", "XYZ", "--from", "2011-07", "--to", "2012-06", "--db", db).Code);
        Assert.Equal(2, Cli.Run("register", "trend", "--la", "608", "--months", "2030-01,2030-06", "--db", db).Code);
        Assert.Equal(2, Cli.Run("register", "benchmark", "--la", "608", "--from", "2012-06", "--to", "2011-07", "--db", db).Code);
    }

    [Fact]
    public void Months_without_data_say_no_data_in_text_and_null_in_json_never_zero_or_nan()
    {
        string db = Path.Combine(Path.GetTempPath(), $"published-{Guid.NewGuid():N}.db");
        Assert.Equal(0, Cli.Run("register", "import-published", ThreeYearsWithFebruary2013Missing(), "--db", db).Code);

        // February 2013: every reason NA.
        var (code, text, _) = Cli.Run("register", "benchmark", "--la", "E10000025", "--from", "2013-02", "--to", "2013-02", "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("no data for Oxfordshire", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 delayed days", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rank 0", text, StringComparison.Ordinal);
        var (_, json, _) = Cli.Run("register", "benchmark", "--la", "E10000025", "--from", "2013-02", "--to", "2013-02", "--db", db, "--json");
        using (var b = JsonDocument.Parse(json))
        {
            Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("delayed_days").ValueKind);
            Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("rank").ValueKind);
            Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("by_reason").GetProperty("A").ValueKind);
            Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("by_organisation").GetProperty("nhs").ValueKind);
        }

        // The missing month spoils every centred average that spans it: August has no seasonal effect left.
        var (tCode, trend, tError) = Cli.Run("register", "trend", "--la", "E10000025", "--months", "2013-01,2013-02", "--db", db);
        Assert.True(tCode == 0, tError);
        Assert.Contains("Aug no data", trend, StringComparison.Ordinal);
        Assert.Contains("No data for Oxfordshire in 2013-02", trend, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", trend, StringComparison.Ordinal);
        var (_, tJson, _) = Cli.Run("register", "trend", "--la", "E10000025", "--months", "2013-01,2013-02", "--db", db, "--json");
        using var t = JsonDocument.Parse(tJson);
        Assert.Equal(JsonValueKind.Null, t.RootElement.GetProperty("seasonal_by_month").GetProperty("Aug").ValueKind);
        Assert.Equal(JsonValueKind.Null, t.RootElement.GetProperty("change").GetProperty("change").ValueKind);
        Assert.Equal(JsonValueKind.Null, t.RootElement.GetProperty("dtoc_beds")[22].ValueKind);
    }

    [Fact]
    public void England_is_the_national_comparator_in_benchmark_and_trend()
    {
        string db = Path.Combine(Path.GetTempPath(), $"published-{Guid.NewGuid():N}.db");
        string reasons = Cli.RepoFile("examples", "published", "dtoc-la-days-by-reason-sample.csv");
        Assert.Equal(0, Cli.Run("register", "import-published", reasons, "--db", db).Code);
        // England's own published totals, July 2011 to June 2012 (the sample's "Total Delayed Transfers of Care").
        long total = 115_517 + 117_297 + 117_194 + 116_878 + 114_705 + 112_096 + 111_934 + 109_532 + 119_736 + 108_482 + 119_331 + 110_348;
        var (code, json, error) = Cli.Run("register", "benchmark", "--la", "England", "--from", "2011-07", "--to", "2012-06", "--db", db, "--json");
        Assert.True(code == 0, error);
        using var b = JsonDocument.Parse(json);
        Assert.Equal("E92000001", b.RootElement.GetProperty("council").GetString());
        Assert.True(b.RootElement.GetProperty("national").GetBoolean());
        Assert.Equal(total, b.RootElement.GetProperty("delayed_days").GetInt64());
        Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("rank").ValueKind);
        var (_, text, _) = Cli.Run("register", "benchmark", "--la", "-", "--from", "2011-07", "--to", "2012-06", "--db", db);
        Assert.Contains("the national total, not ranked", text, StringComparison.Ordinal);
        var (tCode, trend, tError) = Cli.Run("register", "trend", "--la", "E92000001", "--db", db);
        Assert.True(tCode == 0, tError);
        Assert.StartsWith("England (E92000001)", trend, StringComparison.Ordinal);
    }

    /// <summary>Oxfordshire, April 2011 to March 2014, with every reason NA in February 2013.</summary>
    private static string ThreeYearsWithFebruary2013Missing()
    {
        var lines = new List<string> { File.ReadLines(Cli.RepoFile("examples", "published", "dtoc-la-days-by-reason-sample.csv")).First() };
        var first = new DateOnly(2011, 4, 1);
        for (int i = 0; i < 36; i++)
        {
            var month = first.AddMonths(i);
            string period = month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
            string cells = month == new DateOnly(2013, 2, 1)
                ? string.Join(",", Enumerable.Repeat("\"NA\"", 12))
                : string.Join(",", Enumerable.Range(0, 11).Select(k => $"\"{100 + (10 * k) + (month.Month * 3) + i}\"").Append("\"0\""));
            lines.Add($"\"E10000025\",\"Oxfordshire\",{cells},\"{period}\"");
        }
        string path = Path.Combine(Path.GetTempPath(), $"reasons-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void A_bad_population_file_is_a_usage_error_naming_each_bad_line_and_column()
    {
        string population = Path.Combine(Path.GetTempPath(), $"population-{Guid.NewGuid():N}.csv");
        File.WriteAllText(population, "code,adults\nE10000025,510000\nE10000002,many\n");
        string db = Path.Combine(Path.GetTempPath(), $"never-opened-{Guid.NewGuid():N}.db");
        var (code, output, error) = Cli.Run("register", "benchmark", "--la", "E10000025", "--from", "2011-07", "--to", "2012-06", "--population", population, "--db", db);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"{population}:3: adults: 'many' is not a number of adults above 0 (such as E10000025,510000).\n", error.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(db));
        File.Delete(population);
    }
}
