using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Data.Register;
using Bedflow.Data.Results;
using Bedflow.Data.Scenarios;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>
/// `bedflow forecast SCENARIO --as-of "yyyy-mm-dd hh:mm"`: the register's census of the beds at
/// that moment run forward, for the baseline and any variants; with `--backtest FROM..TO`, the
/// same from moments of the register's own history, scored against what it shows happened.
/// </summary>
internal static class ForecastCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // The days the console shows (and the last): a day, a week, a fortnight, four weeks.
    private static readonly int[] ShownDays = [1, 7, 14, 28];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML): the model run forward from the register's census." };
        var asOf = new Option<string?>("--as-of") { Description = "The moment to forecast from, \"yyyy-mm-dd hh:mm\" (or yyyy-mm-dd for its midnight), inside the register's data." };
        var days = Options.PositiveInt("--days", $"Days ahead, 1 to {ForecastSettings.MaxDays} (default 28).", 28);
        var db = RegisterCommand.Db();
        var engine = new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres." };
        var replications = Options.PositiveInt("--replications", "Replications (default 100; at least 10, the bands being quantiles of them).", 100);
        var seed = Options.Seed("--seed", "Master random seed (default: the scenario's).");
        var threads = Options.PositiveInt("--threads", "Threads (default: all cores). Never changes the numbers.", null);
        var variant = new Option<string[]>("--variant") { Description = "A variant of the scenario's variants: section to forecast beside the baseline (repeat for more).", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Print only the forecast (or back-test) JSON." };
        var outDir = new Option<string?>("--out") { Description = "Folder to write forecast.json and forecast-delayed.svg (a fan chart) to." };
        var backtest = new Option<string?>("--backtest") { Description = "Back-test instead: forecast from each moment FROM..TO (yyyy-mm-dd..yyyy-mm-dd, midnights) and score against the register." };
        var every = new Option<string?>("--every") { Description = "Days between back-test origins: 7d (default), or a whole number of days." };
        var command = new Command("forecast", "Forecast delays, occupancy and the acute queue from the register's census of the beds at a moment: baseline and variants, with prediction bands.")
        {
            file, asOf, days, db, engine, replications, seed, threads, variant, json, outDir, backtest, every,
        };
        command.SetAction(async (parse, cancel) =>
        {
            int ahead = parse.GetValue(days) ?? 28;
            if (ahead > ForecastSettings.MaxDays)
            {
                error.WriteLine($"bedflow: --days must be from 1 to {ForecastSettings.MaxDays}, but was {ahead}.");
                return ExitCodes.UsageError;
            }
            if ((parse.GetValue(replications) ?? 100) < 10)
            {
                error.WriteLine("bedflow: --replications must be at least 10: the bands are quantiles of the replications, and fewer cannot reach a 95% band's ends.");
                return ExitCodes.UsageError;
            }
            string? window = parse.GetValue(backtest);
            DateTime moment = default;
            (DateOnly From, DateOnly To) dates = default;
            int step = 7;
            if (window is null)
            {
                if (Moment(parse.GetValue(asOf)) is not { } m)
                {
                    error.WriteLine(parse.GetValue(asOf) is { } given
                        ? $"bedflow: --as-of must be a moment \"yyyy-mm-dd hh:mm\" (or a date yyyy-mm-dd), but was '{given}'."
                        : "bedflow: give --as-of \"yyyy-mm-dd hh:mm\" (the moment to forecast from), or --backtest FROM..TO.");
                    return ExitCodes.UsageError;
                }
                moment = m;
            }
            else
            {
                if (parse.GetValue(asOf) is not null)
                {
                    error.WriteLine("bedflow: --backtest forecasts from many moments: give it or --as-of, not both.");
                    return ExitCodes.UsageError;
                }
                if (Window(window) is not { } w)
                {
                    error.WriteLine($"bedflow: --backtest must be FROM..TO, two dates yyyy-mm-dd in order, but was '{window}'.");
                    return ExitCodes.UsageError;
                }
                dates = w;
                if (Every(parse.GetValue(every)) is not { } e)
                {
                    error.WriteLine($"bedflow: --every must be a whole number of days of at least 1 (7 or 7d), but was '{parse.GetValue(every)}'.");
                    return ExitCodes.UsageError;
                }
                step = e;
            }
            string? folder = parse.GetValue(outDir);
            if (folder is not null && OutProblem(folder) is { } outProblem)
            {
                error.WriteLine($"bedflow: {outProblem}");
                return ExitCodes.UsageError;
            }
            string path = parse.GetValue(file)!;
            var load = ScenarioFile.Load(path);
            ValidateCommand.Report(load, error);
            if (!load.IsValid)
            {
                return ExitCodes.UsageError;
            }
            var scenario = load.Scenario!;
            var variants = new List<ExperimentVariant> { scenario.AllVariants[0] };
            foreach (string name in parse.GetValue(variant) ?? [])
            {
                if (scenario.Variants.FirstOrDefault(v => v.Name == name) is not { } v)
                {
                    error.WriteLine($"bedflow: {path} has no variant '{name}' (its variants: {(scenario.Variants.Count == 0 ? "none" : string.Join(", ", scenario.Variants.Select(x => x.Name)))}).");
                    return ExitCodes.UsageError;
                }
                variants.Add(v);
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
            var span = RegisterSpan.Of(stays)!;
            var settings = new ForecastSettings
            {
                Days = ahead,
                Replications = parse.GetValue(replications) ?? 100,
                Seed = parse.GetValue(seed) ?? scenario.Options.Seed,
                Threads = parse.GetValue(threads),
            };
            return window is null
                ? Forecast(path, scenario.Name, variants, stays, moment, settings, scenario.Options.Warmup, parse.GetValue(json), folder, output, error)
                : Backtest(path, scenario.Baseline, stays, dates, step, span.First, span.Latest, settings, scenario.Options.Warmup, parse.GetValue(json), folder, output, error);
        });
        return command;
    }

    private static int Forecast(string path, string name, List<ExperimentVariant> variants, IReadOnlyList<ObservedStay> stays, DateTime moment,
        ForecastSettings settings, Core.Units.Days warmup, bool json, string? folder, TextWriter output, TextWriter error)
    {
        var outcome = RegisterForecast.Run(variants, stays, moment, settings, warmup);
        if (outcome.Result is not { } result)
        {
            foreach (string problem in Problems(path, outcome))
            {
                error.WriteLine($"bedflow: {problem}");
            }
            return ExitCodes.UsageError;
        }
        string text = ForecastJson.Text(name, result);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            CalibrateCommand.WholeFile(Path.Combine(folder, "forecast.json"), text + Environment.NewLine);
            CalibrateCommand.WholeFile(Path.Combine(folder, "forecast-delayed.svg"), Reports.Charts.ForecastChart.Svg(name, result));
        }
        if (json)
        {
            output.WriteLine(text);
            return ExitCodes.Ok;
        }
        Print(name, result, folder, output);
        return ExitCodes.Ok;
    }

    private static void Print(string name, ForecastResult f, string? folder, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.WriteLine(string.Create(Inv, $"{name}: forecast from the register's census at {f.AsOf:yyyy-MM-dd HH:mm}, {f.Days} days ahead, {f.Replications} replications."));
        console.WriteLine(string.Create(Inv, $"Delayed now (in the register): {f.DelayedNow}. Started from the register: {string.Join(", ", f.RegisterServices)}; the other services from the scenario's start: occupancy."));
        console.WriteLine("Bands are prediction bands — the range of what will happen in 80% / 95% of replications — not confidence intervals of the mean.");
        int[] shown = [.. ShownDays.Where(d => d < f.Days).Append(f.Days).Distinct()];
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Variant", "Day", "Date", "Delayed: mean (80%; 95%)", "vs baseline: mean (95%)", "Waiting for acute: mean (80%)");
        foreach (var v in f.Variants)
        {
            foreach (int d in shown)
            {
                var b = v.Delayed[d - 1];
                var q = v.AcuteQueue[d - 1];
                table.AddRow(Markup.Escape(v.Name), d.ToString(Inv), f.DateOf(d - 1).ToString("ddd dd MMM", Inv),
                    string.Create(Inv, $"{b.Mean.Mean:N1} ({b.Lower80:N0}–{b.Upper80:N0}; {b.Lower95:N0}–{b.Upper95:N0})"),
                    v.DelayedVersusBaseline is { } dv ? string.Create(Inv, $"{dv[d - 1].Mean.Mean:+0.0;−0.0;0.0} ({dv[d - 1].Lower95:+0;−0;0} to {dv[d - 1].Upper95:+0;−0;0})") : "–",
                    string.Create(Inv, $"{q.Mean.Mean:N1} ({q.Lower80:N0}–{q.Upper80:N0})"));
            }
        }
        console.Write(table);
        var baseline = f.Variants[0];
        var occupancy = new Table().Border(TableBorder.Simple);
        occupancy.AddColumn("Baseline occupancy, mean (80%)");
        foreach (int d in shown)
        {
            occupancy.AddColumn(string.Create(Inv, $"Day {d}"));
        }
        foreach (var s in baseline.Occupancy.Where(o => o.Days.Any(b => b.Upper95 > 0)))
        {
            occupancy.AddRow([Markup.Escape(s.Service), .. shown.Select(d => string.Create(Inv, $"{s.Days[d - 1].Mean.Mean:N0} ({s.Days[d - 1].Lower80:N0}–{s.Days[d - 1].Upper80:N0})"))]);
        }
        console.Write(occupancy);
        var reasons = baseline.ByReason.Where(r => r.Days.Any(b => b.Mean.Mean >= 0.5)).ToList();
        if (reasons.Count > 0)
        {
            console.WriteLine(string.Create(Inv, $"Baseline delayed by reason on day {shown[^1]}: {string.Join(", ", reasons.Select(r => $"{Core.Vocabulary.SitRepCodes.Code(r.Reason)} {r.Days[shown[^1] - 1].Mean.Mean:N1} ({r.Days[shown[^1] - 1].Lower80:N0}–{r.Days[shown[^1] - 1].Upper80:N0})"))}."));
        }
        if (folder is not null)
        {
            console.WriteLine($"Written: {Path.GetFullPath(Path.Combine(folder, "forecast.json"))}, forecast-delayed.svg.");
        }
    }

    private static int Backtest(string path, Network baseline, IReadOnlyList<ObservedStay> stays, (DateOnly From, DateOnly To) span, int step,
        DateTime first, DateTime latest, ForecastSettings settings, Core.Units.Days warmup, bool json, string? folder, TextWriter output, TextWriter error)
    {
        var origins = new List<DateTime>();
        for (var d = span.From; d <= span.To; d = d.AddDays(step))
        {
            origins.Add(d.ToDateTime(TimeOnly.MinValue));
        }
        var lastNeeded = span.To.ToDateTime(TimeOnly.MinValue).AddDays(settings.Days);
        if (origins[0] < first || lastNeeded > latest)
        {
            error.WriteLine(string.Create(Inv, $"bedflow: the back-test needs the register from {span.From:yyyy-MM-dd} to {lastNeeded:yyyy-MM-dd HH:mm} ({settings.Days} days after the last origin), but its data run from {first:yyyy-MM-dd HH:mm} to {latest:yyyy-MM-dd HH:mm}: choose origins from {first.AddDays(1):yyyy-MM-dd} to {latest.AddDays(-settings.Days - 1):yyyy-MM-dd}."));
            return ExitCodes.UsageError;
        }
        var problems = RegisterSnapshot.Of(baseline, stays, origins[0]).Problems;
        if (problems.Count > 0)
        {
            foreach (string p in problems)
            {
                error.WriteLine($"bedflow: {path}: {p}");
            }
            return ExitCodes.UsageError;
        }
        IReadOnlyList<ForecastOrigin> scored;
        try
        {
            var lastDay = (int)Math.Floor((origins[^1] - baseline.StartDate.ToDateTime(TimeOnly.MinValue)).TotalDays);
            var state = ModelState.Of(baseline, warmup, Math.Max(lastDay, 0), seed: settings.Seed, threads: settings.Threads);
            scored = ForecastBacktest.Run(baseline, stays, origins, latest, settings, state);
        }
        catch (Exception e) when (e is InvalidModelException or ArgumentException)
        {
            error.WriteLine($"bedflow: {path}: cannot back-test: {e.Message}");
            return ExitCodes.UsageError;
        }
        var score = ForecastBacktest.Score(scored, settings.Seed);
        var document = ForecastBacktestDocument.Of(Path.GetFileName(path), span.From, span.To, step, settings, score);
        string text = JsonSerializer.Serialize(document, ForecastJsonContext.Default.ForecastBacktestDocument);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            CalibrateCommand.WholeFile(Path.Combine(folder, "forecast-backtest.json"), text + Environment.NewLine);
        }
        if (json)
        {
            output.WriteLine(text);
            return ExitCodes.Ok;
        }
        output.WriteLine(string.Create(Inv, $"Back-test: {score.Origins.Count} forecasts from {span.From:yyyy-MM-dd} to {span.To:yyyy-MM-dd} every {step} days, {settings.Days} days ahead, {settings.Replications} replications, against the register's delayed patients each midnight."));
        output.WriteLine(string.Create(Inv, $"MAE {score.Mae:0.0}, RMSE {score.Rmse:0.0} patients; 80% bands cover {score.Coverage80 * 100:0}%, 95% bands {score.Coverage95 * 100:0}%."));
        output.WriteLine(string.Create(Inv, $"Persistence (every day = the delayed at the moment): MAE {score.PersistenceMae:0.0}, RMSE {score.PersistenceRmse:0.0}."));
        output.WriteLine(score.Skill is { } skill
            ? string.Create(Inv, $"Skill against persistence: {skill:0.00}{(score.SkillInterval is { } ci ? string.Create(Inv, $" (95% interval {ci.Lower:0.00} to {ci.Upper:0.00}, resampling whole forecasts)") : "")} — {(skill > 0 ? "better than" : "NO better than")} persistence.")
            : "Skill: undefined (persistence was exact).");
        foreach (var l in score.Leads.Where(l => l.Day is 1 or 7 or 14 or 28 || l.Day == settings.Days))
        {
            output.WriteLine(string.Create(Inv, $"  day {l.Day}: MAE {l.Mae:0.0} (persistence {l.PersistenceMae:0.0}); 80% {l.Coverage80 * 100:0}%, 95% {l.Coverage95 * 100:0}%"));
        }
        return ExitCodes.Ok;
    }

    private static string? OutProblem(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return "--out is empty: give a folder.";
        }
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            return $"--out '{full}' is a file: give a folder.";
        }
        return Path.GetDirectoryName(full) is { } parent && !Directory.Exists(parent) ? $"the folder holding --out ('{parent}') does not exist." : null;
    }

    internal static DateTime? Moment(string? text) =>
        text is not null && DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], Inv, DateTimeStyles.None, out var m) ? m : null;

    private static (DateOnly, DateOnly)? Window(string text)
    {
        var parts = text.Split("..");
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var a)
            && DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var b) && a <= b
            ? (a, b) : null;
    }

    private static int? Every(string? text)
    {
        if (text is null)
        {
            return 7;
        }
        string t = text.Trim();
        t = t.EndsWith('d') ? t[..^1] : t;
        return int.TryParse(t, NumberStyles.None, Inv, out int n) && n >= 1 ? n : null;
    }

    // What stopped the forecast, as the command words it.
    private static IEnumerable<string> Problems(string path, RegisterForecastOutcome outcome)
    {
        if (outcome.Span is null)
        {
            yield return "the register has no stays: import an extract first ('bedflow register import').";
        }
        if (outcome.OutsideData)
        {
            var span = outcome.Span!;
            yield return string.Create(Inv, $"--as-of {outcome.AsOf:yyyy-MM-dd HH:mm} is outside the register's data, which run from {span.First:yyyy-MM-dd HH:mm} to {span.Latest:yyyy-MM-dd HH:mm}: forecast from a moment the register knows.");
        }
        foreach (string p in outcome.CensusProblems)
        {
            yield return $"{path}: {p}";
        }
        foreach (var p in outcome.ModelProblems)
        {
            yield return $"{path}: cannot run from the register's census: {p.Message}";
        }
    }
}
