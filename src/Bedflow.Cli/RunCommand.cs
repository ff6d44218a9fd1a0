using System.CommandLine;
using System.Reflection;
using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Data.Delays;
using Bedflow.Data.Results;
using Bedflow.Data.Scenarios;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>`bedflow run FILE`: validate, run the baseline and every variant on common random numbers, print and write the results.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)." };
        var outDir = new Option<string?>("--out") { Description = "Folder for results.json, run-info.json and the CSV series (default: results/<scenario file name>)." };
        var replications = Options.PositiveInt("--replications", "Replications (overrides the file).", null);
        var seed = Options.Seed("--seed", "Master random seed (overrides the file).");
        var threads = Options.PositiveInt("--threads", "Threads (default: all cores). Never changes the numbers.", null);
        var json = new Option<bool>("--json") { Description = "Print only the results JSON on standard output." };
        var maxMemory = MemoryGuard.Option();
        var episodes = new Option<string?>("--episodes")
        {
            Description = "Also write the baseline's first replication as a register extract (CSV, docs/register.md) to this file: "
                + "every stay in a SitRep bed, synthetic NHS numbers from the 999 test range. For calibration and its tests.",
        };
        var uncertainty = new Option<bool>("--parameter-uncertainty")
        {
            Description = "Also run every variant with each replication's parameters drawn from the scenario's uncertainty: section, "
                + "and show each headline figure's interval with the parameters' uncertainty beside the one from randomness (docs/calibration.md).",
        };
        var command = new Command("run", "Run a scenario: the baseline and every variant, with 95% confidence intervals.")
        {
            file, outDir, replications, seed, threads, json, maxMemory, episodes, uncertainty,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (string.IsNullOrWhiteSpace(path))
            {
                error.WriteLine("bedflow: FILE is empty: give the scenario file's path.");
                return ExitCodes.UsageError;
            }
            var load = ScenarioFile.Load(path);
            ValidateCommand.Report(load, error);
            if (!load.IsValid)
            {
                return ExitCodes.UsageError;
            }
            var scenario = load.Scenario!;
            bool drawParameters = parse.GetValue(uncertainty);
            if (drawParameters && scenario.Uncertainty.Count == 0)
            {
                error.WriteLine($"bedflow: --parameter-uncertainty: {path} has no uncertainty: section, so there are no parameters to draw. "
                    + "Add one (docs/scenario-reference.md, \"uncertainty\"), or let bedflow calibrate register or calibrate published write it.");
                return ExitCodes.UsageError;
            }
            var options = scenario.Options with
            {
                Replications = parse.GetValue(replications) ?? scenario.Options.Replications,
                Seed = parse.GetValue(seed) ?? scenario.Options.Seed,
                MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            string folder = parse.GetValue(outDir) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(path));
            bool jsonOnly = parse.GetValue(json);
            if (string.IsNullOrWhiteSpace(folder))
            {
                error.WriteLine("bedflow: --out is empty: give a folder for the results.");
                return ExitCodes.UsageError;
            }
            if (options.Replications > 100_000)
            {
                error.WriteLine($"bedflow: --replications can be at most 100000, but was {options.Replications}.");
                return ExitCodes.UsageError;
            }
            // What Experiment.Run keeps: every variant's census and delay figures.
            if (!MemoryGuard.Allows([.. scenario.AllVariants.Select(v => v.Network)], options with { CountDelays = true, DailyCensus = true },
                options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, parse.GetValue(maxMemory),
                "a shorter horizon in the scenario, fewer --replications, or fewer variants or services (every replication of every variant keeps its daily census and delay tables)", error))
            {
                return ExitCodes.UsageError;
            }
            string? extract = parse.GetValue(episodes);
            if (extract is not null && EpisodesProblem(extract, folder, path) is { } episodesProblem)
            {
                error.WriteLine($"bedflow: --episodes: {episodesProblem}");
                return ExitCodes.UsageError;
            }
            if (extract is not null && !MemoryGuard.Allows([scenario.Baseline], options with { Replications = 1, RecordEpisodes = true, DailyCensus = false },
                1, parse.GetValue(maxMemory), "a shorter horizon in the scenario for the extract (it keeps every stay of one replication)", error))
            {
                return ExitCodes.UsageError;
            }
            // Checked before a long run, not after it.
            var outputs = Web.Runs.RunOutputs.Names(scenario);
            if (OutputFolder.Foreign(folder, outputs) is { Count: > 0 })
            {
                error.WriteLine($"bedflow: {OutputFolder.CheckWritable(folder, outputs)}");
                return ExitCodes.UsageError;
            }
            if (OutputFolder.CheckWritable(folder, outputs) is { } outProblem)
            {
                error.WriteLine($"bedflow: {outProblem}");
                return File.Exists(folder) ? ExitCodes.UsageError : ExitCodes.Failure;
            }
            int code = Execute(load, options, folder, jsonOnly, drawParameters, output, error);
            return code == ExitCodes.Ok && extract is not null ? WriteEpisodes(scenario, options, extract, jsonOnly, output, error) : code;
        });
        return command;
    }

    private static int Execute(ScenarioLoad load, Core.Simulation.RunOptions options, string folder, bool jsonOnly, bool drawParameters, TextWriter output, TextWriter error)
    {
        var scenario = load.Scenario!;
        var variants = scenario.AllVariants.ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<VariantResult> results;
        try
        {
            results = RunWithProgress(scenario, variants, options, jsonOnly, drawParameters, output);
        }
        catch (Core.Model.InvalidModelException e)
        {
            // The model's own guard (time that does not move on): the user's mistake, said plainly, at its place in the file.
            foreach (var p in e.Problems)
            {
                error.WriteLine($"bedflow: {load.Place(p)}");
            }
            error.WriteLine("Nothing was written.");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is OutOfMemoryException or InvalidOperationException or AggregateException)
        {
            error.WriteLine($"bedflow: the run failed: {e.Message}");
            return ExitCodes.Failure;
        }
        var elapsed = started.Elapsed;
        byte[] resultsJson = Web.Runs.RunOutputs.ResultsJson(scenario, options, results);
        var files = Web.Runs.RunOutputs.Files(scenario, options, results, ThisRun(scenario, options, elapsed), resultsJson);
        try
        {
            OutputFolder.Write(folder, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bedflow: cannot write the results to '{folder}': {e.Message} Nothing was written there.");
            return ExitCodes.Failure;
        }
        if (jsonOnly)
        {
            output.Write(Encoding.UTF8.GetString(resultsJson));
            output.WriteLine();
            return ExitCodes.Ok;
        }
        Summary.Print(scenario, options, results, elapsed, folder, output);
        return ExitCodes.Ok;
    }

    /// <summary>Why the extract cannot go to <paramref name="path"/>, checked before the run; null when it can.</summary>
    private static string? EpisodesProblem(string path, string folder, string scenario)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the path is empty: give a file for the register extract.";
        }
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"'{path}' is a folder: give a file for the register extract.";
        }
        if (Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
        {
            return $"the folder '{dir}' does not exist.";
        }
        if (string.Equals(full, Path.GetFullPath(scenario), StringComparison.Ordinal))
        {
            return $"'{path}' is the scenario itself: give a new file for the register extract.";
        }
        if (string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(folder), StringComparison.Ordinal))
        {
            return $"'{path}' is in the results folder, which a run replaces: put the extract elsewhere.";
        }
        return null;
    }

    /// <summary>
    /// The baseline's first replication again, keeping its stays (the same seed, so the same
    /// patients as in the results), written as a register extract: to a temporary file first, then
    /// put in place, so a failed write leaves no half-written extract.
    /// </summary>
    private static int WriteEpisodes(Scenario scenario, Core.Simulation.RunOptions options, string path, bool quiet, TextWriter output, TextWriter error)
    {
        var one = options with { Replications = 1, RecordEpisodes = true, DailyCensus = false, MaxDegreeOfParallelism = 1 };
        var replication = Core.Simulation.Replications.Run(scenario.Baseline, one)[0];
        string full = Path.GetFullPath(path);
        string temporary = full + ".partial";
        try
        {
            Data.Register.SimulatedExtractSummary written;
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                written = Data.Register.SimulatedExtract.Write(writer, scenario.Baseline, replication, one);
            }
            File.Move(temporary, full, overwrite: true);
            if (!quiet)
            {
                output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Register extract: {full} ({written.Stays:N0} stays of {written.Patients:N0} patients in SitRep beds, the baseline's first replication; synthetic NHS numbers from the 999 test range)."));
            }
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            File.Delete(temporary);
            error.WriteLine($"bedflow: cannot write the register extract to '{path}': {e.Message} The results were written; the extract was not.");
            return ExitCodes.Failure;
        }
    }

    private static IReadOnlyList<VariantResult> RunWithProgress(Scenario scenario, List<ExperimentVariant> variants, Core.Simulation.RunOptions options, bool quiet, bool drawParameters, TextWriter output)
    {
        int total = variants.Count * options.Replications * (drawParameters ? 2 : 1);
        IReadOnlyList<VariantResult> Run(Action? done) => drawParameters
            ? Experiment.RunWithParameterUncertainty(scenario, options, done)
            : Experiment.Run(variants, options, done);
        if (quiet || output != Console.Out || Console.IsOutputRedirected)
        {
            return Run(null);
        }
        IReadOnlyList<VariantResult> results = [];
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{variants.Count} variant(s) × {options.Replications} replications", maxValue: total);
                results = Run(() => task.Increment(1));
            });
        return results;
    }

    /// <summary>This run's timings and machine, for run-info.json: read when the file is written, so the time is when the run finished.</summary>
    private static RunInfo ThisRun(Scenario scenario, Core.Simulation.RunOptions options, TimeSpan elapsed) => new(
        scenario.Name,
        Path.GetFullPath(scenario.File),
        options.Replications,
        options.Seed,
        elapsed,
        DateTime.UtcNow,
        Environment.MachineName,
        Environment.ProcessorCount,
        options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        Version,
        Environment.Version.ToString(),
        System.Runtime.InteropServices.RuntimeInformation.OSDescription);

    public static string Version => Web.Runs.RunOutputs.Version;

    /// <summary>A variant name made safe for a file name.</summary>
    public static string FileName(string name) => OutputFolder.SafeName(name);
}
