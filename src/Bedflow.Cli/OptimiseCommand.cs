using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bedflow.Core.Model;
using Bedflow.Core.Optimisation;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>`bedflow optimise FILE [--out DIR] [--json] [--threads N]`: the scenario's optimise: section — a frontier of budgets, each with its best allocation (docs/optimise.md).</summary>
internal static class OptimiseCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML), with an optimise: section." };
        var outDir = new Option<string?>("--out") { Description = "Folder to write optimise.json and optimised-variants.yaml to (default results/<scenario>-optimise)." };
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
            try
            {
                using var saved = Data.Optimisation.OptimiseStateFile.Open(statePath, identity, fresh);
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
            string text = JsonSerializer.Serialize(OptimiseDocument.Of(scenario.Name, result), OptimiseJsonContext.Default.OptimiseDocument);
            CalibrateCommand.WholeFile(Path.Combine(folder, "optimise.json"), text + Environment.NewLine);
            CalibrateCommand.WholeFile(Path.Combine(folder, "optimised-variants.yaml"), Variants(scenario.Baseline, result));
            if (quiet)
            {
                output.WriteLine(text);
                return ExitCodes.Ok;
            }
            Print(result, clock.Elapsed, Path.GetFullPath(folder), output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Ci(Core.Statistics.Estimate e, string format) =>
        e.Lower is { } lo && e.Upper is { } hi ? string.Create(Inv, $"{e.Mean.ToString(format, Inv)} ({lo.ToString(format, Inv)} to {hi.ToString(format, Inv)})") : e.Mean.ToString(format, Inv);

    private static string Named(OptimiseResult r, Allocation a) => Allocations.Named(r.Levers, a);

    private static void Print(OptimiseResult r, TimeSpan elapsed, string folder, TextWriter output)
    {
        output.WriteLine(string.Create(Inv, $"Start (every lever at its least): {Ci(r.StartDelayedDays, "N0")} delayed days a year. {r.Candidates} allocations simulated ({r.ReplicationsSimulated} replications{(r.ReplicationsReused > 0 ? $", {r.ReplicationsReused} more reused from the state file" : "")}) in {elapsed.TotalSeconds:0}s."));
        output.WriteLine("Budget a year | allocation | spend | delayed days a year avoided (95% CI) | total cost a year (95% CI) | not told apart from");
        foreach (var p in r.Frontier)
        {
            output.WriteLine(string.Create(Inv, $"£{p.Budget.Pounds:N0} | {Named(r, p.Allocation)} | £{p.Spend.Pounds:N0} | {Ci(p.DelayedDaysAvoided, "N0")} | {(p.TotalCost is { } t ? "£" + Ci(t, "N0") : "not priced")} | {(p.IndistinguishableFrom.Count == 0 ? "none" : string.Join("; ", p.IndistinguishableFrom.Select(a => Named(r, a))))}"));
        }
        output.WriteLine("Where the next pound frees most beds (a year, per £1,000 a year more, at the start): delayed days avoided; acute bed-days freed");
        foreach (var m in r.Marginal.OrderByDescending(m => m.DelayedDaysAvoidedPer1000Pounds?.Mean ?? double.NegativeInfinity))
        {
            output.WriteLine($"  {m.Lever}: {(m.DelayedDaysAvoidedPer1000Pounds is { } e ? Ci(e, "0.00") : "at its greatest amount")}{(m.AcuteBedDaysFreedPer1000Pounds is { } a ? "; " + Ci(a, "0.00") : "")}");
        }
        output.WriteLine(r.EconomicallyEssential is { } ee
            ? string.Create(Inv, $"Economically essential: {Named(r, ee.Allocation)} — {Ci(ee.DelayedDays, "N0")} delayed days a year at least total cost £{Ci(ee.TotalCost!, "N0")}.")
            : "Economically essential: not computed (no price of a delayed day).");
        output.WriteLine($"Written: {Path.Combine(folder, "optimise.json")}; the best allocation of each budget as variants: {Path.Combine(folder, "optimised-variants.yaml")} (paste under the scenario's variants: and run it).");
    }

    /// <summary>
    /// Each frontier point as a variant that sets the levers' services' capacities. A service whose
    /// capacity changes by date is set as its initial capacity and each change (dates from the
    /// scenario's start), as the network has them.
    /// </summary>
    internal static string Variants(Network baseline, OptimiseResult r)
    {
        var text = new StringBuilder("# The best allocation of each budget found by bedflow optimise, as variants: paste these under the scenario's variants: key.\n");
        text.Append("variants:\n");
        foreach (var p in r.Frontier)
        {
            text.Append(Inv, $"  optimised_{p.Budget.Pounds:0}:\n");
            text.Append(Inv, $"    description: \"bedflow optimise: the best allocation within £{p.Budget.Pounds:N0} a year ({Named(r, p.Allocation)}), £{p.Spend.Pounds:N0} a year.\"\n");
            text.Append("    set:\n");
            for (int j = 0; j < r.Levers.Count; j++)
            {
                if (r.Levers[j].Switch is { } sw)
                {
                    // The baseline has the intervention (it is in the file's interventions:): off removes it.
                    if (sw.InBaseline && p.Allocation[j] == 0)
                    {
                        text.Append(Inv, $"      interventions.{sw.Intervention}: null\n");
                    }
                    continue;
                }
                var service = baseline.Services[baseline.ServiceIndex(r.Levers[j].Service)];
                int amount = p.Allocation[j];
                var c = service.Capacity;
                if (c.Changes.Count == 0)
                {
                    text.Append(Inv, $"      services.{service.Name}.capacity: {Math.Max(0, c.Initial.Places + amount)}\n");
                }
                else
                {
                    text.Append(Inv, $"      services.{service.Name}.capacity: {{initial: {Math.Max(0, c.Initial.Places + amount)}, changes: {{{string.Join(", ", c.Changes.Select(ch => $"{baseline.StartDate.AddDays((int)Math.Floor(ch.Day)):yyyy-MM-dd}: {Math.Max(0, ch.Capacity.Places + amount)}"))}}}}}\n");
                }
            }
        }
        return text.ToString();
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
