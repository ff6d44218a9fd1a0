using System.Globalization;
using System.Text;
using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli.Tests;

/// <summary>
/// `bedflow calibrate published`: "published" months made by simulating a known scenario, imported
/// as NHS England's files are, fit a copy whose unknown capacity is wrong back to the known one.
/// </summary>
public class CalibratePublishedCommandTests
{
    internal const string Known = """
        name: Known county
        start: 2016-04-01
        warmup: 60d
        horizon: 365d
        replications: 4
        seed: 3
        services:
          acute:
            kind: acute
            capacity: 800
            length_of_stay: {exponential: {mean: 4d}}
          community_hospital:
            kind: community_hospital
            capacity: 150
            length_of_stay: {exponential: {mean: 10d}}
        arrivals:
          ed:
            service: acute
            rate: 150/d
            monthly: [1.2, 1.1, 1.0, 0.95, 0.9, 0.9, 0.9, 0.9, 0.95, 1.0, 1.05, 1.15]
        routing:
          acute: {home: 0.91, community_hospital: 0.09}
          community_hospital: {home: 1}
        """;

    private static readonly string[] ReasonColumns =
    [
        "Awaiting completion of assessment", "Awaiting public funding", "Awaiting further NHS non-acute care", "Awaiting residential home placement or availability",
        "Awaiting nursing home placement or availability", "Awaiting care package in own home", "Awaiting community equipment and adaptations", "Patient or family choice",
        "Disputes", "Housing - Patients not covered by NHS and Community Care Act", "Other",
    ];

    // The months the known scenario makes, written as NHS England's two published files for a made-up council.
    internal static (string Reasons, string Organisations) Published(string folder, string? text = null)
    {
        string known = Path.Combine(folder, "known.yaml");
        File.WriteAllText(known, text ?? Known);
        var scenario = ScenarioFile.Load(known).Scenario!;
        var run = Simulator.Run(scenario.Baseline, scenario.Options with { Replications = 8, CountDelays = true, DailyCensus = false, Seed = 99 });
        var months = MonthlyDelays.Simulated(run.Delays!.Replications);
        var reasons = new StringBuilder("\"Code\",\"Name\"," + string.Join(",", ReasonColumns.Select(c => $"\"{c}\"")) + ",\"Total Delayed Transfers of Care\",\"Period\"\n");
        var orgs = new StringBuilder("\"Name\",\"NHS\",\"Social Care\",\"Both\",\"Period_year\"\n");
        foreach (var m in months)
        {
            string period = m.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            long[] days = [.. SitRep.Reasons.Select(r => (long)Math.Round(m.ByReason[r]))];
            reasons.Append(CultureInfo.InvariantCulture, $"\"E06999999\",\"Knownshire\",{string.Join(",", days.Select(d => $"\"{d}\""))},\"{days.Sum()}\",\"{period}\"\n");
            orgs.Append(CultureInfo.InvariantCulture, $"\"Knownshire\",\"{Math.Round(m.ByOrganisation[Responsibility.Nhs])}\",\"{Math.Round(m.ByOrganisation[Responsibility.SocialCare])}\",\"{Math.Round(m.ByOrganisation[Responsibility.Both])}\",\"{period}\"\n");
        }
        string r = Path.Combine(folder, "by-reason.csv"), o = Path.Combine(folder, "by-organisation.csv");
        File.WriteAllText(r, reasons.ToString());
        File.WriteAllText(o, orgs.ToString());
        return (r, o);
    }

    [Fact]
    public void Published_months_of_a_known_capacity_fit_a_wrong_one_back_within_its_plausible_range()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        var (reasons, orgs) = Published(folder);
        string db = Path.Combine(folder, "register.db");
        Assert.Equal(0, Cli.Run("register", "import-published", reasons, "--db", db).Code);
        Assert.Equal(0, Cli.Run("register", "import-published", orgs, "--db", db).Code);
        string guess = Path.Combine(folder, "guess.yaml");
        File.WriteAllText(guess, Known.Replace("capacity: 150", "capacity: 240", StringComparison.Ordinal) + """

            calibrate:
              services.community_hospital.capacity: {min: 120, max: 250}
            """);
        string calibrated = Path.Combine(folder, "calibrated.yaml");
        var (code, output, error) = Cli.Run("calibrate", "published", guess, "--la", "E06999999", "--from", "2016-04", "--to", "2017-03",
            "--db", db, "--out", calibrated, "--replications", "4", "--evaluations", "24");
        Assert.True(code == 0, error);
        var fitted = ScenarioFile.Load(calibrated).Scenario!.Baseline;
        var capacity = fitted.Services[fitted.ServiceIndex("community_hospital")].Capacity.At(0).Places;
        // The published months are another seed's eight replications, the candidates four of their own:
        // as with a real county, the data are one draw and the model a mean, so the fit is close, not exact.
        Assert.InRange(capacity, 140, 160);
        Assert.Matches(@"capacity: 240 → \d+ \(plausible \d+ to \d+\)", output);
        string text = File.ReadAllText(calibrated);
        Assert.Matches(@"capacity: \d+  # fitted to Knownshire \(E06999999\) published 2016-04 to 2017-03: plausible \d+ to \d+", text);
        string report = File.ReadAllText(Path.Combine(folder, "calibration-published.html"));
        Assert.Contains("<figure id=\"overlay\"", report, StringComparison.Ordinal);
        Assert.Contains("Every candidate simulated", report, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_scenario_without_a_calibrate_section_or_a_council_not_published_is_a_usage_error()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        var (reasons, _) = Published(folder);
        string db = Path.Combine(folder, "register.db");
        Assert.Equal(0, Cli.Run("register", "import-published", reasons, "--db", db).Code);
        string known = Path.Combine(folder, "known.yaml");
        var none = Cli.Run("calibrate", "published", known, "--la", "E06999999", "--from", "2016-04", "--to", "2017-03", "--db", db, "--out", Path.Combine(folder, "c.yaml"));
        Assert.Equal(2, none.Code);
        Assert.Contains("has no calibrate: section", none.Err, StringComparison.Ordinal);
        string guess = Path.Combine(folder, "guess.yaml");
        File.WriteAllText(guess, Known + "\ncalibrate:\n  services.community_hospital.capacity: {min: 120, max: 250}\n");
        var council = Cli.Run("calibrate", "published", guess, "--la", "E00000000", "--from", "2016-04", "--to", "2017-03", "--db", db, "--out", Path.Combine(folder, "c.yaml"));
        Assert.Equal(2, council.Code);
        Assert.Contains("no council with code 'E00000000'", council.Err, StringComparison.Ordinal);
        var outside = Cli.Run("calibrate", "published", guess, "--la", "E06999999", "--from", "2018-04", "--to", "2019-03", "--db", db, "--out", Path.Combine(folder, "c.yaml"));
        Assert.Equal(2, outside.Code);
        Assert.False(File.Exists(Path.Combine(folder, "c.yaml")));
        Directory.Delete(folder, true);
    }
}
