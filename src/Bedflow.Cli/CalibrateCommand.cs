using System.CommandLine;
using System.Globalization;
using System.Text;
using Bedflow.Core.Calibration;
using Bedflow.Core.Statistics.Fitting;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>`bedflow calibrate register SCENARIO --out FILE`: the scenario's lengths of stay, routing and arrivals fitted to the register's stays.</summary>
internal static class CalibrateCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("calibrate", "Fit a scenario to a county's own data.");
        command.Subcommands.Add(Register(output, error));
        command.Subcommands.Add(CalibratePublishedCommand.Create(output, error));
        return command;
    }

    private static Command Register(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML) to calibrate." };
        var outFile = new Option<string>("--out") { Description = "The calibrated scenario to write: the scenario with its fitted values in place, each with a comment saying what it was fitted from.", Required = true };
        var db = RegisterCommand.Db();
        var engine = new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres (default: BEDFLOW_DB_ENGINE)." };
        var from = new Option<string?>("--from") { Description = "First day of the stays used, yyyy-mm-dd (default: the scenario's start date)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-mm-dd: the data end at its midnight (default: the register's latest time)." };
        var report = new Option<string?>("--report") { Description = "Where to write the calibration report (default: calibration-report.html beside --out)." };
        var command = new Command("register", "Fit lengths of stay (censored maximum likelihood, chosen by AIC), routing and arrivals to the register's stays.")
        {
            file, outFile, db, engine, from, to, report,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string path = parse.GetValue(file)!;
            string target = parse.GetValue(outFile)!;
            string reportPath = parse.GetValue(report) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".", "calibration-report.html");
            if (OutputProblem(path, target, reportPath, parse.GetValue(db)) is { } outProblem)
            {
                error.WriteLine($"bedflow: {outProblem}");
                return ExitCodes.UsageError;
            }
            var load = ScenarioFile.Load(path);
            ValidateCommand.Report(load, error);
            if (!load.IsValid)
            {
                return ExitCodes.UsageError;
            }
            var scenario = load.Scenario!;
            DateOnly? first = Day(parse.GetValue(from), "--from", error, out bool badFrom);
            DateOnly? last = Day(parse.GetValue(to), "--to", error, out bool badTo);
            if (badFrom || badTo)
            {
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenExistingAsync(parse.GetValue(engine), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var stays = await new DelayRegister(database).StaysAsync(cancel);
            if (stays.Count == 0)
            {
                error.WriteLine("bedflow: the register has no stays: import an extract first ('bedflow register import').");
                return ExitCodes.UsageError;
            }
            var start = (first ?? scenario.Baseline.StartDate).ToDateTime(TimeOnly.MinValue);
            var latest = stays.Max(s => Latest(s.Stay));
            // The data end at --to's midnight, or at the register's latest time (not the midnight after it: a patient still in is known to be in only until then).
            var asOf = last is { } l ? l.AddDays(1).ToDateTime(TimeOnly.MinValue) : latest.AddMinutes(1);
            if (asOf <= start)
            {
                error.WriteLine(string.Create(Inv, $"bedflow: the window is empty: it starts {start:yyyy-MM-dd} and the data end {asOf.AddDays(-1):yyyy-MM-dd}. Give --from and --to."));
                return ExitCodes.UsageError;
            }
            var evidence = RegisterEvidence.Of(stays, start, asOf);
            // A step whose parameter the calibrate: section names keeps its family, or that key would no longer exist.
            var keep = scenario.Unknown.Select(u => u.Path.Split('.')).Where(p => p is ["services", _, "length_of_stay", ..]).Select(p => p[1]).ToHashSet(StringComparer.Ordinal);
            var calibration = RegisterCalibration.Of(scenario.Baseline, evidence, keepFamily: keep);
            return Write(load, path, calibration, target, reportPath, output, error);
        });
        return command;
    }

    private static int Write(ScenarioLoad load, string path, RegisterCalibration calibration, string target, string reportPath, TextWriter output, TextWriter error)
    {
        var evidence = calibration.Evidence;
        var edits = new List<ScenarioEdit>();
        edits.AddRange(calibration.Stays.Select(s => CalibrationEdits.Stay(s, evidence)).OfType<ScenarioEdit>());
        edits.AddRange(calibration.Routing.Select(r => CalibrationEdits.Routing(r, evidence)));
        edits.AddRange(calibration.Arrivals.SelectMany(a => CalibrationEdits.Arrivals(a, evidence)));
        edits.AddRange(calibration.ProcessTimes.Select(p => CalibrationEdits.ProcessTime(p, evidence)).OfType<ScenarioEdit>());
        edits.AddRange(calibration.Choices.SelectMany(c => CalibrationEdits.Choice(c, evidence, load.Scenario!.Baseline)));
        string text = File.ReadAllText(path);
        var skipped = new List<string>();
        foreach (var edit in edits)
        {
            try
            {
                text = ScenarioPatch.Apply(text, [edit]);
            }
            catch (ArgumentException e)
            {
                // E.g. a stream made by a redirect, which has no key of its own in the file.
                skipped.Add($"{edit.Path}: {e.Message}");
            }
        }
        var applied = edits.Select(e => e.Path).Where(p => !skipped.Any(s => s.StartsWith(p + ":", StringComparison.Ordinal))).ToList();
        var uncertainty = new List<ScenarioEdit>();
        uncertainty.AddRange(calibration.Stays.Where(s => s.Fit is not null).Select(s => UncertaintyEdits.Stay($"services.{s.Service}.length_of_stay", s.Fit!.Chosen, "the register's stays")).OfType<ScenarioEdit>());
        uncertainty.AddRange(calibration.Routing.Select(UncertaintyEdits.Route).OfType<ScenarioEdit>());
        uncertainty.AddRange(calibration.Arrivals.SelectMany(UncertaintyEdits.Arrivals));
        uncertainty.AddRange(calibration.ProcessTimes.Where(p => p.Fit is not null && !p.UpperBound).Select(p => UncertaintyEdits.Stay($"services.{p.Resource}.length_of_stay", p.Fit!.Chosen, "the register's transfers")).OfType<ScenarioEdit>());
        uncertainty.AddRange(calibration.Choices.SelectMany(UncertaintyEdits.Choice));
        var (withUncertainty, drawn, removed) = Uncertainty(text, applied, uncertainty, skipped);
        text = withUncertainty;
        // The calibrated file must be a scenario the reader accepts, or nothing is written.
        var check = ScenarioFile.Parse(text, target);
        if (!check.IsValid)
        {
            foreach (var p in check.Problems.Where(p => !p.IsWarning))
            {
                error.WriteLine($"bedflow: the calibrated scenario would not be valid: {p}");
            }
            error.WriteLine("Nothing was written.");
            return ExitCodes.UsageError;
        }
        try
        {
            WholeFile(target, text);
            WholeFile(reportPath, Reports.CalibrationReport.Html(load.Scenario!.Name, calibration, RunCommand.Version));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bedflow: cannot write the calibrated scenario: {e.Message}");
            return ExitCodes.Failure;
        }
        Summary(calibration, edits.Count - skipped.Count(k => !k.StartsWith(UncertaintyEdits.Section + ".", StringComparison.Ordinal)), skipped, target, reportPath, output);
        output.WriteLine(UncertaintyLine(drawn, removed));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The text with the uncertainty: entries of the values written (<paramref name="applied"/>:
    /// an entry whose value was not written is left out), an entry already there replaced, and
    /// the section's stale entries — under a value written, not written again — removed. Returns
    /// the entries written and removed; an entry that cannot be made goes to <paramref name="skipped"/>.
    /// </summary>
    internal static (string Text, List<string> Written, List<string> Removed) Uncertainty(string text, IReadOnlyList<string> applied, IEnumerable<ScenarioEdit> entries, List<string> skipped)
    {
        var written = new List<string>();
        foreach (var entry in entries.Where(e => applied.Any(p => UncertaintyEdits.Covers(p, e.Keys[1]))))
        {
            try
            {
                text = ScenarioPatch.Apply(text, [entry]);
                written.Add(entry.Keys[1]);
            }
            catch (ArgumentException e)
            {
                skipped.Add($"{entry.Path}: {e.Message}");
            }
        }
        var removed = new List<string>();
        foreach (string stale in UncertaintyEdits.Stale(text, applied, written))
        {
            try
            {
                text = ScenarioPatch.Remove(text, UncertaintyEdits.Section, stale);
                removed.Add(stale);
            }
            catch (ArgumentException e)
            {
                // Left in place, the calibrated file is checked as a whole before anything is written.
                skipped.Add($"{UncertaintyEdits.Section}.{stale}: {e.Message}");
            }
        }
        return (text, written, removed);
    }

    internal static string UncertaintyLine(IReadOnlyList<string> written, IReadOnlyList<string> removed)
    {
        string line = written.Count == 0
            ? "No uncertainty: entry written (no value fitted had an interval or a range)."
            : string.Create(Inv, $"{written.Count} uncertainty: entr{(written.Count == 1 ? "y" : "ies")} written, one per value fitted with an interval, for 'bedflow run --parameter-uncertainty'.");
        return removed.Count == 0 ? line : line + $" Removed as stale (their values were refitted): {string.Join(", ", removed)}.";
    }

    private static void Summary(RegisterCalibration c, int written, List<string> skipped, string target, string reportPath, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var e = c.Evidence;
        console.WriteLine(string.Create(Inv, $"Calibrated from the register's stays admitted {e.From:yyyy-MM-dd} to {e.AsOf.AddDays(-1):yyyy-MM-dd}:"));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Service", "Stays (ready / censored)", "Length of stay fitted", "Mean, days (95% CI)", "Routing from stays");
        foreach (var s in c.Stays)
        {
            var routing = c.Routing.FirstOrDefault(r => r.Service == s.Service);
            string fitted = s.Fit is { } f ? StayFamily(f) : s.ByGroup ? "not fitted: by patient group" : "not fitted: " + string.Join(" ", s.Problems.Select(p => p.Message));
            table.AddRow(
                Markup.Escape(s.Service),
                s.Fit is { } fit ? string.Create(Inv, $"{fit.CompletedStays:N0} / {fit.StillIn:N0}") : "–",
                Markup.Escape(fitted),
                s.Fit is { } g ? Formatting.Number(g.Chosen.Mean.Value, "N2") + (g.Chosen.Mean.Lower is { } lo && g.Chosen.Mean.Upper is { } hi ? string.Create(Inv, $" ({lo:N2} to {hi:N2})") : "") : "–",
                routing is null ? "–" : string.Create(Inv, $"{routing.Shares.Total:N0}"));
        }
        console.Write(table);
        foreach (var a in c.Arrivals)
        {
            if (a.MayTurnAway.Count > 0)
            {
                console.WriteLine($"Warning: {string.Join(", ", a.MayTurnAway)} may be turned away at {a.Service} (a queue limit): a register holds admissions, not arrivals, so the fitted rates for {a.Service} are low by the patients turned away.");
            }
            console.WriteLine(a.Separable
                ? string.Create(Inv, $"Arrivals to {a.Service}: {a.Fit.Arrivals:N0} admissions from outside, base rate {a.Fit.BaseRate.Value:0.##} a day ({a.Fit.BaseRate.Lower:0.##} to {a.Fit.BaseRate.Upper:0.##}) for {a.Streams[0].Stream}, with its month and weekday factors.")
                : string.Create(Inv, $"Arrivals to {a.Service}: {a.Fit.Arrivals:N0} admissions from outside, {a.Scale.Value:0.###} times ({a.Scale.Lower:0.###} to {a.Scale.Upper:0.###}) the {a.Expected:N0} its {a.Streams.Count} streams expected: each stream's base rate scaled by that, its own shape kept ({string.Join(", ", a.Streams.Select(s => $"{s.Stream} {s.Was:0.#} → {s.Fitted:0.#}/d"))})."));
        }
        foreach (var p in c.ProcessTimes)
        {
            console.WriteLine(ProcessLine(p));
        }
        foreach (var ch in c.Choices)
        {
            console.WriteLine(ChoiceLine(ch));
        }
        foreach (var r in c.Routing.Where(r => r.Unplaced.Count > 0))
        {
            console.WriteLine($"Routing from {r.Service}: the scenario has no route for {string.Join(", ", r.Unplaced.Select(u => string.Create(Inv, $"{u.Count:N0} stays to {u.Destination}")))}; left out.");
        }
        if (c.NotInScenario.Count > 0)
        {
            console.WriteLine($"In the register, not in the scenario (not used): {string.Join(", ", c.NotInScenario)}.");
        }
        if (c.NotInRegister.Count > 0)
        {
            console.WriteLine($"SitRep beds with no stays in the register (still the scenario's assumptions): {string.Join(", ", c.NotInRegister)}.");
        }
        foreach (string s in skipped)
        {
            console.WriteLine($"Not written: {s}");
        }
        console.WriteLine(string.Create(Inv, $"{written} value(s) written to {Path.GetFullPath(target)}; report: {Path.GetFullPath(reportPath)}."));
    }

    private static string ProcessLine(ProcessTimeCalibration p)
    {
        string head = $"Process time of {p.Resource} (to {p.Destination})";
        if (p.Note is { } note)
        {
            return $"{head}: {note}";
        }
        string notUsed = p.NotAttributable.Count > 0 ? $" ({string.Join(", ", p.NotAttributable)} not used: another route leads where it does)" : "";
        if (p.Fit is not { } fit)
        {
            return string.Create(Inv, $"{head}: not fitted from {p.Transfers:N0} transfers ({p.Censored:N0} censored): {string.Join(" ", p.Problems.Select(x => x.Message))}{notUsed}");
        }
        var m = fit.Chosen.Mean;
        string mean = string.Create(Inv, $"mean {m.Value:0.##} days ({m.Lower:0.##} to {m.Upper:0.##})");
        return p.UpperBound
            ? string.Create(Inv, $"{head}: UPPER BOUND only, {mean}, from {p.Transfers:N0} transfers — the register cannot see {p.Destination}'s places, so the whole ready-to-leaving time is fitted; not written{notUsed}.")
            : string.Create(Inv, $"{head}: {mean} from {p.Transfers:N0} transfers from {string.Join(", ", p.From)}, {p.Censored:N0} censored when {p.Destination} filled; a delay averaged {p.MeanFreeDays:0.##} days with a place free and {p.MeanFullDays:0.##} full{notUsed}.");
    }

    private static string ChoiceLine(ChoiceCalibration c)
    {
        string head = $"Choice for {string.Join(", ", c.Services)}";
        if (c.Share is not { } share)
        {
            return $"{head}: {c.Note}";
        }
        string wait = c.Wait is { } w
            ? string.Create(Inv, $"; wait {StayFamilyWords.Code(w.Chosen.Family)}, mean {w.Chosen.Mean.Value:0.##} days ({w.Chosen.Mean.Lower:0.##} to {w.Chosen.Mean.Upper:0.##})")
            : c.Note is { } n ? $"; {n}" : "; wait not fitted: " + string.Join(" ", c.WaitProblems.Select(p => p.Message));
        return string.Create(Inv, $"{head}: {c.WithChoice:N0} of {c.Patients:N0} waited for their choice, share {share.Value:0.###} ({share.Lower:0.###} to {share.Upper:0.###}){wait}.");
    }

    private static string StayFamily(Core.Statistics.Fitting.StayFit f)
    {
        var chosen = f.Chosen;
        string name = Core.Statistics.Fitting.StayFamilyWords.Code(chosen.Family);
        string p = chosen.GoodnessOfFit.PValue is { } pv ? string.Create(Inv, $", fit p = {pv:0.00}") : "";
        return f.Fits.Count > 1 ? string.Create(Inv, $"{name} (next: {Core.Statistics.Fitting.StayFamilyWords.Code(f.Fits[1].Family)}, ΔAIC {f.Fits[1].DeltaAic:0.#}{p})") : name;
    }

    private static DateTime Latest(Core.Delays.DelayRecord s) =>
        new[] { s.Admitted, s.Ready ?? DateTime.MinValue, s.Exit ?? DateTime.MinValue }.Max();

    private static DateOnly? Day(string? text, string option, TextWriter error, out bool bad)
    {
        bad = false;
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day))
        {
            return day;
        }
        error.WriteLine($"bedflow: {option} must be a date yyyy-mm-dd, but was '{text}'.");
        bad = true;
        return null;
    }

    /// <summary>
    /// Why the calibrated scenario or its report cannot be written where asked, checked before any
    /// work: empty, a folder, in a folder that does not exist, or the same file as the scenario,
    /// the register or each other (which would overwrite the user's own file). Null when fine.
    /// </summary>
    internal static string? OutputProblem(string scenario, string target, string reportPath, string? db) =>
        OutputProblem([("the scenario itself", scenario)], target, reportPath, db);

    /// <summary>As above, against any input files (what each is, its path).</summary>
    internal static string? OutputProblem(IReadOnlyList<(string What, string Path)> given, string target, string reportPath, string? db)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return "--out is empty: give a file for the calibrated scenario.";
        }
        string full = Path.GetFullPath(target), report = Path.GetFullPath(reportPath);
        var inputs = given.Select(g => (g.What, Path: Path.GetFullPath(g.Path))).ToList();
        if (!string.IsNullOrWhiteSpace(db) && !db.Contains('=', StringComparison.Ordinal))
        {
            inputs.Add(("the register (--db)", Path.GetFullPath(db)));
        }
        foreach (var (what, p) in new[] { ("--out", full), ("the report", report) })
        {
            if (inputs.FirstOrDefault(i => string.Equals(i.Path, p, StringComparison.Ordinal)) is { What: { } input })
            {
                return $"{what} is {input}: write the calibrated scenario and its report to new files, and compare.";
            }
            if (Directory.Exists(p))
            {
                return $"{what} '{p}' is a folder: give a file.";
            }
            if (Path.GetDirectoryName(p) is { } dir && !Directory.Exists(dir))
            {
                return $"the folder of {what} ('{dir}') does not exist.";
            }
        }
        return string.Equals(full, report, StringComparison.Ordinal) ? "--out and --report are the same file: give each its own." : null;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> whole (<see cref="Data.Files.WholeFile"/>).</summary>
    internal static void WholeFile(string path, string text) => Data.Files.WholeFile.Write(path, text);
}
