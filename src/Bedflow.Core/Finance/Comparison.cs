using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>
/// A variant against the baseline on common random numbers: paired differences replication by
/// replication, each with its 95% interval, and what they mean in money. Immutable.
/// </summary>
public sealed class Comparison
{
    internal Comparison(string variant, Estimate delayedDaysAvoided, Estimate acuteBedDaysFreed, Estimate admissionsWaiting,
        Estimate totalCost, IReadOnlyDictionary<Commissioner, Estimate> costByOrganisation, PriceList prices, double years,
        IReadOnlyList<Budget> budgets, Estimate cashReleasing, Estimate activityCost, Estimate unmetDemand)
    {
        UnmetDemand = unmetDemand;
        CashReleasingSaving = cashReleasing;
        ActivityCost = activityCost;
        Variant = variant;
        DelayedDaysAvoided = delayedDaysAvoided;
        AcuteBedDaysFreed = acuteBedDaysFreed;
        AdmissionsWaiting = admissionsWaiting;
        TotalCost = totalCost;
        CostByOrganisation = costByOrganisation;
        // Cost per delayed day avoided: extra cost a year ÷ delayed days avoided a year (ratio of the paired means).
        CostPerDelayedDayAvoided = delayedDaysAvoided.Mean > 0 ? totalCost.Mean / years / delayedDaysAvoided.Mean : double.NaN;
        ElectiveCasesFromBeds = prices.ElectiveBedDays > 0 ? acuteBedDaysFreed.Mean / prices.ElectiveBedDays : double.NaN;
        ElectiveCasesFromMoney = prices.ElectivePrice is { } price && price > Money.Zero ? -totalCost.Mean / (double)price.Pounds : double.NaN;
        GapClosed = budgets.Where(b => b.Savings is { } plan && plan.Gap > Money.Zero).ToDictionary(b => b.Organisation,
            b => -(costByOrganisation.GetValueOrDefault(b.Organisation)?.Mean ?? 0) / years / (double)b.Savings!.Gap.Pounds);
    }

    /// <summary>The variant compared with the baseline.</summary>
    public string Variant { get; }

    /// <summary>Delayed days a year avoided (baseline − variant; negative = more delays).</summary>
    public Estimate DelayedDaysAvoided { get; }

    /// <summary>
    /// Acute bed-days freed over the horizon: empty open acute beds at midnight, variant − baseline.
    /// Only beds that stay open and stand empty count — closing beds frees none (negative: fewer
    /// empty beds than the baseline has).
    /// </summary>
    public Estimate AcuteBedDaysFreed { get; }

    /// <summary>Change in patients waiting for an acute bed (variant − baseline).</summary>
    public Estimate AdmissionsWaiting { get; }

    /// <summary>Extra total cost over the horizon (variant − baseline; negative = a saving).</summary>
    public Estimate TotalCost { get; }

    /// <summary>
    /// Cash-releasing saving (baseline − variant) of funded capacity and fixed costs: only capacity
    /// removed (or a scheme stopped) releases cash.
    /// </summary>
    public Estimate CashReleasingSaving { get; }

    /// <summary>Change in activity cost (variant − baseline): for block-funded beds, opportunity value rather than cash.</summary>
    public Estimate ActivityCost { get; }

    /// <summary>
    /// Change in the price of unmet demand (variant − baseline): electives turned away and hours
    /// waited for an acute bed. Part of <see cref="TotalCost"/> only when the prices put it in the total.
    /// </summary>
    public Estimate UnmetDemand { get; }

    /// <summary>Its part for planned patients turned away (variant − baseline).</summary>
    public Estimate UnmetElectives { get; init; } = Estimate.Undefined;

    /// <summary>Its part for patient-hours waited for an acute bed (variant − baseline).</summary>
    public Estimate UnmetWaiting { get; init; } = Estimate.Undefined;

    /// <summary>Extra cost to each partner (variant − baseline).</summary>
    public IReadOnlyDictionary<Commissioner, Estimate> CostByOrganisation { get; }

    /// <summary>Extra cost a year per delayed day avoided a year; NaN when the variant avoids none. Negative = it saves money too.</summary>
    public double CostPerDelayedDayAvoided { get; }

    /// <summary>Elective cases the freed acute bed-days could take (negative: the cases the lost empty beds could have taken).</summary>
    public double ElectiveCasesFromBeds { get; }

    /// <summary>Elective cases the money saved could buy (negative: the elective cases the extra cost forgoes).</summary>
    public double ElectiveCasesFromMoney { get; }

    /// <summary>
    /// Share of each organisation's savings gap the variant's yearly saving closes (negative: it
    /// widens it). A figure, not a finding: the faces report it only for options the appraisal
    /// accepts (results.json writes null for the others), beside what the option gives up.
    /// </summary>
    public IReadOnlyDictionary<Commissioner, double> GapClosed { get; }

    /// <summary>True when the paired 95% interval of delayed days avoided lies wholly above zero.</summary>
    public bool AvoidsDelaysClearly => DelayedDaysAvoided.Lower is > 0;
}
