using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Wording;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>
/// The tables `bedflow run` prints: one row per variant, each figure with its 95% interval, with
/// thousands separators, as wide as Spectre finds the terminal (80 columns when the output is not
/// one). Money against the baseline reads one way throughout: positive is money the option saves.
/// </summary>
internal static class Summary
{
    /// <summary>Prints to <paramref name="output"/> at Spectre's own width for it: the terminal's, or 80.</summary>
    public static void Print(Scenario scenario, Core.Simulation.RunOptions options, IReadOnlyList<VariantResult> results, TimeSpan elapsed, string folder, TextWriter output) =>
        Print(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors }),
            scenario, options, results, elapsed, folder);

    /// <summary>Prints to <paramref name="console"/>, fitting its width.</summary>
    public static void Print(IAnsiConsole console, Scenario scenario, Core.Simulation.RunOptions options, IReadOnlyList<VariantResult> results, TimeSpan elapsed, string folder)
    {
        var start = scenario.Baseline.StartDate;
        console.WriteLine($"{scenario.Name}: {results.Count} variant(s) on common random numbers.");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Reported {options.HorizonDays:0} days from {start:d MMM yyyy} after {options.WarmupDays:0} days of warm-up; {options.Replications} replications, seed {options.Seed}; {elapsed.TotalSeconds:F1} s."));
        console.WriteLine("Each figure is a mean over replications ± the half-width of its 95% confidence interval.");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Variant", "Delayed patients (typical day)", "Delayed days a year", "Per 1,000 adults a year", "Acute occupancy", "Waiting for acute", "Top reasons (days a year)");
        foreach (var r in results)
        {
            var d = r.Run.Delays!;
            string reasons = string.Join(", ", d.ByReason.Where(x => x.Value.Mean > 0).OrderByDescending(x => x.Value.Mean).Take(3)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{DelayReasonWords.Code(x.Key)} {x.Value.Mean:N0}")));
            table.AddRow(
                Markup.Escape(r.Name),
                Formatting.Estimate(r.DelayedPatients, "N1"),
                Formatting.Estimate(r.DelayedDaysPerYear, "N0"),
                Formatting.Estimate(d.DaysPer1000AdultsPerYear, "N1"),
                Formatting.Percent(r.AcuteOccupancy),
                Formatting.Estimate(r.AdmissionsWaiting, "N1"),
                Markup.Escape(reasons));
        }
        console.Write(table);
        PrintUncertainty(console, results);
        var decision = Core.Decisions.Decision.Of(results, scenario.Decision);
        AppraisalTable.Print(console, results, decision);
        PrintEconomics(console, results, decision);
        int deadlocked = results.Sum(r => r.Run.DeadlockedReplications);
        if (deadlocked > 0)
        {
            console.WriteLine($"Warning: {deadlocked} replication(s) ended in deadlock; they stay in the means (see docs/engine.md).");
        }
        console.WriteLine($"Results: {Path.GetFullPath(folder)}");
        console.WriteLine("(report.html, report.xlsx, results.json, run-info.json, daily-<variant>.csv, sitrep-<variant>.csv).");
    }

    // Each headline figure twice: from randomness at the central parameters, and with the parameters' uncertainty.
    private static void PrintUncertainty(IAnsiConsole console, IReadOnlyList<VariantResult> results)
    {
        if (results is not [{ Uncertainty: { } first }, ..])
        {
            return;
        }
        console.WriteLine($"With parameter uncertainty ({first.Parameters.Count} parameter(s) drawn per replication, the same for every variant): "
            + "each figure's 95% interval from randomness only, then with the parameters' uncertainty, and the parameters' share of the spread.");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Variant", "Figure", "Randomness only", "With parameters", "Parameters' share");
        foreach (var r in results)
        {
            var u = r.Uncertainty!;
            var rows = new List<(string, Core.Statistics.UncertainEstimate?, string, double)>
            {
                ("Delayed patients", u.DelayedPatients, "N1", 1),
                ("Delayed days a year", u.DelayedDaysPerYear, "N0", 1),
                ("Total cost (£m)", u.TotalCost, "N2", 1e6),
                ("Delayed days avoided", u.DelayedDaysAvoided, "N0", 1),
                ("Extra cost (£m)", u.ExtraCost, "N2", 1e6),
            };
            foreach (var (name, e, format, scale) in rows)
            {
                if (e is null)
                {
                    continue;
                }
                var share = e.ParameterShare;
                string shareText = double.IsNaN(share.Value) ? "–"
                    : share.Lower is { } lo && share.Upper is { } hi
                        ? string.Create(CultureInfo.InvariantCulture, $"{share.Value * 100:N0}% ({lo * 100:N0}–{hi * 100:N0}%)")
                        : string.Create(CultureInfo.InvariantCulture, $"{share.Value * 100:N0}%");
                table.AddRow(Markup.Escape(r.Name), name, Interval(e.Randomness.DividedBy(scale), format), Interval(e.WithParameters.DividedBy(scale), format), shareText);
            }
        }
        console.Write(table);
    }

    private static string Interval(Core.Statistics.Estimate e, string format) => e.Lower is { } lo && e.Upper is { } hi
        ? $"{Formatting.Number(e.Mean, format)} ({Formatting.Number(lo, format)} to {Formatting.Number(hi, format)})"
        : Formatting.Number(e.Mean, format);

    private static void PrintEconomics(IAnsiConsole console, IReadOnlyList<VariantResult> results, Core.Decisions.Decision decision)
    {
        var verdict = decision.Verdict;
        if (results.Count == 0 || results[0].Costs is not { } baseCosts)
        {
            console.WriteLine(VerdictWording.Statement(verdict));
            return;
        }
        console.WriteLine();
        console.WriteLine($"Money (£m, {baseCosts.PriceYear} prices, over the reported period), paired with the baseline on common random numbers. "
            + "A saving and cash released are positive when the option saves money, negative when it costs more:");
        var money = new Table().Border(TableBorder.Simple);
        money.AddColumns("Variant", "Total cost", "Saving", "Cash released", "NHS saving", "Council saving");
        foreach (var r in results)
        {
            var c = r.VersusBaseline;
            // Comparison's total and per-organisation figures are extra costs (variant − baseline):
            // negated, they are savings, which is the way cash released (baseline − variant) reads.
            money.AddRow(
                Markup.Escape(r.Name),
                Millions(r.Costs!.Total),
                c is null ? "–" : Millions(c.TotalCost, saving: true),
                c is null ? "–" : Millions(c.CashReleasingSaving),
                c is null ? "–" : Millions(c.CostByOrganisation[Commissioner.Nhs], saving: true),
                c is null ? "–" : Millions(c.CostByOrganisation[Commissioner.SocialCare], saving: true));
        }
        console.Write(money);
        PrintUnmet(console, results, baseCosts);
        console.WriteLine("What the money buys (net cost per delayed day avoided is negative when the option also saves money):");
        var value = new Table().Border(TableBorder.Simple);
        value.AddColumns("Variant", "Delayed days avoided a year", "Net cost per delayed day avoided (£)", "Elective cases: from beds freed / from money saved");
        foreach (var r in results.Skip(1))
        {
            var c = r.VersusBaseline!;
            value.AddRow(
                Markup.Escape(r.Name),
                Formatting.Estimate(c.DelayedDaysAvoided, "N0"),
                double.IsNaN(c.CostPerDelayedDayAvoided) ? "–" : Formatting.Number(c.CostPerDelayedDayAvoided, "N0"),
                $"{Formatting.Number(c.ElectiveCasesFromBeds, "N0")} / {Formatting.Number(c.ElectiveCasesFromMoney, "N0")}");
        }
        console.Write(value);
        if (baseCosts.PoolResult is { } pool)
        {
            string shares = string.Join(", ", baseCosts.PoolShares!.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{CommissionerWords.Partner(kv.Key)} £{kv.Value.Mean / 1e6:N1}m")));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Pooled fund (baseline): contributions £{baseCosts.PoolContributions!.Mean / 1e6:N1}m, spend £{baseCosts.PoolSpend!.Mean / 1e6:N1}m, {(pool.Mean >= 0 ? "underspend" : "overspend")} £{Math.Abs(pool.Mean) / 1e6:N1}m{(pool.HalfWidth is { } h ? string.Create(CultureInfo.InvariantCulture, $" ± {h / 1e6:N1}m") : " (one replication: no interval)")}, shared: {shares}."));
        }
        foreach (var budget in Budgets(results, decision))
        {
            console.WriteLine(budget);
        }
        console.WriteLine(VerdictWording.Statement(verdict));
    }

    // The price of the care not given, beside the totals and saying whether they hold it: a saving
    // made by turning patients away shows here as a negative saving.
    private static void PrintUnmet(IAnsiConsole console, IReadOnlyList<VariantResult> results, Core.Finance.VariantCosts baseCosts)
    {
        console.WriteLine($"{UnmetDemandWording.Heading(baseCosts)}, £m over the reported period: care not given. A negative saving means the option turns more patients away or keeps more waiting:");
        var unmet = new Table().Border(TableBorder.Simple);
        unmet.AddColumns("Variant", UnmetDemandWording.Electives, UnmetDemandWording.Waiting, UnmetDemandWording.Total, "Saving");
        foreach (var r in results)
        {
            var costs = r.Costs!;
            unmet.AddRow(
                Markup.Escape(r.Name),
                Millions(costs.UnmetElectives),
                Millions(costs.UnmetWaiting),
                Millions(costs.UnmetDemand),
                r.VersusBaseline is { } c ? Millions(c.UnmetDemand, saving: true) : "–");
        }
        console.Write(unmet);
    }

    /// <summary>
    /// The share of each savings gap an option closes — only for acceptable options, and beside
    /// what it gives up (delays it adds, harms the scenario allows): a saving bought by treating
    /// fewer patients is not a saving a board can book.
    /// </summary>
    private static IEnumerable<string> Budgets(IReadOnlyList<VariantResult> results, Core.Decisions.Decision decision)
    {
        foreach (var r in results.Skip(1))
        {
            if (decision.For(r.Name) is not { Acceptable: true } appraisal)
            {
                continue;
            }
            foreach (var (org, share) in r.VersusBaseline!.GapClosed)
            {
                if (share > 0)
                {
                    var avoided = appraisal.DelayedDaysAvoided;
                    string delays = avoided.Mean >= 0
                        ? string.Create(CultureInfo.InvariantCulture, $"with {avoided.Mean:N0} fewer delayed days a year")
                        : string.Create(CultureInfo.InvariantCulture, $"giving up {-avoided.Mean:N0} more delayed days a year");
                    string allowed = string.Join("", appraisal.Reasons.OfType<Core.Decisions.HarmAllowed>().Select(h => $"; {AppraisalWording.Sentence(h)}"));
                    yield return $"{r.Name} would close {Formatting.Percent(share)} of the {CommissionerWords.Organisation(org)}'s savings gap, {delays}{allowed}.";
                }
            }
        }
    }

    // £m with thousands separators; a saving is the extra cost negated (the interval keeps its width).
    private static string Millions(Core.Statistics.Estimate e, bool saving = false) => Formatting.Estimate(e.DividedBy(saving ? -1e6 : 1e6), "N2");
}
