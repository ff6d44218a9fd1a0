using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Units;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;
using Xunit.Abstractions;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// The council template's analytic start, before any calibration: for councils of different size
/// and mix in the shipped sample of the published data, the written scenario parses, runs, and
/// reproduces the council's published 2016/17 within the calibration targets.
/// </summary>
public class CouncilScenarioTests(ITestOutputHelper log)
{
    private static readonly Lazy<Task<RegisterDatabase>> Sample = new(async () =>
    {
        string path = Path.Combine(Path.GetTempPath(), $"bedflow-council-{Guid.NewGuid():N}.db");
        var db = await RegisterDatabase.OpenAsync(RegisterLocation.Sqlite(path));
        foreach (string file in new[] { "dtoc-la-days-by-reason-sample.csv", "dtoc-la-days-by-organisation-sample.csv" })
        {
            await PublishedData.ImportAsync(db, Repo("examples", "published", file));
        }
        return db;
    });

    internal static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine([dir!.FullName, .. parts]);
    }

    internal static async Task<(CouncilDesign Design, string Yaml, IReadOnlyList<MonthlyDelays> Months)> Build(string code, long adults, string year = "2016/17", int calibrated = 3)
    {
        var fy = FinancialYear.Parse(year);
        var council = await PublishedFigures.MonthsAsync(await Sample.Value, code, $"{fy.StartYear}-04", $"{fy.StartYear + 1}-03");
        var design = CouncilDesign.Of(adults, fy, council!.Value.Months);
        return (design, CouncilScenario.Yaml(design, council.Value.Code, council.Value.Name, adults, fy, calibrated), council.Value.Months);
    }

    [Theory]
    [InlineData("E10000025", 542736)] // Oxfordshire: large county, E and C heavy, 28% "both"
    [InlineData("E06000015", 197275)] // Derby: small city, a third choice (G), almost no "both"
    [InlineData("E06000016", 271224)] // Leicester: A and B heavy, 26% "both"
    [InlineData("E10000002", 415738)] // Buckinghamshire: C and E, NHS 86%
    public async Task The_analytic_start_reproduces_the_published_year_within_the_targets(string code, long adults)
    {
        var (_, yaml, published) = await Build(code, adults);
        var load = ScenarioFile.Parse(yaml, $"{code}.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems.Select(p => p.ToString())) + "\n" + yaml);
        var scenario = load.Scenario!;
        var run = Simulator.Run(scenario.Baseline, scenario.Options with { Replications = 3, CountDelays = true, DailyCensus = false });
        var fit = PublishedFit.Of(MonthlyDelays.Simulated(run.Delays!.Replications), published);
        log.WriteLine($"{code}: annual {fit.Simulated:0} vs {fit.Published:0} ({fit.AnnualError:+0.0%}); reasons {string.Join(" ", fit.ReasonShareErrors.Select(kv => $"{kv.Key}:{100 * kv.Value:+0.0;-0.0}"))}; orgs {string.Join(" ", fit.OrganisationShareErrors.Select(kv => $"{kv.Key}:{100 * kv.Value:+0.0;-0.0}"))}; quarters {string.Join(" ", fit.QuarterShareErrors.Select(e => $"{100 * e:+0.0;-0.0}"))}; peak {fit.SimulatedPeakQuarter}/{fit.PublishedPeakQuarter}; implausibility {fit.Implausibility:0.00}");
        Assert.InRange(fit.AnnualError, -PublishedFit.AnnualTolerance, PublishedFit.AnnualTolerance);
        Assert.All(fit.ReasonShareErrors.Values, e => Assert.InRange(e, -PublishedFit.ReasonShareTolerance, PublishedFit.ReasonShareTolerance));
        Assert.All(fit.OrganisationShareErrors.Values, e => Assert.InRange(e, -PublishedFit.OrganisationShareTolerance, PublishedFit.OrganisationShareTolerance));
        Assert.True(fit.MeetsTargets, $"implausibility {fit.Implausibility:0.00}, peak {fit.SimulatedPeakQuarter} against {fit.PublishedPeakQuarter}");
    }
}
