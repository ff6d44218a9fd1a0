using System.Globalization;
using System.Text;
using Bedflow.Core.Calibration;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// Writes a <see cref="CouncilDesign"/> as a scenario file (YAML), every number with a comment
/// saying where it came from, and a <c>calibrate:</c> section naming the largest stages' mean
/// times (docs/calibration.md, "A model for any council").
/// </summary>
public static class CouncilScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>England's adults as a share of all ages, mid-2018 (examples/published/README.md): for the population's total, which the published data do not give.</summary>
    public const double AdultShare = 0.786;

    /// <summary>The calibrate: ranges: each stage's mean from this fraction of its analytic value to its inverse.</summary>
    public const double RangeFactor = 0.75;

    /// <summary>
    /// The mean times named in the calibrate: section — the stages' and the choice waits', largest
    /// expected delayed days first (at most <paramref name="count"/>): each its key path and analytic value in days.
    /// </summary>
    public static IReadOnlyList<(string Path, double Days)> Calibrated(CouncilDesign design, int count)
    {
        ArgumentNullException.ThrowIfNull(design);
        return [.. design.Stages.Select(s => (Path: $"services.{s.Name}.length_of_stay.exponential.mean", Days: s.MeanDays, s.ExpectedDays))
            .Concat(design.Choices.Select(c => (Path: $"services.{c.Home}.choice.wait.exponential.mean", Days: c.MeanWait, c.ExpectedDays)))
            .OrderByDescending(x => x.ExpectedDays).ThenBy(x => x.Path, StringComparer.Ordinal).Take(Math.Max(0, count)).Select(x => (x.Path, x.Days))];
    }

    /// <summary>The scenario text for council <paramref name="code"/> (<paramref name="name"/>) of <paramref name="adults"/> adults in <paramref name="year"/>.</summary>
    public static string Yaml(CouncilDesign design, string code, string name, long adults, FinancialYear year, int calibrated)
    {
        ArgumentNullException.ThrowIfNull(design);
        var y = new StringBuilder();
        void L(string line) => y.Append(line).Append('\n');
        string yr = year.ToString();
        double total = design.Mix.Days.Values.Sum(d => d.Values.Sum());
        L($"# {name} ({code}), {yr}: a starting model written by `bedflow council` from the published data alone —");
        L($"# NHS England's delayed days by reason and by responsible organisation for the 12 months of {yr}");
        L("# and the council's adults (ONS mid-2018) — then calibrated to those months. How each number is");
        L("# made: docs/calibration.md, \"A model for any council\". Reference: docs/scenario-reference.md.");
        L($"name: {Quote($"{name} {yr} (council model)")}");
        L($"description: {Quote(string.Create(Inv, $"Template model of {name}: emergency admissions from its adults, one process-time stage per published reason and organisation, sized so nothing is overloaded; {total:N0} delayed days published in {yr}."))}");
        L($"start: {year.Start:yyyy-MM-dd}");
        L("warmup: 90d                        # places start at their mean occupancy, so a short warm-up suffices");
        L(string.Create(Inv, $"horizon: {year.Days}d"));
        L("replications: 20");
        L($"seed: {year.Start:yyyyMMdd}");
        L(string.Create(Inv, $"population: {{total: {Math.Round(adults / AdultShare):0}, adults: {adults}}}   # adults: ONS mid-2018; total estimated as adults ÷ {AdultShare} (England's adult share)"));
        L("lead_commissioner: nhs");
        L("exits: {home: P0, died: none}");
        L("");
        L("services:");
        var acute = design.Places[0];
        L($"  {CouncilPathways.Acute}:");
        L("    kind: acute");
        L(string.Create(Inv, $"    capacity: {acute.Capacity}                   # offered load {acute.RatePerDay * acute.HeldDays:0} beds (admissions × {acute.HeldDays:0.00} days held: stay, stages, choice) in the peak month plus {CouncilDesign.Margin}√load; {1000.0 * acute.Capacity / adults:0.00} per 1,000 adults"));
        L(string.Create(Inv, $"    length_of_stay: {{lognormal: {{mean: {CouncilDesign.AcuteStayMean}d, sd: 6d}}}}   # assumption: adult emergency stays"));
        L($"    start: {{occupied: {acute.Occupied}}}");
        foreach (var place in design.Places.Skip(1))
        {
            L($"  {place.Name}:");
            L($"    kind: {(place.Name == CouncilPathways.CommunityBed ? "community_hospital" : place.Name)}");
            L(string.Create(Inv, $"    capacity: {place.Capacity}                   # {place.RatePerDay:0.00} a day × {place.HeldDays:0} days = {place.RatePerDay * place.HeldDays:0.0} in use on average; the peak month's load plus {CouncilDesign.Margin}√load: almost nobody waits for a place"));
            L(string.Create(Inv, $"    length_of_stay: {{exponential: {{mean: {place.HeldDays}d}}}}   # assumption"));
            L($"    start: {{occupied: {place.Occupied}}}");
            if (design.Choices.FirstOrDefault(c => c.Home == place.Name) is { } choice)
            {
                L(string.Create(Inv, $"    choice:                         # G: {choice.ExpectedDays:N0} published days ({ResponsibilityWords.Code(choice.Responsible)}) ÷ the patients who choose ({choice.Share:0%} of those heading here)"));
                L(string.Create(Inv, $"      share: {choice.Share:0%}"));
                L($"      responsible: {ResponsibilityWords.Code(choice.Responsible)}");
                L("      wait:");
                L("        exponential:");
                L($"          mean: {Days(choice.MeanWait)}");
            }
        }
        foreach (var stage in design.Stages)
        {
            string kind = stage.Reason switch { DelayReason.A => "assessment", DelayReason.F => "equipment", _ => "other" };
            string commissioner = stage.Lead switch { Responsibility.Nhs => "nhs", Responsibility.SocialCare => "social_care", _ => "pooled" };
            L($"  {stage.Name}:                   # {stage.Pathway.What}: the patient keeps its bed");
            L($"    kind: {kind}");
            L("    role: resource");
            L("    capacity: unlimited");
            L(string.Create(Inv, $"    # Little's law, the mean below: {stage.ExpectedDays:N0} published days ({DelayReasonWords.Code(stage.Reason)}) ÷ ({design.AdmissionsPerDay:0.00} admissions a day × {design.ExposureDays:0.0} days × share {stage.Share:0.######})"));
            L("    length_of_stay:");
            L("      exponential:");
            L($"        mean: {Days(stage.MeanDays)}");
            L($"    delay_reason: {DelayReasonWords.Code(stage.Reason)}");
            L($"    commissioner: {commissioner}");
            L($"    delays_responsible: {Responsible(stage.Responsible)}   # the published organisation split, over the reasons the SitRep allows each");
        }
        L("");
        L("arrivals:");
        L("  emergency:");
        L($"    service: {CouncilPathways.Acute}");
        L(string.Create(Inv, $"    rate: {design.AdmissionsPerDay:0.###}/d                  # {CouncilDesign.AdmissionsPerAdultYear} emergency admissions a year per adult (assumption) × {adults:N0} adults"));
        L($"    monthly: [{string.Join(", ", design.MonthFactors.Select(f => f.ToString("0.0000", Inv)))}]   # the published delayed days a day of each month ÷ their mean (January first)");
        L("");
        L("routing:");
        L($"  {CouncilPathways.Acute}: {{{string.Join(", ", AcuteRoutes(design).Select(r => $"{r.To}: {r.Share.ToString(Inv)}"))}}}   # pathway shares: assumptions (docs/calibration.md)");
        foreach (var stage in design.Stages)
        {
            L($"  {stage.Name}: {{{stage.Pathway.Destination ?? "home"}: 1}}");
        }
        L($"  {CouncilPathways.CommunityBed}: {{home: 0.9, died: 0.1}}");
        L($"  {CouncilPathways.HomeCare}: {{home: 0.5, died: 0.5}}");
        L($"  {CouncilPathways.ResidentialHome}: {{died: 1}}");
        L($"  {CouncilPathways.NursingHome}: {{died: 1}}");
        var unknown = Calibrated(design, calibrated);
        if (unknown.Count > 0)
        {
            L("");
            L($"# The largest stages' and choice waits' mean times, refined by `bedflow council` (calibrate published) within {RangeFactor:0.##}× to {1 / RangeFactor:0.##}× their analytic values.");
            L("calibrate:");
            foreach (var (path, days) in unknown)
            {
                L($"  {path}: {{min: {Days(days * RangeFactor)}, max: {Days(days / RangeFactor)}}}");
            }
        }
        return y.ToString();
    }

    /// <summary>Acute's routing with its shares rounded to 6 decimals, home taking the remainder so they sum to 1 exactly.</summary>
    private static List<(string To, decimal Share)> AcuteRoutes(CouncilDesign design)
    {
        var routes = new List<(string To, decimal Share)> { ("died", (decimal)CouncilDesign.AcuteDeaths) };
        routes.AddRange(design.Stages.Select(s => (s.Name, Math.Round((decimal)s.Share, 6))));
        routes.AddRange(design.DirectShares.Select(kv => (kv.Key, Math.Round((decimal)kv.Value, 6))));
        routes.Insert(0, ("home", 1m - routes.Sum(r => r.Share)));
        return routes;
    }

    /// <summary>One organisation's word, or shares in SitRep order to 2 decimals of a percent, the largest as the rest (so they add to 100%).</summary>
    private static string Responsible(IReadOnlyDictionary<Responsibility, double> shares)
    {
        var given = SitRep.Responsibilities.Where(o => shares.GetValueOrDefault(o) >= 0.00005).ToList();
        if (given.Count == 1)
        {
            return ResponsibilityWords.Code(given[0]);
        }
        var rest = given.OrderByDescending(o => shares[o]).ThenBy(o => o).First();
        return "{" + string.Join(", ", given.Select(o => $"{ResponsibilityWords.Code(o)}: {(o == rest ? "rest" : (100 * shares[o]).ToString("0.##", Inv) + "%")}")) + "}";
    }

    private static string Days(double days) => Math.Max(0.001, Math.Round(days, 3)).ToString("0.###", Inv) + "d";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
