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
        Assert.Equal(b.RootElement.GetProperty("delayed_days").GetInt64(), b.RootElement.GetProperty("by_reason").EnumerateObject().Sum(p => p.Value.GetInt64()));
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
}
