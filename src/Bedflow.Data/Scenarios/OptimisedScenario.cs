using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// optimised-scenario.yaml (bedflow optimise --out): the user's own scenario text — its order,
/// layout and comments kept (<see cref="ScenarioPatch"/>) — with one variant per budget,
/// <c>optimised_&lt;budget&gt;</c>, added under <c>variants:</c>. Each variant adds its allocation
/// relative to the baseline, as an intervention of its own in force over every simulated day
/// (warm-up included) whose <c>add_capacity</c> is each lever's amount: a service's dated capacity
/// changes and the baseline's interventions keep their meaning, and nothing is counted twice. The
/// text is read back and checked before it is given: it must parse without problems, and each
/// variant's lever services must have exactly the capacity the optimiser simulated. Thread-safe.
/// </summary>
public static class OptimisedScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The name of a budget's variant: <c>optimised_2000000</c> for £2m.</summary>
    public static string VariantName(FrontierPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return string.Create(Inv, $"optimised_{point.Budget.Pounds:0}");
    }

    /// <summary>
    /// The scenario's <paramref name="text"/> with each frontier point as a variant, read back and checked
    /// against <paramref name="scenario"/> (the scenario the search ran on, read from that text).
    /// </summary>
    /// <exception cref="ArgumentException">The file cannot be edited in place (an anchored or one-line variants: section), or the result does not read back as the allocations simulated.</exception>
    public static string Write(string text, string fileName, Scenario scenario, OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var existing = ScenarioPatch.EntryKeys(text, "interventions");
        string intervention = "optimised_levers";
        for (int k = 2; existing.Contains(intervention, StringComparer.Ordinal); k++)
        {
            intervention = string.Create(Inv, $"optimised_levers_{k}");
        }
        var options = scenario.Options;
        var start = scenario.Baseline.StartDate;
        // In force from the first warm-up day to the day after the last reported one: the change back falls after the run's end.
        var from = start.AddDays(-(int)Math.Ceiling(options.WarmupDays));
        var to = start.AddDays((int)Math.Ceiling(options.HorizonDays));
        var edits = result.Frontier.Select(p => ScenarioEdit.Entry("variants", VariantName(p), Variant(result, p, intervention, from, to),
            string.Create(Inv, $"bedflow optimise (seed {options.Seed}): the best allocation within £{p.Budget.Pounds:N0} a year, spending £{p.Spend.Pounds:N0}"))).ToList();
        string written = ScenarioPatch.Apply(text, edits);
        var problems = Check(written, fileName, scenario, result);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"the optimised scenario does not read back as the allocations simulated: {string.Join("; ", problems)}", nameof(text));
        }
        return written;
    }

    // {description: "…", set: {interventions.pilot: null}, add_interventions: {optimised_levers: {from: …, to: …, add_capacity: {service: amount, …}}}}
    private static string Variant(OptimiseResult r, FrontierPoint p, string intervention, DateOnly from, DateOnly to)
    {
        var levers = r.Levers;
        var add = Enumerable.Range(0, levers.Count).Where(j => !levers[j].IsSwitch && p.Allocation[j] != 0)
            .Select(j => string.Create(Inv, $"{levers[j].Service}: {p.Allocation[j]}")).ToList();
        // A switch off of an intervention the baseline has removes it; on leaves it as the file has it.
        var off = Enumerable.Range(0, levers.Count).Where(j => levers[j].Switch is { InBaseline: true } && p.Allocation[j] == 0)
            .Select(j => string.Create(Inv, $"interventions.{levers[j].Switch!.Intervention}: null")).ToList();
        string lever = string.Join(", ", levers.Select((l, j) => l.IsSwitch ? $"{l.Name} {(p.Allocation[j] == 1 ? "on" : "off")}" : string.Create(Inv, $"{l.Name} {p.Allocation[j]:+0;-0;0}")));
        string description = string.Create(Inv, $"The best allocation bedflow optimise found within £{p.Budget.Pounds:N0} a year ({lever}), spending £{p.Spend.Pounds:N0} a year on the levers; that spend is not in this variant's costs.");
        var v = new StringBuilder("{description: ").Append(Quoted(description));
        if (off.Count > 0)
        {
            v.Append(", set: {").Append(string.Join(", ", off)).Append('}');
        }
        if (add.Count > 0)
        {
            v.Append(Inv, $", add_interventions: {{{intervention}: {{from: {from:yyyy-MM-dd}, to: {to:yyyy-MM-dd}, add_capacity: {{{string.Join(", ", add)}}}}}}}");
        }
        return v.Append('}').ToString();
    }

    private static string Shown(Core.Units.Capacity c) => c.IsUnlimited ? "unlimited" : c.Places.ToString(Inv);

    private static string Quoted(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The problems of the written text: any it has on reading, a budget's variant missing, or a lever
    /// service's capacity on any simulated day not the baseline's plus the lever's amount (never below
    /// 0), as the optimiser simulated it. Empty when it reads back as simulated.
    /// </summary>
    public static IReadOnlyList<string> Check(string written, string fileName, Scenario scenario, OptimiseResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var load = ScenarioFile.Parse(written, fileName);
        var problems = load.Problems.Where(p => !p.IsWarning).Select(p => p.ToString()).ToList();
        if (load.Scenario is not { } read)
        {
            return problems;
        }
        var baseline = scenario.Baseline;
        double begin = -scenario.Options.WarmupDays, end = scenario.Options.HorizonDays;
        foreach (var p in result.Frontier)
        {
            string name = VariantName(p);
            if (read.AllVariants.FirstOrDefault(v => v.Name == name) is not { } variant)
            {
                problems.Add($"variant {name} is missing");
                continue;
            }
            // What the optimiser simulated for this allocation: every service's capacity on every simulated day must be the same.
            var simulated = Optimiser.NetworkFor(baseline, result.Levers, p.Allocation);
            foreach (var service in simulated.Services)
            {
                var want = service.Capacity;
                var now = variant.Network.Services[variant.Network.ServiceIndex(service.Name)].Capacity;
                var days = want.Changes.Select(c => c.Day).Concat(now.Changes.Select(c => c.Day)).Where(d => d > begin && d <= end).Append(begin);
                foreach (double day in days)
                {
                    if (want.At(day) != now.At(day))
                    {
                        problems.Add(string.Create(Inv, $"variant {name}: {service.Name} has {Shown(now.At(day))} places on day {day}, not {Shown(want.At(day))}"));
                        break;
                    }
                }
            }
        }
        return problems;
    }
}
