using System.CommandLine;
using Bedflow.Data.Scenarios;

namespace Bedflow.Cli;

/// <summary>`bedflow validate FILE`: every problem in a scenario file, with file:line:column and key path.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)." };
        var command = new Command("validate", "Check a scenario file and print every problem with its line, column and key.") { file };
        command.SetAction(parse =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(file)))
            {
                error.WriteLine("bedflow: FILE is empty: give the scenario file's path.");
                return ExitCodes.UsageError;
            }
            var load = ScenarioFile.Load(parse.GetValue(file)!);
            Report(load, error);
            if (!load.IsValid)
            {
                return ExitCodes.UsageError;
            }
            var s = load.Scenario!;
            output.WriteLine($"{s.File}: valid. '{s.Name}': {s.Baseline.Services.Count} services, {s.Baseline.Arrivals.Count} arrival streams, {s.Variants.Count} variant(s).");
            LoadTable.Print(s, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Prints the problems (errors to the error stream, warnings too) and a count.</summary>
    public static void Report(ScenarioLoad load, TextWriter error)
    {
        foreach (var p in load.Problems)
        {
            error.WriteLine(p.ToString());
        }
        int errors = load.Problems.Count(p => !p.IsWarning);
        if (errors > 0)
        {
            error.WriteLine($"{errors} problem(s); nothing was run. See docs/scenario-reference.md.");
        }
    }
}
