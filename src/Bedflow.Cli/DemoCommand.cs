using System.CommandLine;
using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Examples;
using Bedflow.Core.Experiments;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>`bedflow demo`: runs the built-in demo county and prints each service's measures with 95% intervals.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var replications = Options.PositiveInt("--replications", "Independent replications (each mean gets a 95% confidence interval from them).", 20);
        var seed = Options.Seed("--seed", "Master random seed (default 20160401): the same seed gives the same numbers whatever the thread count.");
        var threads = Options.PositiveInt("--threads", "Threads to use (default: all cores). Never changes the numbers.", Environment.ProcessorCount);
        var years = Options.PositiveInt("--years", "Years reported after the warm-up.", 1);
        var warmup = Options.PositiveInt("--warmup-years", "Years simulated before the report starts and not counted (care-home stays are long).", 3);
        var maxMemory = MemoryGuard.Option();

        var command = new Command("demo", "Run the small built-in demo county (illustrative numbers, not a real place) and print its flow.")
        {
            replications, seed, threads, years, warmup, maxMemory,
        };
        command.SetAction(parse =>
        {
            var options = new RunOptions
            {
                Replications = parse.GetValue(replications)!.Value,
                Seed = parse.GetValue(seed) ?? 20160401,
                MaxDegreeOfParallelism = parse.GetValue(threads)!.Value,
                // A year reported or warmed up is a length of time: 365 whole days (YearLength.CommonDays).
                Horizon = Days.Of(YearLength.CommonDays * parse.GetValue(years)!.Value),
                Warmup = Days.Of(YearLength.CommonDays * parse.GetValue(warmup)!.Value),
                CountDelays = true,
            };
            var network = DemoCounty.Create();
            if (!MemoryGuard.Allows([network], options, options.MaxDegreeOfParallelism!.Value, parse.GetValue(maxMemory),
                "fewer --years or --warmup-years, or fewer --replications (every replication keeps its daily census and delay tables)", error))
            {
                return ExitCodes.UsageError;
            }
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = Simulator.Run(network, options);
            Print(result, network.StartDate, started.Elapsed, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(RunResult result, DateOnly start, TimeSpan elapsed, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        var o = result.Options;
        console.WriteLine("Bedflow demo: a small built-in county network with illustrative numbers (not Oxfordshire).");
        console.WriteLine("Scenario files and the Oxfordshire example come with the `bedflow run` command.");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Reported {o.HorizonDays:0} days from {start:yyyy-MM-dd} after {o.WarmupDays:0} days of warm-up; {o.Replications} replications, seed {o.Seed}; {elapsed.TotalSeconds:F1} s."));
        console.WriteLine("Each figure is a mean over replications ± the half-width of its 95% confidence interval (Student t).");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Service", "Places", "Occupied", "Blocked (ready, waiting)", "Utilisation", "Days blocked per blocked patient", "Leaving per day", "Turned away");
        foreach (var s in result.Services)
        {
            table.AddRow(
                Markup.Escape(s.Name),
                Formatting.Estimate(s[ServiceMetric.MeanCapacity], "F0"),
                Formatting.Estimate(s[ServiceMetric.MeanOccupancy], "F1"),
                Formatting.Estimate(s[ServiceMetric.MeanBlocked], "F1"),
                Formatting.Estimate(s[ServiceMetric.Utilisation], "P1"),
                Formatting.Estimate(s[ServiceMetric.MeanBlockedTimePerBlockedPatient], "F1"),
                Formatting.Estimate(s[ServiceMetric.Throughput], "F1"),
                Formatting.Estimate(s[ServiceMetric.Rejections], "F0"));
        }
        console.Write(table);
        PrintDelays(console, result.Delays!);
        console.WriteLine(result.Deadlocks.Count == 0
            ? "No deadlocks."
            : $"{result.Deadlocks.Count} deadlock(s) in {result.DeadlockedReplications} replication(s); they stay in the means.");
    }

    private static void PrintDelays(IAnsiConsole console, DelaySummary d)
    {
        console.WriteLine();
        console.WriteLine("Delayed transfers of care, counted as the NHS SitRep counts them (adults in acute and non-acute beds; docs/delays.md):");
        var headline = new Table().Border(TableBorder.Simple);
        headline.AddColumns("Measure", "Mean ± 95% CI");
        headline.AddRow("Delayed days a year", Formatting.Estimate(d.DaysPerYear, "F0"));
        headline.AddRow("Patients delayed on an average day (DTOC beds)", Formatting.Estimate(d.MeanDelayed, "F1"));
        headline.AddRow("Patients delayed at the last-Thursday snapshot (monthly mean)", Formatting.Estimate(d.MeanSnapshot, "F1"));
        headline.AddRow("Delayed days per 1,000 adults a year", Formatting.Estimate(d.DaysPer1000AdultsPerYear, "F1"));
        headline.AddRow("Patients delayed per 100,000 adults", Formatting.Estimate(d.DelayedPer100kAdults, "F1"));
        headline.AddRow("Discharges on their discharge-ready date", Formatting.Estimate(d.ShareDischargedOnReadyDate, "P1"));
        headline.AddRow("Mean days from discharge-ready date to discharge", Formatting.Estimate(d.MeanDelayPerDischarge, "F2"));
        console.Write(headline);
        var reasons = new Table().Border(TableBorder.Simple);
        reasons.AddColumns("Reason", "Delayed days a year");
        foreach (var (reason, estimate) in d.ByReason.Where(r => r.Value.Mean > 0))
        {
            reasons.AddRow(Markup.Escape(DelayReasonWords.Label(reason)), Formatting.Estimate(estimate, "F0"));
        }
        foreach (var (who, estimate) in d.ByResponsibility)
        {
            reasons.AddRow(Markup.Escape($"Responsible: {ResponsibilityWords.ExtractColumn(who)}"), Formatting.Estimate(estimate, "F0"));
        }
        console.Write(reasons);
        console.WriteLine("Discharges by days from discharge-ready date: " + string.Join(", ",
            d.ByBand.Select(b => $"{DelayBandWords.Display(b.Key)} {Formatting.Estimate(b.Value, "P1")}")));
    }
}
