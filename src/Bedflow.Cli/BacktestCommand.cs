using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>
/// `bedflow backtest SCENARIO --la CODE --fit YYYY-MM..YYYY-MM --test YYYY-MM..YYYY-MM`: fit the
/// scenario's unknown parameters on one window of a council's published months, forecast the next
/// and score the forecast against what was published, beside two naive forecasts.
/// </summary>
internal static class BacktestCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML); its calibrate: section, if any, names what is fitted on the fitting window." };
        var la = new Option<string>("--la") { Description = "The council's code, e.g. E10000025.", Required = true };
        var fit = new Option<string>("--fit") { Description = "The fitting window, YYYY-MM..YYYY-MM.", Required = true };
        var test = new Option<string>("--test") { Description = "The test window forecast and scored, YYYY-MM..YYYY-MM, after the fitting window.", Required = true };
        var db = RegisterCommand.Db();
        var engine = new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres." };
        var replications = Options.PositiveInt("--replications", "Replications of the forecast (its prediction intervals; default 20).", 20);
        var fitReplications = Options.PositiveInt("--fit-replications", "Replications for each candidate while fitting (default 4).", 4);
        var evaluations = Options.PositiveInt("--evaluations", "Candidates to simulate while fitting (default 40).", 40);
        var json = new Option<bool>("--json") { Description = "Print only the scorecard JSON." };
        var outDir = new Option<string?>("--out") { Description = "Folder to write the scorecard (backtest.json) and its chart (backtest.svg) to." };
        var command = new Command("backtest", "Fit on one window of a council's published months, forecast the next, and score the forecast against what was published.")
        {
            file, la, fit, test, db, engine, replications, fitReplications, evaluations, json, outDir,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (Window(parse.GetValue(fit)) is not var (fitFrom, fitTo) || Window(parse.GetValue(test)) is not var (testFrom, testTo) || testFrom <= fitTo)
            {
                error.WriteLine("bedflow: --fit and --test must be windows YYYY-MM..YYYY-MM, each in order, the test after the fit.");
                return ExitCodes.UsageError;
            }
            if ((parse.GetValue(replications) ?? 20) < 10)
            {
                error.WriteLine("bedflow: --replications must be at least 10: the prediction intervals are quantiles of the replications, and fewer cannot reach a 95% interval's ends.");
                return ExitCodes.UsageError;
            }
            if (parse.GetValue(outDir) is { } dir && File.Exists(dir))
            {
                error.WriteLine($"bedflow: --out {dir} is a file: give a folder for backtest.json and backtest.svg.");
                return ExitCodes.UsageError;
            }
            string path = parse.GetValue(file)!;
            var load = ScenarioFile.Load(path);
            foreach (var p in load.Problems.Where(p => !p.IsWarning))
            {
                error.WriteLine(p.ToString());
            }
            if (!load.IsValid)
            {
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenExistingAsync(parse.GetValue(engine), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            // The published series from a year before the test (the naive forecasts need it) or the fit, whichever is earlier.
            var seriesFrom = new[] { fitFrom, testFrom.AddMonths(-Backtest.HistoryMonths) }.Min();
            if (await PublishedFigures.MonthsAsync(database, parse.GetValue(la)!, Text(seriesFrom), Text(testTo), cancel) is not { } council)
            {
                error.WriteLine($"bedflow: no council with code '{parse.GetValue(la)}' in the published data (import it with 'bedflow register import-published').");
                return ExitCodes.UsageError;
            }
            // The scenario run from the fitting window's first day to the end of the test window.
            string text = ScenarioPatch.Apply(File.ReadAllText(path),
            [
                new("start", fitFrom.ToString("yyyy-MM-dd", Inv), "backtest: from the fitting window"),
                new("horizon", string.Create(Inv, $"{testTo.AddMonths(1).DayNumber - fitFrom.DayNumber}d"), "backtest: to the end of the test window"),
            ]);
            // The baseline is back-tested; the options are not run (one overloaded over the longer period must not stop it).
            var shifted = ScenarioFile.ParseBaseline(text, path);
            if (shifted.Scenario is not { } scenario)
            {
                foreach (var p in shifted.Problems.Where(p => !p.IsWarning))
                {
                    error.WriteLine($"bedflow: run from {fitFrom:yyyy-MM-dd} to the end of the test window, the scenario is not valid: {p}");
                }
                return ExitCodes.UsageError;
            }
            var fitMonths = council.Months.Where(m => m.Month >= fitFrom && m.Month <= fitTo).ToList();
            var publishedMonths = council.Months.Select(m => m.Month).ToHashSet();
            if (scenario.Unknown.Count > 0 && fitMonths.Count == 0)
            {
                error.WriteLine($"bedflow: {council.Name} has no published months from {Text(fitFrom)} to {Text(fitTo)} to fit on.");
                return ExitCodes.UsageError;
            }
            var unpublished = Enumerable.Range(0, ((testTo.Year - testFrom.Year) * 12) + testTo.Month - testFrom.Month + 1).Select(testFrom.AddMonths).Where(m => !publishedMonths.Contains(m)).ToList();
            if (unpublished.Count > 0)
            {
                error.WriteLine($"bedflow: {council.Name} has no published figures for {string.Join(", ", unpublished.Select(Text))}: the test window must be published months.");
                return ExitCodes.UsageError;
            }
            // A dated change after the fitting window has no effect on it, so it cannot be fitted from
            // it — and its value in the file may have been fitted to the very months tested: it is
            // held at what was in force before it (the forecast knows nothing of it).
            var held = Held(text, scenario.Unknown, fitTo.AddMonths(1));
            var unknown = scenario.Unknown.Where(u => !held.Any(h => h.Parameter.Path == u.Path)).ToList();
            if (held.Count > 0)
            {
                text = CalibratePublishedCommand.Patched(text, [.. held.Select(h => h.Parameter)], [.. held.Select(h => h.Value)], _ => "backtest: dated after the fitting window, held at the value in force before it");
            }
            IReadOnlyList<double> values = [];
            HistoryMatch? match = null;
            if (unknown.Count > 0 && fitMonths.Count > 0)
            {
                var options = scenario.Options with { Replications = parse.GetValue(fitReplications) ?? 4, CountDelays = true, DailyCensus = false };
                var simulate = CalibratePublishedCommand.Candidates(text, path, unknown, options, fitMonths, new CalibratePublishedCommand.InvalidCount());
                int budget = Math.Max(parse.GetValue(evaluations) ?? 40, (4 * unknown.Count) + 4);
                match = HistoryMatch.Run(unknown, [.. unknown.Select(u => double.IsNaN(u.Current) ? u.Min : u.Current)], simulate, fitMonths,
                    (4 * unknown.Count) + 2, budget, scenario.Options.Seed);
                values = match.Best.Values;
            }
            var forecastText = unknown.Count > 0 && values.Count > 0 ? CalibratePublishedCommand.Patched(text, unknown, values, _ => "backtest fit") : text;
            var forecastScenario = ScenarioFile.ParseBaseline(forecastText, path).Scenario!;
            // A different seed from the fit's: the forecast's replications are new draws.
            var run = Simulator.Run(forecastScenario.Baseline, forecastScenario.Options with
            {
                Replications = parse.GetValue(replications) ?? 20, CountDelays = true, DailyCensus = false, Seed = forecastScenario.Options.Seed + 1,
            });
            var perReplication = run.Delays!.Replications.Select(r => MonthlyDelays.Simulated([r]).ToDictionary(m => m.Month, m => m.Total)).ToList();
            var forecasts = new List<MonthForecast>();
            for (var m = testFrom; m <= testTo; m = m.AddMonths(1))
            {
                forecasts.Add(MonthForecast.FromReplications(m, perReplication.Select(r => r[m])));
            }
            var published = council.Months.ToDictionary(m => m.Month, m => m.Total);
            var series = new List<double?>();
            for (var m = seriesFrom; m <= testTo; m = m.AddMonths(1))
            {
                series.Add(published.TryGetValue(m, out double v) ? v : null);
            }
            var problems = Backtest.Problems(seriesFrom, series, forecasts);
            if (problems.Count > 0)
            {
                error.WriteLine($"bedflow: cannot score the back-test: {problems[0]}");
                return ExitCodes.UsageError;
            }
            var card = Backtest.Score(seriesFrom, series, forecasts);
            if (parse.GetValue(outDir) is { } folder)
            {
                Directory.CreateDirectory(folder);
                CalibrateCommand.WholeFile(Path.Combine(folder, "backtest.json"), Json(council.Code, card, match, held) + "\n");
                CalibrateCommand.WholeFile(Path.Combine(folder, "backtest.svg"), Reports.Charts.BacktestChart.Svg(council.Name, card));
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(Json(council.Code, card, match, held));
                return ExitCodes.Ok;
            }
            Print(council.Name, fitFrom, fitTo, testFrom, testTo, card, match, output);
            foreach (var (parameter, value) in held)
            {
                output.WriteLine($"  held {parameter.Path} = {parameter.Text(value)} (dated after the fitting window, so not fitted: the value in force before it)");
            }
            if (parse.GetValue(outDir) is { } written)
            {
                output.WriteLine($"Written: {Path.GetFullPath(Path.Combine(written, "backtest.json"))}, backtest.svg.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The unknowns that are a dated capacity change (<c>….changes.YYYY-MM-DD</c>) on or after
    /// <paramref name="fitEnd"/>, each with the value in force before it: the latest change dated
    /// before <paramref name="fitEnd"/>, else the schedule's <c>initial</c>.
    /// </summary>
    internal static IReadOnlyList<(UnknownParameter Parameter, double Value)> Held(string text, IReadOnlyList<UnknownParameter> unknown, DateOnly fitEnd)
    {
        var held = new List<(UnknownParameter, double)>();
        foreach (var u in unknown)
        {
            var keys = u.Path.Split('.');
            if (keys.Length < 3 || keys[^2] != "changes" || !DateOnly.TryParseExact(keys[^1], "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date) || date < fitEnd)
            {
                continue;
            }
            string schedule = string.Join('.', keys[..^2]);
            string? before = ScenarioPatch.Children(text, $"{schedule}.changes")
                .Select(c => (Date: DateOnly.TryParseExact(c.Key, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d : DateOnly.MaxValue, c.Value))
                .Where(c => c.Date < fitEnd).OrderBy(c => c.Date).Select(c => c.Value).LastOrDefault()
                ?? ScenarioPatch.Value(text, $"{schedule}.initial");
            if (before is not null && double.TryParse(before, NumberStyles.Float, Inv, out double value))
            {
                held.Add((u, value));
            }
        }
        return held;
    }

    private static void Print(string council, DateOnly fitFrom, DateOnly fitTo, DateOnly testFrom, DateOnly testTo, Scorecard card, HistoryMatch? match, TextWriter output)
    {
        output.WriteLine(string.Create(Inv, $"{council}: fitted on {fitFrom:yyyy-MM} to {fitTo:yyyy-MM}, forecast {testFrom:yyyy-MM} to {testTo:yyyy-MM} against what was published (delayed days a month)."));
        if (match is not null)
        {
            for (int j = 0; j < match.Parameters.Count; j++)
            {
                output.WriteLine($"  fitted {match.Parameters[j].Path} = {match.Parameters[j].Text(match.Best.Values[j])}");
            }
        }
        output.WriteLine(string.Create(Inv, $"MAE {card.Mae:N0}, RMSE {card.Rmse:N0}; 80% intervals cover {card.Coverage80 * 100:0}% of months, 95% intervals {card.Coverage95 * 100:0}%."));
        output.WriteLine(string.Create(Inv, $"Naive forecasts: the same month last year MAE {card.SeasonalNaiveMae:N0}; the last 12 months' mean MAE {card.LastYearMeanMae:N0}."));
        output.WriteLine(card.Skill is { } skill
            ? string.Create(Inv, $"Skill against the same month last year: {skill:0.00} ({(skill > 0 ? "better than" : "NO better than")} the naive forecast).")
            : "Skill: undefined (the naive forecast was exact).");
        foreach (var m in card.Months)
        {
            output.WriteLine(string.Create(Inv, $"  {m.Month:yyyy-MM}: published {m.Actual:N0}, forecast {m.Forecast.Mean:N0} (80% {m.Forecast.Lower80:N0} to {m.Forecast.Upper80:N0}; 95% {m.Forecast.Lower95:N0} to {m.Forecast.Upper95:N0}), same month last year {m.SeasonalNaive:N0}"));
        }
    }

    private static string Json(string code, Scorecard card, HistoryMatch? match, IReadOnlyList<(UnknownParameter Parameter, double Value)> held)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("council", code);
            w.WriteNumber("mae", card.Mae);
            w.WriteNumber("rmse", card.Rmse);
            w.WriteNumber("coverage_80", card.Coverage80);
            w.WriteNumber("coverage_95", card.Coverage95);
            w.WriteNumber("naive_seasonal_mae", card.SeasonalNaiveMae);
            w.WriteNumber("naive_mean_mae", card.LastYearMeanMae);
            if (card.Skill is { } skill)
            {
                w.WriteNumber("skill", skill);
            }
            else
            {
                w.WriteNull("skill");
            }
            w.WriteStartArray("months");
            foreach (var m in card.Months)
            {
                w.WriteStartObject();
                w.WriteString("month", m.Month.ToString("yyyy-MM", Inv));
                w.WriteNumber("published", m.Actual);
                w.WriteNumber("forecast", m.Forecast.Mean);
                w.WriteStartArray("pi80");
                w.WriteNumberValue(m.Forecast.Lower80);
                w.WriteNumberValue(m.Forecast.Upper80);
                w.WriteEndArray();
                w.WriteStartArray("pi95");
                w.WriteNumberValue(m.Forecast.Lower95);
                w.WriteNumberValue(m.Forecast.Upper95);
                w.WriteEndArray();
                w.WriteNumber("naive_seasonal", m.SeasonalNaive);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("fitted");
            if (match is not null)
            {
                for (int j = 0; j < match.Parameters.Count; j++)
                {
                    w.WriteNumber(match.Parameters[j].Path, match.Best.Values[j]);
                }
            }
            w.WriteEndObject();
            w.WriteStartObject("held");
            foreach (var (parameter, value) in held)
            {
                w.WriteNumber(parameter.Path, value);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (DateOnly From, DateOnly To)? Window(string? text)
    {
        var parts = text?.Split("..") ?? [];
        if (parts.Length == 2 && RegisterPublishedCommands.Month(parts[0]) is { } a && RegisterPublishedCommands.Month(parts[1]) is { } b && string.CompareOrdinal(a, b) <= 0)
        {
            return (DateOnly.ParseExact(a + "-01", "yyyy-MM-dd", Inv), DateOnly.ParseExact(b + "-01", "yyyy-MM-dd", Inv));
        }
        return null;
    }

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", Inv);
}
