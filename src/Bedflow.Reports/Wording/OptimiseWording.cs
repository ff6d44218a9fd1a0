using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Reports.Wording;

/// <summary>
/// How the optimisation pages, the workbook and the console word a search's result (bedflow
/// optimise): money as the pack writes it (£2,000,000), an allocation lever by lever with its
/// service, the headline sentence of a budget, and what ranking and selection could and could
/// not tell apart. No figure is written "-0".
/// </summary>
public static class OptimiseWording
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Pounds, whole, with thousands separators: £2,000,000 (negative: -£50,000).</summary>
    public static string Pounds(Money money) => Pounds((double)money.Pounds);

    /// <summary>Pounds, whole, with thousands separators; no "-£0".</summary>
    public static string Pounds(double pounds)
    {
        string digits = BoardReport.Number(Math.Abs(pounds), "N0");
        return pounds < 0 && digits.AsSpan().IndexOfAnyInRange('1', '9') >= 0 ? "-£" + digits : "£" + digits;
    }

    /// <summary>A number in <paramref name="format"/> with its 95% interval: "1,234 (95% CI 1,000 to 1,468)"; without one, the number alone.</summary>
    public static string WithInterval(Estimate e, string format, Func<double, string>? write = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        write ??= v => BoardReport.Number(v, format);
        return e.Lower is { } lo && e.Upper is { } hi ? $"{write(e.Mean)} (95% CI {write(lo)} to {write(hi)})" : write(e.Mean);
    }

    /// <summary>What a lever changes: its service, or for a switch "the intervention NAME".</summary>
    public static string Target(Lever lever)
    {
        ArgumentNullException.ThrowIfNull(lever);
        return lever.Switch is { } sw ? $"the intervention {sw.Intervention}" : lever.Service;
    }

    /// <summary>One lever's amount as a change: "+2 intermediate_care (more_intermediate_care)", "-1 acute (fewer_acute)", "0 …"; a switch "winter_pilot on" or "off".</summary>
    public static string Amount(OptimiseResult result, Allocation allocation, int lever)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(allocation);
        var l = result.Levers[lever];
        return l.Switch is { } sw
            ? $"{sw.Intervention} {(allocation[lever] == 1 ? "on" : "off")} ({l.Name})"
            : string.Create(Inv, $"{allocation[lever]:+0;-0;0} {l.Service} ({l.Name})");
    }

    /// <summary>The allocation, every lever with an amount: "+2 intermediate_care (more_intermediate_care), +1 reablement (more_reablement)"; "nothing added" when every amount is 0.</summary>
    public static string Allocation(OptimiseResult result, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(allocation);
        var parts = Enumerable.Range(0, result.Levers.Count).Where(j => allocation[j] != 0).Select(j => Amount(result, allocation, j)).ToList();
        return parts.Count == 0 ? "nothing added" : string.Join(", ", parts);
    }

    /// <summary>The allocation as actions: "add 2 to intermediate_care (more_intermediate_care) and cut 1 from acute (fewer_acute)"; "add nothing".</summary>
    public static string Actions(OptimiseResult result, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(allocation);
        var parts = new List<string>();
        for (int j = 0; j < result.Levers.Count; j++)
        {
            int a = allocation[j];
            var l = result.Levers[j];
            if (l.Switch is { } sw && a == 1)
            {
                parts.Add($"run {sw.Intervention} ({l.Name})");
            }
            else if (!l.IsSwitch && a != 0)
            {
                parts.Add(string.Create(Inv, $"{(a > 0 ? "add" : "cut")} {Math.Abs(a):N0} {(a > 0 ? "to" : "from")} {l.Service} ({l.Name})"));
            }
        }
        return parts.Count switch
        {
            0 => "add nothing",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
        };
    }

    /// <summary>Whether the start (every lever at its least) adds nothing anywhere: then "avoided" is against spending nothing more.</summary>
    public static bool StartsFromNothing(OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Start.Amounts.All(a => a == 0);
    }

    /// <summary>What "avoided" is measured against: "against spending nothing more" (", without winter_pilot" when a switch takes an intervention the baseline has out of the start), or the start when some lever's least is not 0.</summary>
    public static string Against(OptimiseResult result) =>
        StartsFromNothing(result) ? "against spending nothing more" + Without(result) : $"against the start ({Allocation(result, result.Start)}: every lever at its least{Without(result)})";

    /// <summary>The start in a few words: "nothing more spent" (", without winter_pilot" when a switch is off there that the baseline has on), or its allocation.</summary>
    public static string Start(OptimiseResult result) =>
        StartsFromNothing(result) ? "nothing more spent" + Without(result) : Allocation(result, result.Start) + Without(result);

    // ", without winter_pilot": the interventions the baseline has that the start (every switch off) does not.
    private static string Without(OptimiseResult result)
    {
        var off = result.Levers.Where(l => l.Switch is { InBaseline: true }).Select(l => l.Switch!.Intervention).ToList();
        return off.Count == 0 ? "" : ", without " + string.Join(" or ", off);
    }

    /// <summary>
    /// A budget's headline: "With £2,000,000 a year: add 10 to intermediate_care (more_ic) — avoids
    /// 1,234 delayed days a year (95% CI 1,000 to 1,468) against spending nothing more."
    /// </summary>
    public static string Headline(OptimiseResult result, FrontierPoint point)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(point);
        return $"With {Pounds(point.Budget)} a year: {Actions(result, point.Allocation)}, spending {Pounds(point.Spend)} — {Avoids(point.DelayedDaysAvoided)} {Against(result)}.";
    }

    // "avoids 1,234 delayed days a year (95% CI 1,000 to 1,468)"; a negative mean "adds".
    private static string Avoids(Estimate avoided)
    {
        bool adds = avoided.Mean < 0 && BoardReport.Number(avoided.Mean, "N0") != "0";
        var shown = adds ? avoided.DividedBy(-1) : avoided;
        string interval = shown.Lower is { } lo && shown.Upper is { } hi ? $" (95% CI {BoardReport.Number(lo, "N0")} to {BoardReport.Number(hi, "N0")})" : "";
        return $"{(adds ? "adds" : "avoids")} {BoardReport.Number(shown.Mean, "N0")} delayed days a year{interval}";
    }

    /// <summary>
    /// What the selection said of the budget's best: the allocations it could not tell apart from it
    /// ("cannot be told apart at 40 replications; treat as equally good"), and the runner-up it was told apart from.
    /// </summary>
    public static string Selection(OptimiseResult result, FrontierPoint point)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(point);
        var parts = new List<string>();
        if (point.KeptFromSmallerBudget)
        {
            parts.Add("The smaller budget's allocation: this budget's own best did no better on the same replications, so more money buys nothing measurable here.");
        }
        if (point.IndistinguishableFrom.Count > 0)
        {
            string others = string.Join("; ", point.IndistinguishableFrom.Select(a => Allocation(result, a)));
            parts.Add(string.Create(Inv, $"Cannot be told apart from it at {point.Replications:N0} replications; treat as equally good: {others}."));
        }
        if (point.RunnerUp is { } r)
        {
            parts.Add(string.Create(Inv, $"Told apart from the runner-up ({Allocation(result, r)}) at {result.Confidence:0.#%} confidence."));
        }
        else if (point.IndistinguishableFrom.Count == 0 && !point.KeptFromSmallerBudget)
        {
            parts.Add("No other allocation within this budget reached the final selection.");
        }
        if (point.HarmsWorseOnFigures.Count > 0)
        {
            parts.Add($"On the replications its figures are on, it is significantly worse than the start beyond the decision rules' tolerance on: {string.Join(", ", point.HarmsWorseOnFigures.Select(HarmMeasureWords.Display))} — weigh that before choosing it.");
        }
        if (ReferenceEquals(point, result.EconomicallyEssential) && result.Frontier.Count > 0
            && result.Frontier[^1].Budget - point.Spend < result.Levers.Min(l => l.StepCost))
        {
            parts.Add("It spends all but less than one step of the largest budget, so a larger budget might cost less in all: raise the largest budget to see whether the least total cost lies beyond it.");
        }
        if (point.FiguresReplications > 0)
        {
            parts.Add(string.Create(Inv, $"Its figures are on {point.FiguresReplications:N0} fresh replications (from number {point.FiguresFirstReplication:N0}), none of which any choice was made on."));
        }
        return string.Join(" ", parts);
    }
}
