using System.CommandLine;
using System.Globalization;
using Bedflow.Core.Calibration;
using Bedflow.Core.Units;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>
/// `bedflow council CODE --year 2016/17 --out FILE --population FILE`: a starting scenario for any
/// English council from its published year and its adults — the template sized and set
/// analytically (<see cref="CouncilDesign"/>), then its largest stages' times refined by the
/// published calibration (docs/calibration.md, "A model for any council").
/// </summary>
internal static class CouncilCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Parameters calibrated at most: each costs 4 design candidates.</summary>
    private const int MaxCalibrated = 4;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("CODE") { Description = "The council's code (E-code or old numeric code), e.g. E06000015." };
        var year = new Option<string>("--year") { Description = "The financial year whose published months to reproduce, e.g. 2016/17.", Required = true };
        var outFile = new Option<string>("--out") { Description = "The scenario to write.", Required = true };
        var population = new Option<string?>("--population") { Description = "CSV code,adults (aged 18+), e.g. examples/published/population-adults-mid2018.csv." };
        var db = RegisterCommand.Db();
        var engine = new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres." };
        var replications = Options.PositiveInt("--replications", "Replications for each candidate (default 4).", 4);
        var candidates = Options.PositiveInt("--candidates", "Candidates to simulate in the calibration, the analytic start included (default 20; at least 7).", 20);
        var report = new Option<string?>("--report") { Description = "Where to write the calibration report (default: council-report.html beside --out)." };
        var command = new Command("council", "Write a calibrated starting scenario for a council from its published delayed days and its adults.")
        {
            code, year, outFile, population, db, engine, replications, candidates, report,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string target = parse.GetValue(outFile)!;
            string reportPath = parse.GetValue(report) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".", "council-report.html");
            if (!FinancialYear.TryParse(parse.GetValue(year)?.Trim(), out var fy, out string? yearProblem))
            {
                error.WriteLine($"bedflow: --year: {yearProblem}");
                return ExitCodes.UsageError;
            }
            if (parse.GetValue(population) is not { } populationPath)
            {
                error.WriteLine("bedflow: --population is needed: a CSV of code,adults (aged 18+) for the council's size, such as examples/published/population-adults-mid2018.csv.");
                return ExitCodes.UsageError;
            }
            if (CalibrateCommand.OutputProblem([("the population file", populationPath)], target, reportPath, parse.GetValue(db)) is { } outProblem)
            {
                error.WriteLine($"bedflow: {outProblem}");
                return ExitCodes.UsageError;
            }
            int reps = parse.GetValue(replications) ?? 4, budget = parse.GetValue(candidates) ?? 20;
            if (budget < 7)
            {
                error.WriteLine("bedflow: --candidates must be at least 7: the analytic start, a design of 6 around it for one parameter, and one step of the search.");
                return ExitCodes.UsageError;
            }
            var people = PopulationFile.Read(populationPath);
            foreach (var p in people.Problems)
            {
                error.WriteLine(p.ToString());
            }
            if (people.Adults is not { } adultsByCode)
            {
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenExistingAsync(parse.GetValue(engine), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            string asked = parse.GetValue(code)!.Trim();
            if (!await PublishedFigures.AnyAsync(database, cancel))
            {
                error.WriteLine("bedflow: the register has no published data: import NHS England's two files first with 'bedflow register import-published FILE' (docs/register.md).");
                return ExitCodes.UsageError;
            }
            string first = $"{fy.StartYear:0000}-04", last = $"{fy.StartYear + 1:0000}-03";
            if (await PublishedFigures.MonthsAsync(database, asked, first, last, cancel) is not { } council || council.Code == PublishedData.England)
            {
                var close = await PublishedFigures.CloseAsync(database, asked, cancel: cancel);
                error.WriteLine($"bedflow: no council with code '{asked}' in the published data." + (close.Count > 0 ? $" Did you mean {string.Join(", ", close)}?" : " Give its E-code or old numeric code, as 'bedflow register benchmark' lists them."));
                return ExitCodes.UsageError;
            }
            var missing = Enumerable.Range(0, 12).Select(i => fy.Start.AddMonths(i))
                .Where(m => council.Months.FirstOrDefault(x => x.Month == m) is not { } x || x.ByOrganisation.Count == 0)
                .Select(m => m.ToString("MMMM yyyy", Inv)).ToList();
            if (missing.Count > 0)
            {
                error.WriteLine($"bedflow: {council.Name} has no published delayed days by reason and organisation for {string.Join(", ", missing)} of {fy}: a model needs the whole year (import both files, or choose a year it reports in full).");
                return ExitCodes.UsageError;
            }
            var codes = await PublishedFigures.CodesAsync(database, council.Code, cancel);
            if (codes.Select(c => adultsByCode.TryGetValue(c, out long a) ? a : (long?)null).FirstOrDefault(a => a is not null) is not { } adults)
            {
                error.WriteLine($"bedflow: {populationPath} has no row for {council.Name} ({string.Join(", ", codes)}): add its adults aged 18+ (code,adults).");
                return ExitCodes.UsageError;
            }
            var design = CouncilDesign.Of(adults, fy, council.Months);
            if (design.Stages.Count + design.Choices.Count == 0)
            {
                error.WriteLine($"bedflow: {council.Name} published no delayed days in {fy}: there is nothing for a model to reproduce.");
                return ExitCodes.UsageError;
            }
            // Each parameter costs 4 design candidates; leave about as many again to the search.
            int k = Math.Clamp((budget - 3) / 8, 1, Math.Min(MaxCalibrated, design.Stages.Count + design.Choices.Count));
            string text = CouncilScenario.Yaml(design, council.Code, council.Name, adults, fy, k);
            var load = ScenarioFile.Parse(text, target);
            if (!load.IsValid)
            {
                foreach (var p in load.Problems.Where(p => !p.IsWarning))
                {
                    error.WriteLine($"bedflow: the council model would not be valid (a fault of the builder, please report it): {p}");
                }
                error.WriteLine("Nothing was written.");
                return ExitCodes.Failure;
            }
            var scenario = load.Scenario!;
            var options = scenario.Options with { Replications = reps, CountDelays = true, DailyCensus = false };
            var counter = new CalibratePublishedCommand.InvalidCount();
            var simulate = CalibratePublishedCommand.Candidates(text, target, scenario.Unknown, options, council.Months, counter);
            var started = System.Diagnostics.Stopwatch.StartNew();
            int design0 = Math.Min(budget - 1, (4 * k) + 2);
            var match = HistoryMatch.Run(scenario.Unknown, [.. scenario.Unknown.Select(u => u.Current)], simulate, council.Months, design0, budget, scenario.Options.Seed);
            var start = match.Evaluated[0].Fit;
            var best = match.Best.Fit;
            string fitted = CalibratePublishedCommand.Patched(text, scenario.Unknown, match.Best.Values, j => Comment(match, j, council.Name, first, last));
            fitted = Scorecard(start, best, match.Evaluated.Count, reps, fy) + fitted;
            var check = ScenarioFile.Parse(fitted, target);
            if (!check.IsValid)
            {
                foreach (var p in check.Problems.Where(p => !p.IsWarning))
                {
                    error.WriteLine($"bedflow: the calibrated council model would not be valid: {p}");
                }
                error.WriteLine("Nothing was written.");
                return ExitCodes.Failure;
            }
            try
            {
                CalibrateCommand.WholeFile(target, fitted);
                CalibrateCommand.WholeFile(reportPath, Reports.PublishedCalibrationReport.Html(scenario.Name, council.Name, council.Code, match, council.Months,
                    simulate(match.Best.Values), simulate(match.Evaluated[0].Values), RunCommand.Version));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"bedflow: cannot write the council model: {e.Message}");
                return ExitCodes.Failure;
            }
            output.WriteLine(string.Create(Inv, $"{council.Name} ({council.Code}), {fy}: {adults:N0} adults, {design.AdmissionsPerDay:0.0} emergency admissions a day, {scenario.Baseline.Services.Count} services ({design.Stages.Count} process-time stages); {match.Evaluated.Count} candidates of {reps} replications in {started.Elapsed.TotalMinutes:0.#} min."));
            output.WriteLine($"  analytic start: {Line(start)}");
            output.WriteLine($"  calibrated:     {Line(best)}");
            for (int j = 0; j < match.Parameters.Count; j++)
            {
                var p = match.Parameters[j];
                output.WriteLine($"  {p.Path}: {p.Text(match.Evaluated[0].Values[j])} → {p.Text(match.Best.Values[j])}");
            }
            output.WriteLine(best.MeetsTargets
                ? "Every target is met (annual within 5%, reasons within 3 points, organisations within 5, quarters within 2.5, the peak in the right quarter)."
                : "The targets are NOT all met: see the report's residuals for where the model misses.");
            if (design.Mix.Unmet > 0.5)
            {
                output.WriteLine(string.Create(Inv, $"The published organisation split cannot be made within the SitRep's table (C and I are NHS only; Di, G and H never 'both'): {design.Mix.Unmet:N0} days are held by the nearest organisation allowed."));
            }
            if (counter.Value > 0)
            {
                output.WriteLine($"{counter.Value} candidate(s) made the scenario invalid: they were ruled out.");
            }
            output.WriteLine($"Written: {Path.GetFullPath(target)}; report: {Path.GetFullPath(reportPath)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Line(PublishedFit f) => string.Create(Inv,
        $"annual {f.Simulated:N0} against {f.Published:N0} ({f.AnnualError:+0.0%;-0.0%}); reasons within {100 * f.ReasonShareErrors.Values.DefaultIfEmpty(0).Max(Math.Abs):0.0} points, organisations {100 * f.OrganisationShareErrors.Values.DefaultIfEmpty(0).Max(Math.Abs):0.0}, quarters {100 * f.QuarterShareErrors.DefaultIfEmpty(0).Max(Math.Abs):0.0}; peak quarter {f.SimulatedPeakQuarter} (published {f.PublishedPeakQuarter}); implausibility {f.Implausibility:0.00}{(f.MeetsTargets ? ", targets met" : ", targets NOT met")}");

    private static string Scorecard(PublishedFit start, PublishedFit best, int candidates, int reps, FinancialYear year) =>
        $"# Against the published {year} ({candidates} candidates, {reps} replications each):\n#   analytic start: {Line(start)}\n#   calibrated:     {Line(best)}\n";

    private static string Comment(HistoryMatch match, int j, string council, string first, string last)
    {
        var p = match.Parameters[j];
        string range = match.PlausibleRanges[j] is { } r ? $"plausible {p.Text(r.Min)} to {p.Text(r.Max)}" : "no candidate plausible";
        return $"calibrated to {council} {first} to {last}: {range}; analytic {p.Text(match.Evaluated[0].Values[j])}";
    }
}
