using System.CommandLine;
using System.Globalization;
using Bedflow.Core.Model;
using Bedflow.Core.Optimisation;
using Bedflow.Data.Results;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>`bedflow optimise FILE [--out DIR] [--json] [--threads N]`: the scenario's optimise: section — a frontier of budgets, each with its best allocation (docs/optimise.md).</summary>
internal static class OptimiseCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML), with an optimise: section." };
        var outDir = new Option<string?>("--out") { Description = "Folder to write optimise.json, optimised-scenario.yaml, report.html and report.xlsx to (default results/<scenario>-optimise)." };
        var json = new Option<bool>("--json") { Description = "Print optimise.json instead of the tables." };
        var threads = Options.PositiveInt("--threads", "Threads (default: all cores). Never changes the numbers.", null);
        var state = new Option<string?>("--state") { Description = "The state file the search saves every simulated allocation to and resumes from (default <out>/optimise-state.jsonl)." };
        var restart = new Option<bool>("--restart") { Description = "Start afresh: do not reuse the state file's allocations (it is written over)." };
        var command = new Command("optimise", "Search for the allocation of each budget level that avoids most delayed days (or costs least in all), on common random numbers, with ranking and selection among the best; resumes from its state file.")
        {
            file, outDir, json, threads, state, restart,
        };
        command.SetAction(parse =>
        {
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
            var scenario = load.Scenario!;
            if (scenario.Optimise is null)
            {
                error.WriteLine($"bedflow: {path} has no optimise: section: name the levers and budgets there (docs/scenario-reference.md, \"optimise\").");
                return ExitCodes.UsageError;
            }
            string folder = parse.GetValue(outDir) ?? Path.Combine("results", Data.Results.OutputFolder.SafeName(scenario.Name) + "-optimise");
            if (OutProblem(folder) is { } problem)
            {
                error.WriteLine($"bedflow: {problem}");
                return ExitCodes.UsageError;
            }
            bool quiet = parse.GetValue(json);
            string statePath = parse.GetValue(state) ?? Path.Combine(folder, "optimise-state.jsonl");
            if (string.IsNullOrWhiteSpace(statePath) || Directory.Exists(statePath))
            {
                error.WriteLine($"bedflow: --state '{statePath}' is {(string.IsNullOrWhiteSpace(statePath) ? "empty" : "a folder")}: give a file.");
                return ExitCodes.UsageError;
            }
            var identity = Data.Optimisation.OptimiseStateFile.Identity.Of(File.ReadAllBytes(path), RunCommand.Version, scenario.Optimise.Levers.Select(l => l.Name));
            var loaded = Data.Optimisation.OptimiseStateFile.Read(statePath, identity);
            bool fresh = parse.GetValue(restart);
            if (loaded.NotAState || (loaded.Problem is not null && !fresh))
            {
                error.WriteLine($"bedflow: {loaded.Problem}");
                return ExitCodes.UsageError;
            }
            var known = fresh ? [] : loaded.Records;
            if (known.Count > 0 && !quiet)
            {
                error.WriteLine(string.Create(Inv, $"Resuming from {statePath}: {known.Count} allocations already simulated ({known.Sum(k => (long)k.Replications)} replications) are reused; --restart starts afresh."));
            }
            Directory.CreateDirectory(folder);
            if (Path.GetDirectoryName(Path.GetFullPath(statePath)) is { } stateFolder)
            {
                Directory.CreateDirectory(stateFolder);
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var progressLine = new OptimiseProgressLine(error, clock, Console.IsErrorRedirected);
            OptimiseResult result;
            bool created = fresh || !File.Exists(statePath);
            int appended = 0;
            Data.Optimisation.OptimiseStateFile? opened;
            try
            {
                opened = Data.Optimisation.OptimiseStateFile.Open(statePath, identity, fresh);
            }
            catch (IOException e)
            {
                error.WriteLine($"bedflow: {statePath} could not be opened for this search ({e.Message.TrimEnd('.')}): another bedflow optimise may be using it — wait for it, or give another --state.");
                return ExitCodes.UsageError;
            }
            try
            {
                using var saved = opened;
                result = Optimiser.Run(scenario, parse.GetValue(threads), p =>
                {
                    if (!quiet)
                    {
                        progressLine.Show(p, scenario.Optimise.Levers);
                    }
                }, known, record =>
                {
                    saved.Append(record);
                    appended++;
                });
            }
            catch (InvalidModelException e)
            {
                if (created && appended == 0)
                {
                    // The start is invalid before anything was simulated: leave no state file behind.
                    File.Delete(statePath);
                }
                foreach (var p in e.Problems)
                {
                    error.WriteLine(load.Place(p).ToString());
                }
                return ExitCodes.UsageError;
            }
            if (!quiet)
            {
                error.WriteLine();
            }
            string text = OptimiseJson.Text(scenario.Name, result);
            if (OptimiseOutputs.Write(folder, path, scenario, result, text, error) is not { } written)
            {
                return ExitCodes.Failure;
            }
            if (quiet)
            {
                output.WriteLine(text);
                return ExitCodes.Ok;
            }
            OptimiseSummary.Print(result, clock.Elapsed, Path.GetFullPath(folder), written, output);
            return ExitCodes.Ok;
        });
        return command;
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
}
