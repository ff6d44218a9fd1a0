using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    internal static readonly string[] OptimiseKeys = ["levers", "budget", "budgets", "organisation_budgets", "objective", "delayed_day_price", "replications", "max_replications", "indifference", "confidence"];
    internal static readonly string[] LeverKeys = ["service", "step", "min", "max", "cost", "step_cost", "paid_by", "switch"];
    internal static readonly string[] SwitchKeys = ["switch", "cost", "paid_by"];

    /// <summary>The most levers a search may have.</summary>
    internal const int MaxLevers = 12;

    /// <summary>The most replications the selection may give one candidate (and the most of the first stage).</summary>
    internal const int MaxSelectionReplications = 10_000;

    /// <summary>The most steps a search may take from the start (each simulating every lever's next step).</summary>
    internal const int MaxSearchSteps = 500;

    /// <summary>The <c>optimise:</c> section (docs/scenario-reference.md); null when absent.</summary>
    public OptimiseSpec? Optimise { get; private set; }

    /// <summary>
    /// <c>optimise: {levers: {NAME: {service, step, min, max, cost | step_cost, paid_by}}, budgets: [£0, £1m], objective, delayed_day_price, …}</c>:
    /// each lever adds capacity to a service of this file; every mistake is a problem at its line and key.
    /// </summary>
    private void ReadOptimise(YMap root, IReadOnlyList<ServiceDefinition> services, IReadOnlyList<Intervention> interventions)
    {
        Optimise = null;
        if (ctx.Map(root["optimise"], "optimise") is not { } map)
        {
            return;
        }
        int before = ctx.Problems.Count;
        ctx.Keys(map, "optimise", OptimiseKeys, ["levers"]);
        var levers = new List<Lever>();
        if (ctx.Map(map["levers"], "optimise.levers") is { } leverMap)
        {
            if (leverMap.Entries.Count == 0)
            {
                ctx.Error(leverMap, "optimise.levers", "name at least one lever, such as {more_reablement: {service: reablement, step: 5, max: 40, cost: £20k}}.");
            }
            foreach (var (key, value) in leverMap.Entries)
            {
                var lever = value is YMap { } lm && lm["switch"] is not null ? ReadSwitch(key, lm, interventions) : ReadLever(key, value, services);
                if (lever is not null)
                {
                    levers.Add(lever);
                }
            }
            if (leverMap.Entries.Count > MaxLevers)
            {
                ctx.Error(leverMap, "optimise.levers", $"at most {MaxLevers} levers: the local search tries every swap and every trade of one step for two, which grows as the cube of the levers; there were {leverMap.Entries.Count}.");
            }
            foreach (var twice in levers.Where(l => !l.IsSwitch).GroupBy(l => l.Service, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                ctx.Error(leverMap, "optimise.levers", $"levers {string.Join(", ", twice.Select(l => $"'{l.Name}'"))} all change '{twice.Key}': give one lever per service.");
            }
            foreach (var twice in levers.Where(l => l.IsSwitch).GroupBy(l => l.Switch!.Intervention, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                ctx.Error(leverMap, "optimise.levers", $"levers {string.Join(", ", twice.Select(l => $"'{l.Name}'"))} all switch '{twice.Key}': give one switch per intervention.");
            }
        }
        var budgets = ReadBudgets(map);
        var funderBudgets = ReadFunderBudgets(map, levers);
        var goal = OptimiseGoal.DelayedDays;
        switch (ctx.Text(map["objective"], "optimise.objective"))
        {
            case null or "delayed_days":
                break;
            case "total_cost":
                goal = OptimiseGoal.TotalCost;
                break;
            case { } other:
                ctx.Error(map["objective"], "optimise.objective", $"'{ReadContext.Shown(other)}' is not an objective here: write delayed_days (the default) or total_cost.{Suggest.DidYouMean(other, ["delayed_days", "total_cost"])}");
                break;
        }
        var price = map["delayed_day_price"] is { } p ? Pounds(p, "optimise.delayed_day_price") : Economy?.Prices.ExcessBedDay;
        if (goal == OptimiseGoal.TotalCost && price is null && map["delayed_day_price"] is null)
        {
            ctx.Error(map["objective"], "optimise.objective", "total_cost needs the price of a delayed day: give optimise.delayed_day_price (or prices.excess_bed_day).");
        }
        int? first = PositiveCount(map["replications"], "optimise.replications", 2);
        int? most = PositiveCount(map["max_replications"], "optimise.max_replications", 2);
        if (most is > MaxSelectionReplications)
        {
            ctx.Error(map["max_replications"], "optimise.max_replications", $"the selection may give a candidate at most {MaxSelectionReplications:N0} replications, but was {most:N0}.");
        }
        if (first is > MaxSelectionReplications)
        {
            ctx.Error(map["replications"], "optimise.replications", $"the first stage can be at most {MaxSelectionReplications:N0} replications, but was {first:N0}.");
        }
        if (first is { } f && most is { } m && m < f)
        {
            ctx.Error(map["max_replications"], "optimise.max_replications", $"the most replications ({m}) cannot be fewer than the first stage's ({f}).");
        }
        double? indifference = ctx.Number(map["indifference"], "optimise.indifference");
        if (indifference is { } d && !(d > 0 && double.IsFinite(d)))
        {
            ctx.Error(map["indifference"], "optimise.indifference", $"the indifference zone must be a finite number above 0 (delayed days a year, or pounds for total_cost), but was {d}.");
        }
        double confidence = Share(map["confidence"], "optimise.confidence") ?? 0.95;
        if (!(confidence is >= 0.5 and < 1))
        {
            ctx.Error(map["confidence"], "optimise.confidence", $"the confidence must be from 50% up to (not including) 100%, but was {confidence}.");
        }
        if (levers.Count > 0 && budgets.Count > 0)
        {
            var least = levers.Aggregate(Money.Zero, (sum, l) => sum + l.Cost(l.Min));
            if (least > budgets[0])
            {
                ctx.Error(map[map["budgets"] is null ? "budget" : "budgets"], map["budgets"] is null ? "optimise.budget" : "optimise.budgets",
                    $"every lever at its least amount already costs £{least.Pounds:N0} a year, above the budget of £{budgets[0].Pounds:N0}: lower the levers' min or raise the budget.");
            }
            // The greedy search takes one step at a time, trying every lever: bound the steps so no file can make it run for ever.
            long allSteps = levers.Sum(l => (long)(l.Max - l.Min) / l.Step);
            var cheapest = levers.Min(l => l.StepCost);
            double affordable = cheapest > Money.Zero ? Math.Floor((double)((budgets[^1] - least).Pounds / cheapest.Pounds)) : double.PositiveInfinity;
            double steps = Math.Min(allSteps, affordable);
            if (steps > MaxSearchSteps)
            {
                ctx.Error(map["levers"], "optimise.levers",
                    $"the search could take up to {steps:N0} steps (the levers' ranges in their steps, within the largest budget), more than the {MaxSearchSteps:N0} it allows: each step simulates every lever. Make the steps larger (step:) or the ranges narrower (max:).");
            }
        }
        if (ctx.ErrorsSince(before))
        {
            return;
        }
        Optimise = new OptimiseSpec
        {
            Levers = levers,
            Budgets = budgets,
            FunderBudgets = funderBudgets,
            Goal = goal,
            DelayedDayPrice = price,
            Replications = first,
            MaxReplications = most,
            Indifference = indifference,
            Confidence = confidence,
        };
    }

    private Lever? ReadLever(YScalar key, YNode value, IReadOnlyList<ServiceDefinition> services)
    {
        string path = $"optimise.levers.{ReadContext.Shown(key.Value)}";
        if (ctx.Map(value, path, required: true) is not { } m)
        {
            return null;
        }
        int before = ctx.Problems.Count;
        ctx.Keys(m, path, LeverKeys, ["service", "max"]);
        string? name = ctx.Text(m["service"], $"{path}.service");
        var service = name is null ? null : services.FirstOrDefault(s => s.Name == name);
        if (name is not null && service is null)
        {
            ctx.Error(m["service"], $"{path}.service", $"there is no service '{ReadContext.Shown(name)}'.{Suggest.DidYouMean(name, services.Select(s => s.Name))}");
        }
        if (service is not null && service.Capacity.IsEverUnlimited)
        {
            ctx.Error(m["service"], $"{path}.service", $"'{name}' has unlimited capacity: adding to it changes nothing.");
        }
        int step = m["step"] is null ? 1 : PositiveCount(m["step"], $"{path}.step", 1) ?? 1;
        int min = ctx.Integer(m["min"], $"{path}.min") ?? 0;
        int? max = ctx.Integer(m["max"], $"{path}.max");
        if (max is { } hi)
        {
            if (hi <= min)
            {
                ctx.Error(m["max"], $"{path}.max", $"max ({hi}) must be above min ({min}).");
            }
            else if ((hi - min) % step != 0)
            {
                ctx.Error(m["max"], $"{path}.max", $"from min ({min}) to max ({hi}) is not a whole number of steps of {step}.");
            }
        }
        if (service is { Capacity: var schedule } && !schedule.IsEverUnlimited)
        {
            int most = schedule.Changes.Select(c => c.Capacity.Places).Prepend(schedule.Initial.Places).Max();
            if (max is { } top && (long)most + top > MaxCapacity)
            {
                ctx.Error(m["max"], $"{path}.max", $"'{name}' has up to {most:N0} places, so max can add at most {MaxCapacity - most:N0} (a capacity is at most {MaxCapacity:N0}), but was {top:N0}.");
            }
            int least = schedule.Changes.Select(c => c.Capacity.Places).Prepend(schedule.Initial.Places).Min();
            if (min < -least)
            {
                ctx.Error(m["min"], $"{path}.min", $"'{name}' has as few as {least} places: min cannot take away more than that, but was {min}.");
            }
        }
        Money? unit = null;
        if (m["cost"] is not null && m["step_cost"] is not null)
        {
            ctx.Error(m, path, "give cost (a unit a year) or step_cost (a step a year), not both.");
        }
        else if (m["cost"] is { } cost)
        {
            unit = Pounds(cost, $"{path}.cost");
        }
        else if (m["step_cost"] is { } stepCost)
        {
            unit = Pounds(stepCost, $"{path}.step_cost") is { } s ? Money.FromPounds(s.Pounds / step) : null;
        }
        else
        {
            ctx.Error(m, $"{path}.cost", "give the lever's cost: cost (a unit a year, e.g. £52k a bed) or step_cost (a step a year).");
        }
        if (unit is { } u && u <= Money.Zero)
        {
            ctx.Error(m["cost"] ?? m["step_cost"], $"{path}.{(m["cost"] is null ? "step_cost" : "cost")}", "a lever's cost must be above £0 (the search ranks levers by delayed days avoided per pound).");
        }
        var paidBy = ctx.Choice(m["paid_by"], $"{path}.paid_by", CommissionerWords.Table) ?? Commissioner.Pooled;
        if (ctx.ErrorsSince(before) || name is null || max is null || unit is null)
        {
            return null;
        }
        return new Lever(key.Value, name, step, min, max.Value, unit.Value, paidBy);
    }

    /// <summary>
    /// <c>switch: NAME</c>: turns the intervention NAME of <c>interventions:</c> off (0, the start) or on
    /// (1) at its cost a year (the intervention's <c>cost</c> unless the lever gives one) and its
    /// <c>paid_by</c>; only an intervention that adds capacity and changes nothing else can be switched.
    /// </summary>
    private Lever? ReadSwitch(YScalar key, YMap m, IReadOnlyList<Intervention> interventions)
    {
        string path = $"optimise.levers.{ReadContext.Shown(key.Value)}";
        int before = ctx.Problems.Count;
        ctx.Keys(m, path, SwitchKeys, ["switch"]);
        string? name = ctx.Text(m["switch"], $"{path}.switch");
        var intervention = name is null ? null : interventions.FirstOrDefault(i => i.Name == name);
        if (name is not null && intervention is null)
        {
            ctx.Error(m["switch"], $"{path}.switch", interventions.Count == 0
                ? $"there is no intervention '{ReadContext.Shown(name)}': a switch turns one of the file's interventions: on or off."
                : $"there is no intervention '{ReadContext.Shown(name)}'.{Suggest.DidYouMean(name, interventions.Select(i => i.Name))}");
        }
        else if (intervention is not null && (intervention.Routes.Count > 0 || intervention.Stays.Count > 0))
        {
            ctx.Error(m["switch"], $"{path}.switch", $"'{name}' changes {(intervention.Routes.Count > 0 ? "routing" : "lengths of stay")}: a switch can turn on or off only an intervention that adds capacity (add_capacity) and changes nothing else.");
        }
        else if (intervention is not null && intervention.Capacity.Count == 0)
        {
            ctx.Error(m["switch"], $"{path}.switch", $"'{name}' adds no capacity (no add_capacity): switching it would change nothing the simulation sees.");
        }
        else if (intervention is not null && intervention.Capacity.Any(c => c.Delta < 0))
        {
            ctx.Error(m["switch"], $"{path}.switch", $"'{name}' takes places away ({string.Join(", ", intervention.Capacity.Where(c => c.Delta < 0).Select(c => $"{c.Service} {c.Delta}"))}): a switch turns on added capacity, at a cost; model a cut as a capacity lever with a min below 0.");
        }
        // The intervention's cost is for its dates; a lever's is a year: its share of the reported period, a year of it.
        double horizon = Options?.HorizonDays ?? YearLength.CommonDays;
        double overlap = intervention is null ? 0 : Math.Max(0, Math.Min(intervention.To, horizon) - Math.Max(intervention.From, 0));
        if (intervention is not null && overlap <= 0)
        {
            ctx.Error(m["switch"], $"{path}.switch", $"'{name}' is not in force in the reported period: switching it on would change nothing reported.");
        }
        Money? cost = m["cost"] is { } c ? Pounds(c, $"{path}.cost")
            : intervention is { Cost: > 0 } i && overlap > 0 ? Money.FromPounds(Math.Round(i.Cost * (decimal)(overlap / (i.To - i.From) * YearLength.CommonDays / horizon), 2)) : null;
        if (m["cost"] is null && intervention is { Cost: <= 0 })
        {
            ctx.Error(m, $"{path}.cost", $"'{name}' has no cost: give the switch's cost a year (cost: £2m).");
        }
        if (cost is { } u && u <= Money.Zero)
        {
            ctx.Error(m["cost"], $"{path}.cost", "a switch's cost must be above £0 (the search ranks levers by delayed days avoided per pound).");
        }
        var paidBy = m["paid_by"] is null && intervention is not null ? intervention.PaidBy : ctx.Choice(m["paid_by"], $"{path}.paid_by", CommissionerWords.Table) ?? Commissioner.Pooled;
        if (ctx.ErrorsSince(before) || intervention is null || cost is null)
        {
            return null;
        }
        var windows = intervention.Capacity.Select(x => new CapacityWindow(x.Service, intervention.From, intervention.To, x.Delta)).ToList();
        return Lever.ForSwitch(key.Value, new LeverSwitch(intervention.Name, InBaseline: true, windows), cost.Value, paidBy);
    }

    /// <summary><c>organisation_budgets: {nhs: £1m, social_care: £500k, pooled: £2m}</c>: the most each funder may spend a year on the levers it pays for.</summary>
    private Dictionary<Commissioner, Money> ReadFunderBudgets(YMap map, List<Lever> levers)
    {
        var limits = new Dictionary<Commissioner, Money>();
        if (ctx.Map(map["organisation_budgets"], "optimise.organisation_budgets") is not { } m)
        {
            return limits;
        }
        if (m.Entries.Count == 0)
        {
            ctx.Error(m, "optimise.organisation_budgets", $"name at least one funder ({string.Join(", ", CommissionerWords.Table.Codes)}) with its budget a year, or leave the key out.");
        }
        foreach (var (key, value) in m.Entries)
        {
            string path = $"optimise.organisation_budgets.{ReadContext.Shown(key.Value)}";
            if (ctx.Choice(key, path, CommissionerWords.Table) is not { } funder || Pounds(value, path) is not { } limit)
            {
                continue;
            }
            var least = levers.Where(l => l.PaidBy == funder).Aggregate(Money.Zero, (sum, l) => sum + l.Cost(l.Min));
            if (least > limit)
            {
                ctx.Error(value, path, $"the levers {key.Value} pays for already cost £{least.Pounds:N0} a year at their least amounts, above its budget of £{limit.Pounds:N0}.");
            }
            if (levers.Count > 0 && !levers.Any(l => l.PaidBy == funder))
            {
                ctx.Warning(key, path, $"no lever is paid by {key.Value} (paid_by), so its budget limits nothing.");
            }
            limits[funder] = limit;
        }
        return limits;
    }

    private List<Money> ReadBudgets(YMap map)
    {
        var budgets = new List<Money>();
        if (map["budget"] is not null && map["budgets"] is not null)
        {
            ctx.Error(map, "optimise", "give budget (one) or budgets (a list for a frontier), not both.");
            return budgets;
        }
        if (map["budget"] is { } one)
        {
            if (Pounds(one, "optimise.budget") is { } b)
            {
                budgets.Add(b);
            }
            return budgets;
        }
        if (map["budgets"] is not { } many)
        {
            ctx.Error(map, "optimise.budgets", "give the budget a year for the levers: budget: £2m, or budgets: [£0, £1m, £2m] for a frontier.");
            return budgets;
        }
        if (many is not YSeq { Items.Count: > 0 } list)
        {
            ctx.Error(many, "optimise.budgets", "expected a non-empty list of amounts a year, such as [£0, £1m, £2m].");
            return budgets;
        }
        foreach (var item in list.Items)
        {
            if (Pounds(item, "optimise.budgets") is { } b)
            {
                if (budgets.Count > 0 && b <= budgets[^1])
                {
                    ctx.Error(item, "optimise.budgets", $"budgets must rise: £{b.Pounds:N0} comes after £{budgets[^1].Pounds:N0}.");
                }
                budgets.Add(b);
            }
        }
        return budgets;
    }

    private int? PositiveCount(YNode? node, string path, int least)
    {
        int? n = ctx.Integer(node, path);
        if (n is { } v && v < least)
        {
            ctx.Error(node, path, $"must be at least {least}, but was {v}.");
            return null;
        }
        return n;
    }
}
