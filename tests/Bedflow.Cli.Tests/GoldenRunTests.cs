using System.Security.Cryptography;

namespace Bedflow.Cli.Tests;

/// <summary>
/// The Oxfordshire example at 3 replications (the file's seed) against files written by the code
/// before the results writers moved to System.Text.Json and CsvHelper: results.json byte for byte,
/// and each CSV by its SHA-256. A change here is a change of the output contract (docs/results.md);
/// regenerate the golden files only for a deliberate one (REPLICATIONS=6 bench/golden/results-identical.sh save tests/Bedflow.Cli.Tests/Golden/oxfordshire-6).
/// </summary>
public class GoldenRunTests
{
    private static readonly string Golden = Cli.RepoFile("tests", "Bedflow.Cli.Tests", "Golden", "oxfordshire-6");

    [Fact]
    public void The_oxfordshire_example_writes_the_golden_results_byte_for_byte()
    {
        string folder = Cli.TempFolder();
        var (code, _, error) = Cli.Run("run", Cli.RepoFile("examples", "oxfordshire", "scenario.yaml"), "--replications", "6", "--out", folder);
        Assert.True(code == 0, error);

        byte[] expected = File.ReadAllBytes(Path.Combine(Golden, "results.json"));
        byte[] actual = File.ReadAllBytes(Path.Combine(folder, "results.json"));
        int first = FirstDifference(expected, actual);
        Assert.True(first < 0, $"results.json differs from the golden file at byte {first} (expected {expected.Length} bytes, got {actual.Length}); "
            + $"around it the run wrote: {Around(actual, first)}");

        var hashes = File.ReadAllLines(Path.Combine(Golden, "csv.sha256"))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        Assert.Equal(18, hashes.Count); // daily- and sitrep- for 9 variants
        var written = Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(hashes.Keys.Order(StringComparer.Ordinal), written);
        foreach (var (file, hash) in hashes)
        {
            string got = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));
            Assert.True(hash == got, $"{file} differs from the golden run (SHA-256 {got}, expected {hash}).");
        }
        BoardCouldDefend(Path.Combine(folder, "results.json"));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// What a board member would check first, on the same run: the recommended option treats no
    /// fewer patients and makes nobody wait longer for a bed (no significant worsening), and the
    /// options that close beds or gridlock the hospital are not acceptable, for those reasons.
    /// </summary>
    private static void BoardCouldDefend(string resultsJson)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(resultsJson));
        var root = json.RootElement;
        string recommended = root.GetProperty("economics").GetProperty("recommended").GetString()!;
        var variants = root.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        var harms = variants[recommended].GetProperty("harms_versus_baseline");
        double Low(string m) => harms.GetProperty(m).GetProperty("ci95")[0].GetDouble();
        double High(string m) => harms.GetProperty(m).GetProperty("ci95")[1].GetDouble();
        Assert.True(High("emergency_admissions_per_year") >= 0 && High("elective_admissions_per_year") >= 0, $"{recommended} treats fewer patients");
        Assert.True(Low("waiting_for_acute_bed") <= 0.5 && Low("waits_over_12_hours_per_year") <= 12, $"{recommended} lengthens the wait for a bed");
        foreach (string option in new[] { "acute_cut_150", "step_up_beds[5%]", "step_up_beds[20%]" })
        {
            var appraisal = variants[option].GetProperty("appraisal");
            Assert.False(appraisal.GetProperty("acceptable").GetBoolean(), $"{option} should not be acceptable");
            Assert.Contains(appraisal.GetProperty("reasons").EnumerateArray(),
                r => r.GetProperty("kind").GetString() == "harm_worse" && r.GetProperty("measure").GetString() == "elective_admissions_per_year");
        }
        // The step-up beds send more patients through reablement than it has places for each winter
        // (98% over the year by the flow balance, so not overloaded over the period, and not unstable):
        // what rules them out is what they do to the front door, the acute beds full on more days.
        foreach (string option in new[] { "step_up_beds[5%]", "step_up_beds[20%]" })
        {
            Assert.Contains(variants[option].GetProperty("appraisal").GetProperty("reasons").EnumerateArray(),
                r => r.GetProperty("kind").GetString() == "harm_worse" && r.GetProperty("measure").GetString() == "days_above_95_percent_per_year");
        }
        Assert.False(variants[recommended].GetProperty("stability").GetProperty("unstable").GetBoolean());
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }
        return a.Length == b.Length ? -1 : n;
    }

    private static string Around(byte[] bytes, int at)
    {
        int from = Math.Max(0, at - 80);
        return System.Text.Encoding.UTF8.GetString(bytes, from, Math.Min(bytes.Length, at + 80) - from);
    }
}
