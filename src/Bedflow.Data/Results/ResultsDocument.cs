using System.Text.Json.Serialization;

namespace Bedflow.Data.Results;

// The shape of results.json (docs/results.md), property by property in the file's key order. Keys
// are the snake_case of the property names (ResultsJsonContext) unless named here. A null
// property is written as null, except a variant's costs and versus_baseline, which are left out.

/// <summary>The whole file.</summary>
internal sealed record ResultsDocument(
    string Scenario, int Replications, ulong Seed, string? Start, double WarmupDays, double HorizonDays, long Events,
    double? ElapsedSeconds, IReadOnlyList<VariantDocument> Variants, EconomicsDocument Economics);

/// <summary>A statistic: the mean over replications (null if undefined) and its 95% interval (null with one replication).</summary>
internal sealed record Statistic(double? Mean, [property: JsonPropertyName("ci95")] IReadOnlyList<double>? Ci95);

internal sealed record VariantDocument(
    string Name, string Description, Statistic DelayedPatients, Statistic DelayedDaysPerYear, Statistic AcuteOccupancy,
    Statistic AdmissionsWaiting, int DeadlockedReplications, IReadOnlyList<ServiceDocument> Services, DelaysDocument Delays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CostsDocument? Costs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ComparisonDocument? VersusBaseline,
    StatisticGroup Harms, IReadOnlyList<StreamDocument> Streams, StabilityDocument Stability,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatisticGroup? HarmsVersusBaseline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppraisalDocument? Appraisal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UncertaintyDocument? ParameterUncertainty = null);

/// <summary>The headline figures with parameter uncertainty (run --parameter-uncertainty; docs/results-reference.md).</summary>
internal sealed record UncertaintyDocument(
    IReadOnlyList<string> Parameters, UncertainStatistic DelayedPatients, UncertainStatistic DelayedDaysPerYear,
    UncertainStatistic? TotalCost, UncertainStatistic? DelayedDaysAvoidedPerYear, UncertainStatistic? ExtraCost);

/// <summary>A figure from randomness only (mean, ci95), with the parameters' uncertainty, and the parameters' share of the spread.</summary>
internal sealed record UncertainStatistic(
    double? Mean, [property: JsonPropertyName("ci95")] IReadOnlyList<double>? Ci95, Statistic WithParameters, double? ParameterVariance, RatioDocument ParameterShare);

/// <summary>An arrival stream's patients a year: admitted, turned away, diverted.</summary>
internal sealed record StreamDocument(string Name, string Kind, Statistic AdmittedPerYear, Statistic TurnedAwayPerYear, Statistic DivertedPerYear);

/// <summary>Whether the variant's queues settle (docs/results-reference.md, "Stability").</summary>
internal sealed record StabilityDocument(bool Unstable, IReadOnlyList<GrowthDocument> Growing, int DeadlockedReplications, IReadOnlyList<OverCapacityDocument> OverCapacity);

/// <summary>A service the flow balance offers more than it can carry over the period: load a day in its capacity units, the planned part it may turn away, its mean capacity, and the share of capacity the patients who wait whatever need (null when unlimited).</summary>
internal sealed record OverCapacityDocument(string Service, string Level, double? Offered, double? Planned, double? Capacity, double? MustCarryRatio);

/// <summary>A service whose queue grows: the fitted growth over the period, in patients.</summary>
internal sealed record GrowthDocument(string Service, Statistic Growth);

/// <summary>An option's standing and its reasons, as data (docs/results-reference.md, "Appraisal").</summary>
internal sealed record AppraisalDocument(bool Acceptable, bool Dominated, bool Unstable, RatioDocument? CostPerDelayedDayAvoided, IReadOnlyList<ReasonDocument> Reasons);

/// <summary>A ratio with Fieller's interval (null when unbounded).</summary>
internal sealed record RatioDocument(double? Value, [property: JsonPropertyName("ci95")] IReadOnlyList<double>? Ci95);

