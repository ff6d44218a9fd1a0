using System.Text;

namespace Bedflow.Cli.Tests;

/// <summary>Runs too large for the machine are refused before they start, with the estimate and what to change.</summary>
public class MemoryGuardTests
{
    [Fact]
    public void A_thousand_year_demo_is_refused_with_the_estimate_and_how_to_reduce_it_not_run_out_of_memory()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Delays are counted without an episode log, so what grows is each replication's daily
        // census and delay tables: about 3.6 GB for 10 replications of 1,000 years.
        var (code, output, error) = Cli.Run("demo", "--years", "1000", "--max-memory", "1GB");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("this run would need about", error, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 1.0 GB (--max-memory)", error, StringComparison.Ordinal);
        Assert.Contains("daily census", error, StringComparison.Ordinal);
        Assert.Contains("delay tables", error, StringComparison.Ordinal);
        Assert.DoesNotContain("episode logs", error, StringComparison.Ordinal);
        Assert.Contains("fewer --years", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"refused only after {started.Elapsed}: it must not have run");
    }

    [Fact]
    public void A_valid_scenario_of_5000_services_over_100_years_is_refused_before_the_run_and_before_the_output_folder()
    {
        // Terabytes of daily census (5,000 services × 36,500 days × 1,000 replications): over any machine's default limit.
        var yaml = new StringBuilder("""
            name: Too big
            start: 2016-04-01
            warmup: 30d
            horizon: 36500d
            replications: 1000
            seed: 1
            services:

            """);
        for (int i = 0; i < 5000; i++)
        {
            yaml.Append($"  s{i}:\n    kind: other\n    capacity: 5\n    length_of_stay: {{exponential: {{mean: 2d}}}}\n");
        }
        yaml.Append("arrivals:\n");
        for (int i = 0; i < 5000; i++)
        {
            yaml.Append($"  a{i}:\n    service: s{i}\n    rate: 1/d\n");
        }
        yaml.Append("routing:\n");
        for (int i = 0; i < 5000; i++)
        {
            yaml.Append($"  s{i}: {{home: 1}}\n");
        }
        string file = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml.ToString());
        Assert.Equal(0, Cli.Run("validate", file).Code); // a valid scenario, just too big for memory
        string folder = Cli.TempFolder();
        var (code, output, error) = Cli.Run("run", file, "--out", folder);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("this run would need about", error, StringComparison.Ordinal);
        Assert.Contains("TB of memory (daily census", error, StringComparison.Ordinal); // the largest part first
        Assert.Contains("fewer --replications", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Max_memory_is_honoured_both_ways_and_a_bad_size_is_a_usage_error()
    {
        string tiny = Cli.WriteTiny();
        Assert.Equal(0, Cli.Run("run", tiny, "--out", Cli.TempFolder(), "--max-memory", "2GB").Code);
        var (code, _, error) = Cli.Run("run", tiny, "--out", Cli.TempFolder(), "--max-memory", "1MB");
        Assert.Equal(2, code);
        Assert.Contains("more than the limit of 1.0 MB (--max-memory)", error, StringComparison.Ordinal);
        foreach (string bad in new[] { "4", "4XB", "-1GB", "0GB", "lots" })
        {
            var (badCode, _, badError) = Cli.Run("demo", "--max-memory", bad);
            Assert.Equal(2, badCode);
            Assert.Contains("--max-memory must be a size such as 4GB", badError, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("4GB", 4L * 1024 * 1024 * 1024)]
    [InlineData("512MB", 512L * 1024 * 1024)]
    [InlineData("1.5GB", 1536L * 1024 * 1024)]
    [InlineData("2 tb", 2L * 1024 * 1024 * 1024 * 1024)]
    [InlineData("64KB", 65536)]
    public void Sizes_are_read_in_powers_of_1024(string text, long bytes) => Assert.Equal(bytes, MemoryGuard.Parse(text));
}
