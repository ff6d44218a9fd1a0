using Bedflow.Data.Scenarios;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow council`: a scenario for a council from the shipped sample of the published data, and its refusals.</summary>
public class CouncilCommandTests
{
    private static readonly string Population = Cli.RepoFile("examples", "published", "population-adults-mid2018.csv");

    private static string Sample(string folder)
    {
        Directory.CreateDirectory(folder);
        string db = Path.Combine(folder, "pub.db");
        foreach (string file in new[] { "dtoc-la-days-by-reason-sample.csv", "dtoc-la-days-by-organisation-sample.csv" })
        {
            Assert.Equal(0, Cli.Run("register", "import-published", Cli.RepoFile("examples", "published", file), "--db", db).Code);
        }
        return db;
    }

    [Fact]
    public void A_council_model_is_written_calibrated_and_runs()
    {
        string folder = Cli.TempFolder();
        string db = Sample(folder);
        string written = Path.Combine(folder, "leicester.yaml");
        var (code, output, error) = Cli.Run("council", "E06000016", "--year", "2016/17", "--db", db, "--population", Population, "--out", written,
            "--replications", "2", "--candidates", "8");
        Assert.True(code == 0, error);
        Assert.Contains("Leicester (E06000016), 2016/17: 271,224 adults", output, StringComparison.Ordinal);
        Assert.Contains("Every target is met", output, StringComparison.Ordinal);
        string text = File.ReadAllText(written);
        Assert.StartsWith("# Against the published 2016/17 (8 candidates, 2 replications each):", text, StringComparison.Ordinal);
        Assert.Matches(@"\n        mean: [0-9.]+d  # calibrated to Leicester 2016-04 to 2017-03: ", text);
        Assert.True(File.Exists(Path.Combine(folder, "council-report.html")));
        var load = ScenarioFile.Load(written);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Assert.Single(load.Scenario!.Unknown);
        Assert.Equal(0, Cli.Run("validate", written).Code);
        var run = Cli.Run("run", written, "--replications", "2", "--out", Path.Combine(folder, "run"));
        Assert.True(run.Code == 0, run.Err);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_council_that_published_no_delayed_days_has_nothing_to_model()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        string reasons = Path.Combine(folder, "r.csv"), orgs = Path.Combine(folder, "o.csv"), population = Path.Combine(folder, "p.csv");
        var r = new System.Text.StringBuilder("\"Code\",\"Name\",\"Awaiting completion of assessment\",\"Awaiting public funding\",\"Awaiting further NHS non-acute care\",\"Awaiting residential home placement or availability\",\"Awaiting nursing home placement or availability\",\"Awaiting care package in own home\",\"Awaiting community equipment and adaptations\",\"Patient or family choice\",\"Disputes\",\"Housing - Patients not covered by NHS and Community Care Act\",\"Other\",\"Total Delayed Transfers of Care\",\"Period\"\n");
        var o = new System.Text.StringBuilder("\"Name\",\"NHS\",\"Social Care\",\"Both\",\"Period_year\"\n");
        for (int i = 0; i < 12; i++)
        {
            string period = new DateOnly(2016, 4, 1).AddMonths(i).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
            r.Append($"\"E06999999\",\"Noneshire\",{string.Join(",", Enumerable.Repeat("\"0\"", 12))},\"{period}\"\n");
            o.Append($"\"Noneshire\",\"0\",\"0\",\"0\",\"{period}\"\n");
        }
        File.WriteAllText(reasons, r.ToString());
        File.WriteAllText(orgs, o.ToString());
        File.WriteAllText(population, "code,adults\nE06999999,100000\n");
        string db = Path.Combine(folder, "pub.db");
        Assert.Equal(0, Cli.Run("register", "import-published", reasons, "--db", db).Code);
        Assert.Equal(0, Cli.Run("register", "import-published", orgs, "--db", db).Code);
        string target = Path.Combine(folder, "c.yaml");
        var none = Cli.Run("council", "E06999999", "--year", "2016/17", "--db", db, "--population", population, "--out", target);
        Assert.Equal(2, none.Code);
        Assert.Contains("Noneshire published no delayed days in 2016/17", none.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Bad_input_is_a_usage_error_that_says_what_is_wrong_and_writes_nothing()
    {
        string folder = Cli.TempFolder();
        string db = Sample(folder);
        string target = Path.Combine(folder, "c.yaml");
        (int Code, string Err) Council(params string[] args)
        {
            var r = Cli.Run(["council", .. args, "--out", target, "--candidates", "7", "--replications", "1"]);
            return (r.Code, r.Err);
        }

        var unknown = Council("Derbi", "--year", "2016/17", "--db", db, "--population", Population);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no council with code 'Derbi' in the published data. Did you mean E06000015 (Derby)?", unknown.Err, StringComparison.Ordinal);
        var byName = Council("Leicester", "--year", "2016/17", "--db", db, "--population", Population);
        Assert.Contains("Did you mean E06000016 (Leicester)?", byName.Err, StringComparison.Ordinal);

        var year = Council("E06000015", "--year", "2016-17", "--db", db, "--population", Population);
        Assert.Equal(2, year.Code);
        Assert.Contains("--year: '2016-17' is not a financial year here: write it with a slash, as 2016/17", year.Err, StringComparison.Ordinal);

        var partYear = Council("E06000015", "--year", "2019/20", "--db", db, "--population", Population);
        Assert.Equal(2, partYear.Code);
        Assert.Contains("Derby has no published delayed days by reason and organisation for January 2020, February 2020, March 2020 of 2019/20", partYear.Err, StringComparison.Ordinal);

        string noRow = Path.Combine(folder, "population.csv");
        File.WriteAllText(noRow, "code,adults\nE10000025,542736\n");
        var missingRow = Council("E06000015", "--year", "2016/17", "--db", db, "--population", noRow);
        Assert.Equal(2, missingRow.Code);
        Assert.Contains($"{noRow} has no row for Derby (E06000015", missingRow.Err, StringComparison.Ordinal);

        File.WriteAllText(noRow, "code,adults\nE06000015,many\n");
        var badFile = Council("E06000015", "--year", "2016/17", "--db", db, "--population", noRow);
        Assert.Equal(2, badFile.Code);
        Assert.Contains(":2", badFile.Err, StringComparison.Ordinal);
        Assert.Contains("'many' is not a number of adults", badFile.Err, StringComparison.Ordinal);

        var noPopulation = Council("E06000015", "--year", "2016/17", "--db", db);
        Assert.Equal(2, noPopulation.Code);
        Assert.Contains("--population is needed", noPopulation.Err, StringComparison.Ordinal);

        string empty = Path.Combine(folder, "empty.db");
        _ = await Data.Register.RegisterDatabase.OpenAsync(Data.Register.RegisterLocation.Sqlite(empty)); // a register with no published data
        var nothing = Council("E06000015", "--year", "2016/17", "--db", empty, "--population", Population);
        Assert.Equal(2, nothing.Code);
        Assert.Contains("the register has no published data", nothing.Err, StringComparison.Ordinal);

        var clash = Cli.Run("council", "E06000015", "--year", "2016/17", "--db", db, "--population", Population, "--out", Population);
        Assert.Equal(2, clash.Code);
        Assert.Contains("--out is the population file", clash.Err, StringComparison.Ordinal);
        var few = Cli.Run("council", "E06000015", "--year", "2016/17", "--db", db, "--population", Population, "--out", target, "--candidates", "6");
        Assert.Equal(2, few.Code);
        Assert.Contains("--candidates must be at least 7", few.Err, StringComparison.Ordinal);

        Assert.False(File.Exists(target));
        Assert.False(File.Exists(Path.Combine(folder, "council-report.html")));
        Directory.Delete(folder, true);
    }
}
