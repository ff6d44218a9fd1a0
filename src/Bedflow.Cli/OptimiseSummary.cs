using System.Globalization;
using Bedflow.Core.Optimisation;
using Bedflow.Reports.Wording;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>
/// What `bedflow optimise` prints: the start, the frontier table (each budget's best allocation,
/// its spend, delayed days avoided and total cost with 95% intervals), under each budget the
/// runner-up it was told apart from and the allocations it could not be told apart from, the
/// marginal values ranked and the economically essential point — at the terminal's width, 80
/// columns when the output is not a terminal (sentences wrap at words).
/// </summary>
internal static class OptimiseSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Prints to <paramref name="output"/> at Spectre's own width for it: the terminal's, or 80.</summary>
    public static void Print(OptimiseResult r, TimeSpan elapsed, string folder, IReadOnlyList<string> written, TextWriter output) =>
        Print(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors }), r, elapsed, folder, written);

    /// <summary>Prints to <paramref name="console"/>, fitting its width.</summary>
    public static void Print(IAnsiConsole console, OptimiseResult r, TimeSpan elapsed, string folder, IReadOnlyList<string> written)
    {
        Say(console, string.Create(Inv, $"Start ({OptimiseWording.Start(r)}): {Formatting.Estimate(r.StartDelayedDays, "N0")} delayed days a year. {r.Candidates:N0} allocations simulated ({r.ReplicationsSimulated:N0} replications{(r.ReplicationsReused > 0 ? string.Create(Inv, $", {r.ReplicationsReused:N0} more reused from the state file") : "")}) in {elapsed.TotalSeconds:0} s. Each figure is a mean ± the half-width of its 95% confidence interval; avoided is {OptimiseWording.Against(r)}, paired."));
        bool priced = r.Frontier.All(p => p.TotalCost is not null);
        var table = new Table().Border(TableBorder.Simple);
        Say(console, "Each budget's best allocation (amounts added), its spend, the delayed days it avoids a year" + (priced ? " and its total system cost a year (£ million):" : ":"));
        table.AddColumn("Budget");
        table.AddColumn("Best allocation");
        table.AddColumn(new TableColumn("Spend").RightAligned());
        table.AddColumn(new TableColumn("Avoided").RightAligned());
        if (priced)
        {
            table.AddColumn(new TableColumn("Total £m").RightAligned());
        }
        foreach (var p in r.Frontier)
        {
            var cells = new List<string>
            {
                OptimiseWording.Pounds(p.Budget), Compact(r, p.Allocation), OptimiseWording.Pounds(p.Spend), Formatting.Estimate(p.DelayedDaysAvoided, "N0"),
            };
            if (priced)
            {
                cells.Add(Formatting.Estimate(p.TotalCost!.DividedBy(1e6), "N2"));
            }
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        console.Write(table);
        foreach (var p in r.Frontier)
        {
            Say(console, $"Within {OptimiseWording.Pounds(p.Budget)}: {OptimiseWording.Selection(r, p)}");
        }
        console.WriteLine();
        Say(console, "Where the next pound frees most beds (a year, per £1,000 a year more, at the start: delayed days avoided, and acute bed-days freed), ranked:");
        var marginal = new Table().Border(TableBorder.Simple);
        marginal.AddColumn(new TableColumn("Rank").RightAligned());
        marginal.AddColumn("Lever (service)");
        marginal.AddColumn(new TableColumn("Days avoided").RightAligned());
        marginal.AddColumn(new TableColumn("Acute bed-days").RightAligned());
        int rank = 0;
        foreach (int j in Reports.OptimiseReport.RankedLevers(r))
        {
            var l = r.Levers[j];
            var m = r.Marginal.FirstOrDefault(m => m.Lever == l.Name);
            var v = m?.DelayedDaysAvoidedPer1000Pounds;
            var acute = m?.AcuteBedDaysFreedPer1000Pounds;
            marginal.AddRow(v is null ? "–" : (++rank).ToString(Inv), Markup.Escape($"{l.Name} ({OptimiseWording.Target(l)})"), v is null ? "at its greatest amount" : Markup.Escape(Formatting.Estimate(v, "N2")),
                acute is null ? "" : Markup.Escape(Formatting.Estimate(acute, "N2")));
        }
        console.Write(marginal);
        Say(console, r.EconomicallyEssential is { } e
            ? $"Economically essential: {OptimiseWording.Allocation(r, e.Allocation)}, spending {OptimiseWording.Pounds(e.Spend)} — {Formatting.Estimate(e.DelayedDays, "N0")} delayed days a year at the least total cost, {Pounds(e.TotalCost!)} a year. {OptimiseWording.Selection(r, e)}"
            : "Economically essential: not computed (no price of a delayed day).");
        Say(console, $"Written to {folder}: {string.Join(", ", written)}. optimised-scenario.yaml is the scenario with each budget's allocation as a variant (optimised_<budget>): bedflow run it; bedflow report {folder} --pdf prints report.html.");
    }

    // The lever names and amounts of an allocation, for a narrow column: "more_ic +1, more_reablement +2"; "nothing added".
    private static string Compact(OptimiseResult r, Allocation a)
    {
        return Allocations.Named(r.Levers, a);
    }

    private static string Pounds(Core.Statistics.Estimate e) => "£" + Formatting.Estimate(e, "N0");

    // A sentence wrapped at words to the console's width.
    private static void Say(IAnsiConsole console, string text)
    {
        console.Write(new Paragraph(text));
        console.WriteLine();
    }
}
