using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Data.Scenarios;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>The table `bedflow run` prints: one row per variant, each figure with its 95% interval.</summary>
internal static class Summary
{
    public static void Print(Scenario scenario, Core.Simulation.RunOptions options, IReadOnlyList<VariantResult> results, TimeSpan elapsed, string folder, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 170;
        var start = scenario.Baseline.StartDate;
        console.WriteLine($"{scenario.Name}: {results.Count} variant(s) on common random numbers.");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Reported {options.HorizonDays:0} days from {start:yyyy-MM-dd} after {options.WarmupDays:0} days of warm-up; {options.Replications} replications, seed {options.Seed}; {elapsed.TotalSeconds:F1} s."));
        console.WriteLine("Each figure is a mean over replications ± the half-width of its 95% confidence interval.");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Variant", "Delayed patients (typical day)", "Delayed days a year", "Per 1,000 adults a year", "Acute occupancy", "Waiting for acute", "Top reasons (days a year)");
        foreach (var r in results)
        {
            var d = r.Run.Delays!;
            string reasons = string.Join(", ", d.ByReason.Where(x => x.Value.Mean > 0).OrderByDescending(x => x.Value.Mean).Take(3)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Value.Mean:F0}")));
            table.AddRow(
                Markup.Escape(r.Name),
                Formatting.Estimate(r.DelayedPatients, "F1"),
                Formatting.Estimate(r.DelayedDaysPerYear, "F0"),
                Formatting.Estimate(d.DaysPer1000AdultsPerYear, "F1"),
                Formatting.Estimate(r.AcuteOccupancy, "P1"),
                Formatting.Estimate(r.AdmissionsWaiting, "F1"),
                Markup.Escape(reasons));
        }
        console.Write(table);
        int deadlocked = results.Sum(r => r.Run.DeadlockedReplications);
        if (deadlocked > 0)
        {
            console.WriteLine($"Warning: {deadlocked} replication(s) ended in deadlock; they stay in the means (see docs/engine.md).");
        }
        console.WriteLine($"Results: {Path.GetFullPath(folder)} (results.json, run-info.json, daily-<variant>.csv, sitrep-<variant>.csv).");
    }
}
