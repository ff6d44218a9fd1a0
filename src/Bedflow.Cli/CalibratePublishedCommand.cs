using System.CommandLine;
using System.Globalization;
using System.Text;
using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>`bedflow calibrate published SCENARIO --la CODE --from YYYY-MM --to YYYY-MM --out FILE`: the scenario's unknown parameters fitted by simulation to a council's published months.</summary>
internal static class CalibratePublishedCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML), with a calibrate: section naming its unknown parameters and their ranges." };
        var la = new Option<string>("--la") { Description = "The council's code (E-code or old numeric code), e.g. E10000025.", Required = true };
        var from = new Option<string>("--from") { Description = "First month of the fitting window, YYYY-MM.", Required = true };
        var to = new Option<string>("--to") { Description = "Last month, YYYY-MM.", Required = true };
        var outFile = new Option<string>("--out") { Description = "The calibrated scenario to write.", Required = true };
        var db = RegisterCommand.Db();
        var engine = new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres." };
        var replications = Options.PositiveInt("--replications", "Replications for each candidate (default 4).", 4);
        var evaluations = Options.PositiveInt("--evaluations", "Candidates to simulate in all (default 60).", 60);
        var report = new Option<string?>("--report") { Description = "Where to write the calibration report (default: calibration-published.html beside --out)." };
        var command = new Command("published", "Fit the scenario's unknown parameters (its calibrate: section) by simulation to a council's published monthly delayed days by reason and organisation.")
        {
            file, la, from, to, outFile, db, engine, replications, evaluations, report,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string path = parse.GetValue(file)!;
            string target = parse.GetValue(outFile)!;
            string reportPath = parse.GetValue(report) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".", "calibration-published.html");
            if (CalibrateCommand.OutputProblem(path, target, reportPath, parse.GetValue(db)) is { } outProblem)
            {
                error.WriteLine($"bedflow: {outProblem}");
                return ExitCodes.UsageError;
            }
            string? first = RegisterPublishedCommands.Month(parse.GetValue(from)), last = RegisterPublishedCommands.Month(parse.GetValue(to));
            if (first is null || last is null || string.CompareOrdinal(first, last) > 0)
            {
                error.WriteLine("bedflow: --from and --to must be months YYYY-MM, --from not after --to.");
                return ExitCodes.UsageError;
            }
            int reps = parse.GetValue(replications) ?? 4, budget = parse.GetValue(evaluations) ?? 60;
            var load = ScenarioFile.Load(path);
            foreach (var p in load.Problems.Where(p => !p.IsWarning))
            {
                error.WriteLine(p.ToString());
            }
            if (!load.IsValid)
            {
                return ExitCodes.UsageError;
            }
            var scenario = load.Scenario!;
            if (scenario.Unknown.Count == 0)
            {
                error.WriteLine($"bedflow: {path} has no calibrate: section: name the unknown parameters and their ranges there (docs/scenario-reference.md, \"calibrate\").");
                return ExitCodes.UsageError;
            }
            int design = Math.Max(2, Math.Min(budget - 1, 4 * scenario.Unknown.Count + 2));
            if (budget < design + 1)
            {
                error.WriteLine($"bedflow: --evaluations must be at least {design + 1} for {scenario.Unknown.Count} parameter(s).");
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenExistingAsync(parse.GetValue(engine), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            if (await PublishedFigures.MonthsAsync(database, parse.GetValue(la)!, first, last, cancel) is not { } council)
            {
                error.WriteLine($"bedflow: no council with code '{parse.GetValue(la)}' in the published data (import it with 'bedflow register import-published').");
                return ExitCodes.UsageError;
            }
            if (council.Months.Count == 0)
            {
                error.WriteLine($"bedflow: {council.Name} has no published delayed days from {first} to {last}.");
                return ExitCodes.UsageError;
            }
            string text = File.ReadAllText(path);
            var options = scenario.Options with { Replications = reps, CountDelays = true, DailyCensus = false };
            var simulatedMonths = Covered(scenario, options);
            var missing = council.Months.Where(m => !simulatedMonths.Contains(m.Month)).Select(m => m.Month.ToString("yyyy-MM", Inv)).ToList();
            if (missing.Count > 0)
            {
                error.WriteLine($"bedflow: the scenario's reported period (from {scenario.Baseline.StartDate:yyyy-MM-dd}, {scenario.Options.HorizonDays:0} days) does not cover the whole of {string.Join(", ", missing)}: fit to months inside it, or change its start and horizon.");
                return ExitCodes.UsageError;
            }
            try
            {
                _ = Patched(text, scenario.Unknown, [.. scenario.Unknown.Select(u => u.Min)], _ => "check");
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"bedflow: cannot put fitted values into {path}: {e.Message}");
                return ExitCodes.UsageError;
            }
            var counter = new InvalidCount();
            var Simulate = Candidates(text, path, scenario.Unknown, options, council.Months, counter);
            var start = scenario.Unknown.Select(u => double.IsNaN(u.Current) ? u.Min : u.Current).ToList();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var match = HistoryMatch.Run(scenario.Unknown, start, Simulate, council.Months, design, budget, scenario.Options.Seed);
            string fitted = Patched(text, scenario.Unknown, match.Best.Values, j => Comment(match, j, council, first, last));
            // Each plausible range as the parameter's uncertainty (uniform), for run --parameter-uncertainty.
            var skipped = new List<string>();
            string source = $"{council.Name} ({council.Code}) published {first} to {last}";
            var entries = scenario.Unknown.Select((u, j) => UncertaintyEdits.Range(u, match.PlausibleRanges[j], source)).OfType<ScenarioEdit>();
            var (withUncertainty, drawn, removed) = CalibrateCommand.Uncertainty(fitted, [.. scenario.Unknown.Select(u => u.Path)], entries, skipped);
            fitted = withUncertainty;
            var check = ScenarioFile.Parse(fitted, target);
            if (!check.IsValid)
            {
                foreach (var p in check.Problems.Where(p => !p.IsWarning))
                {
                    error.WriteLine($"bedflow: the calibrated scenario would not be valid: {p}");
                }
                error.WriteLine("Nothing was written.");
                return ExitCodes.UsageError;
            }
            var before = match.Evaluated[0];
            bool plausible = match.PlausibleRanges.Any(r => r is not null);
            try
            {
                if (plausible)
                {
                    CalibrateCommand.WholeFile(target, fitted);
                }
                CalibrateCommand.WholeFile(reportPath, Reports.PublishedCalibrationReport.Html(scenario.Name, council.Name, council.Code, match, council.Months,
                    Simulate(match.Best.Values), Simulate(before.Values), RunCommand.Version));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"bedflow: cannot write the calibrated scenario: {e.Message}");
                return ExitCodes.Failure;
            }
            Print(match, council.Name, first, last, counter.Value, started.Elapsed, plausible ? target : null, reportPath, output);
            if (plausible)
            {
                foreach (string s in skipped)
                {
                    output.WriteLine($"Not written: {s}");
                }
                foreach (var (u, j) in scenario.Unknown.Select((u, j) => (u, j)).Where(x => match.PlausibleRanges[x.j] is { } r && x.u.Text(r.Min) == x.u.Text(r.Max)))
                {
                    output.WriteLine($"{u.Path}: one plausible value only, so no range to draw it from and no uncertainty: entry (more --evaluations may map the range).");
                }
                output.WriteLine(CalibrateCommand.UncertaintyLine(drawn, removed));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Counts the candidates that made the scenario invalid.</summary>
    internal sealed class InvalidCount
    {
        public int Value { get; set; }
    }

    /// <summary>
    /// Simulates the scenario's text with the unknown parameters set to each candidate's values: its
    /// baseline's complete months (the mean over replications). A candidate that makes the scenario
    /// invalid (sizing refuses a service it overloads) gets months of no delays — ruled out by any
    /// fit — and is counted.
    /// </summary>
    internal static Func<IReadOnlyList<double>, IReadOnlyList<MonthlyDelays>> Candidates(string text, string path, IReadOnlyList<UnknownParameter> unknown,
        Core.Simulation.RunOptions options, IReadOnlyList<MonthlyDelays> published, InvalidCount invalid) => values =>
        {
            // The baseline alone is fitted: a variant the candidate's values overload does not rule it out.
            var candidate = ScenarioFile.ParseBaseline(unknown.Count == 0 ? text : Patched(text, unknown, values, _ => "candidate"), path);
            if (candidate.Scenario is not { } s)
            {
                invalid.Value++;
                return [.. published.Select(m => m with { ByReason = m.ByReason.ToDictionary(kv => kv.Key, _ => 0.0), ByOrganisation = m.ByOrganisation.ToDictionary(kv => kv.Key, _ => 0.0) })];
            }
            return MonthlyDelays.Simulated(Simulator.Run(s.Baseline, options).Delays!.Replications);
        };

    private static void Print(HistoryMatch match, string council, string first, string last, int invalid, TimeSpan elapsed, string? target, string reportPath, TextWriter output)
    {
        var best = match.Best.Fit;
        output.WriteLine(string.Create(Inv, $"Fitted to {council}'s published months {first} to {last}: {match.Evaluated.Count} candidates simulated in {elapsed.TotalMinutes:0.#} min (history matching, then Nelder–Mead on common random numbers)."));
        for (int j = 0; j < match.Parameters.Count; j++)
        {
            var p = match.Parameters[j];
            string range = match.PlausibleRanges[j] is { } r ? $"plausible {p.Text(r.Min)} to {p.Text(r.Max)}" : "no plausible value";
            output.WriteLine($"  {p.Path}: {p.Text(match.Evaluated[0].Values[j])} → {p.Text(match.Best.Values[j])} ({range})");
        }
        output.WriteLine(string.Create(Inv, $"Annual delayed days {best.Simulated:N0} against {best.Published:N0} published ({best.AnnualError:+0.0%;-0.0%}); largest reason-share error {100 * best.ReasonShareErrors.Values.DefaultIfEmpty(0).Max(Math.Abs):0.0} points, organisation-share {100 * best.OrganisationShareErrors.Values.DefaultIfEmpty(0).Max(Math.Abs):0.0}, quarter-share {100 * best.QuarterShareErrors.DefaultIfEmpty(0).Max(Math.Abs):0.0}; peak in quarter {best.SimulatedPeakQuarter} (published {best.PublishedPeakQuarter})."));
        output.WriteLine(best.MeetsTargets
            ? "Every target is met (annual within 5%, reasons within 3 points, organisations within 5, quarters within 2.5, the peak in the right quarter)."
            : "The targets are NOT all met: within these ranges the scenario's structure cannot reproduce the published months (see the report's residuals for where it misses).");
        if (invalid > 0)
        {
            output.WriteLine($"{invalid} candidate(s) made the scenario invalid (e.g. a service overloaded): they were ruled out.");
        }
        output.WriteLine(target is null
            ? $"No candidate is plausible, so no calibrated scenario was written: the file keeps its assumptions. Report: {Path.GetFullPath(reportPath)}."
            : $"Written: {Path.GetFullPath(target)}; report: {Path.GetFullPath(reportPath)}.");
    }

    private static string Comment(HistoryMatch match, int j, (string Code, string Name, IReadOnlyList<MonthlyDelays> Months) council, string first, string last)
    {
        var p = match.Parameters[j];
        string range = match.PlausibleRanges[j] is { } r ? $"plausible {p.Text(r.Min)} to {p.Text(r.Max)} among the candidates not ruled out" : "no candidate was plausible";
        return string.Create(Inv, $"fitted to {council.Name} ({council.Code}) published {first} to {last}: {range}; was {p.Text(match.Evaluated[0].Values[j])}; {match.Evaluated.Count} candidates, best implausibility {match.Best.Fit.Implausibility:0.##}{(match.Best.Fit.MeetsTargets ? ", targets met" : ", targets NOT met")}");
    }

    internal static string Patched(string text, IReadOnlyList<UnknownParameter> unknown, IReadOnlyList<double> values, Func<int, string> comment) =>
        ScenarioPatch.Apply(text, [.. unknown.Select((u, j) => new ScenarioEdit(u.Path, u.Text(values[j]), comment(j)))]);

    // The calendar months the run reports in full.
    internal static HashSet<DateOnly> Covered(Scenario scenario, Core.Simulation.RunOptions options)
    {
        var start = scenario.Baseline.StartDate;
        var end = start.AddDays((int)Math.Floor(options.HorizonDays)); // first day not reported
        var months = new HashSet<DateOnly>();
        for (var m = new DateOnly(start.Year, start.Month, 1); m.AddMonths(1) <= end; m = m.AddMonths(1))
        {
            if (m >= start)
            {
                months.Add(m);
            }
        }
        return months;
    }
}