/// <summary>One reason: its kind, and the fields that kind has (others left out).</summary>
internal sealed record ReasonDocument(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Measure = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Statistic? Difference = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Tolerance = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Services = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DeadlockedReplications = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReplicationsNeeded = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Organisation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Year = null);

internal sealed record ServiceDocument(
    string Name, Statistic Capacity, Statistic Occupancy, Statistic Utilisation, Statistic BlockedBeds, Statistic Queue,
    Statistic QueueWaitDays, Statistic BlockedDays, Statistic ThroughputPerDay, Statistic LossProbability);

internal sealed record DelaysDocument(
    Statistic DelayedDaysPerYear, Statistic DelayedPatients, Statistic SnapshotMean,
    [property: JsonPropertyName("per_1000_adults_per_year")] Statistic Per1000AdultsPerYear,
    [property: JsonPropertyName("per_100k_adults")] Statistic Per100kAdults,
    Statistic ShareDischargedOnReadyDate, Statistic MeanDelayPerDischargeDays,
    StatisticGroup ByReason, StatisticGroup ByResponsible, StatisticGroup ByBedType, StatisticGroup ByBand,
    StatisticGroup DischargesPerYearByPathway, IReadOnlyList<MonthDocument> Months);

/// <summary>A calendar month; the snapshot and its date are null when the last Thursday is outside the period.</summary>
internal sealed record MonthDocument(string Month, Statistic DelayedDays, Statistic DtocBeds, string? SnapshotDate, Statistic? Snapshot);

internal sealed record CostsDocument(
    string PriceYear, Statistic Total, Statistic FixedCosts, Statistic FundedCapacity, Statistic Activity, UnmetDemandDocument UnmetDemand,
    StatisticGroup ByOrganisation, StatisticGroup ByService, StatisticGroup ByYear, PooledFundDocument? PooledFund);

/// <summary>The price of demand not met over the period: its two parts, who bears it and whether <c>total</c> includes it.</summary>
internal sealed record UnmetDemandDocument(Statistic Total, Statistic ElectivesTurnedAway, Statistic HoursWaitingForBed, string PaidBy, bool InTotal);

internal sealed record PooledFundDocument(Statistic Contributions, Statistic Spend, Statistic Result, StatisticGroup SharesOfResult);

internal sealed record ComparisonDocument(
    Statistic DelayedDaysAvoidedPerYear, Statistic AcuteBedDaysFreed, Statistic AdmissionsWaiting, Statistic TotalCost,
    Statistic CashReleasingSaving, Statistic ActivityCost, Statistic UnmetDemand, StatisticGroup CostByOrganisation,
    double? CostPerDelayedDayAvoided, double? ElectiveCasesFromFreedBeds, double? ElectiveCasesFromMoney,
    OrderedDictionary<string, double?>? SavingsGapClosed, bool AvoidsDelaysClearly);

internal sealed record EconomicsDocument(string? BestOption, string Statement, IReadOnlyList<BudgetDocument> Budgets, int? ReplicationsNeeded,
    string? Recommended, string Objective, string Verdict, Statistic? DelayedDaysAvoided, RatioDocument? CostPerDelayedDayAvoided, Statistic? ExtraCostPerYear,
    IReadOnlyList<ReasonDocument> Reasons);

internal sealed record BudgetDocument(string Organisation, string Name, IReadOnlyList<BudgetYearDocument> Years, SavingsDocument? Savings);

internal sealed record BudgetYearDocument(string Year, decimal? Budget, Statistic ModelledSpend);

internal sealed record SavingsDocument(decimal Target, decimal Identified, decimal Gap, IReadOnlyList<SchemeDocument> Schemes);

internal sealed record SchemeDocument(string Name, decimal Amount, string? Variant);

/// <summary>Statistics keyed by a label, written in insertion order.</summary>
internal sealed class StatisticGroup : OrderedDictionary<string, Statistic>
{
    public StatisticGroup() : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>
/// The source-generated serializer of results.json: two-space indentation, "\n" line ends, and
/// System.Text.Json's default encoder and number format — the bytes Utf8JsonWriter wrote before.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(ResultsDocument))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
