using System.Text.Json.Serialization;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Statistics;

namespace Bedflow.Cli;

// The shape of optimise.json and `bedflow optimise --json` (docs/optimise.md), in the document's key order.

/// <summary>A mean with its 95% confidence interval ([lower, upper]; nulls without an interval).</summary>
internal sealed record MeanDocument(double Mean, IReadOnlyList<double?> Ci95)
{
    public static MeanDocument Of(Estimate e) => new(e.Mean, [e.Lower, e.Upper]);
}

/// <summary>A lever's marginal value: delayed days a year avoided per £1,000 a year of one more step; null at its bound.</summary>
internal sealed record MarginalDocument(string Lever, int? From, [property: JsonPropertyName("delayed_days_avoided_per_1000_pounds")] MeanDocument? DelayedDaysAvoidedPer1000Pounds,
    [property: JsonPropertyName("acute_bed_days_freed_per_1000_pounds")] MeanDocument? AcuteBedDaysFreedPer1000Pounds)
{
    public static MarginalDocument Of(MarginalValue m) => new(m.Lever, m.From, m.DelayedDaysAvoidedPer1000Pounds is { } e ? MeanDocument.Of(e) : null,
        m.AcuteBedDaysFreedPer1000Pounds is { } a ? MeanDocument.Of(a) : null);
}

/// <summary>One frontier point (or the economically essential allocation).</summary>
internal sealed record FrontierDocument(
    decimal Budget, OrderedDictionary<string, int> Allocation, decimal Spend, OrderedDictionary<string, decimal> SpendByFunder, MeanDocument DelayedDays, MeanDocument DelayedDaysAvoided,
    int FiguresReplications, int FiguresFirstReplication, bool KeptFromSmallerBudget, IReadOnlyList<string> HarmsWorseOnFigures, MeanDocument? AcuteBedDaysFreed, MeanDocument? TotalCost, IReadOnlyList<OrderedDictionary<string, int>> IndistinguishableFrom, OrderedDictionary<string, int>? RunnerUp,
    int Replications, IReadOnlyList<MarginalDocument> Marginal, OrderedDictionary<string, MeanDocument> HarmsVersusStart)
{
    public static FrontierDocument Of(OptimiseResult r, FrontierPoint p) => new(
        p.Budget.Pounds, Named(r, p.Allocation), p.Spend.Pounds,
        new OrderedDictionary<string, decimal>(p.SpendByFunder.OrderBy(f => f.Key).Select(f => KeyValuePair.Create(Core.Vocabulary.CommissionerWords.Code(f.Key), f.Value.Pounds))),
        MeanDocument.Of(p.DelayedDays), MeanDocument.Of(p.DelayedDaysAvoided), p.FiguresReplications, p.FiguresFirstReplication, p.KeptFromSmallerBudget,
        [.. p.HarmsWorseOnFigures.Select(Core.Experiments.HarmMeasureWords.Code)], p.AcuteBedDaysFreed is { } acute ? MeanDocument.Of(acute) : null,
        p.TotalCost is { } t ? MeanDocument.Of(t) : null, [.. p.IndistinguishableFrom.Select(a => Named(r, a))], p.RunnerUp is { } u ? Named(r, u) : null,
        p.Replications, [.. p.Marginal.Select(MarginalDocument.Of)],
        new OrderedDictionary<string, MeanDocument>(p.HarmsVersusStart.OrderBy(h => h.Key).Select(h => KeyValuePair.Create(Core.Experiments.HarmMeasureWords.Code(h.Key), MeanDocument.Of(h.Value)))));

    public static OrderedDictionary<string, int> Named(OptimiseResult r, Allocation a) =>
        new(r.Levers.Select((l, j) => KeyValuePair.Create(l.Name, a[j])));
}

/// <summary>optimise.json.</summary>
internal sealed record OptimiseDocument(
    string Scenario, string Objective, string Method, double Confidence, double Indifference, int FirstStage, int Candidates, long ReplicationsSimulated,
    long ReplicationsReused, long ReplicationsForFigures, OrderedDictionary<string, int> Start, MeanDocument StartDelayedDays, IReadOnlyList<FrontierDocument> Frontier, IReadOnlyList<MarginalDocument> Marginal,
    FrontierDocument? EconomicallyEssential)
{
    public const string MethodNote = "greedy marginal analysis on common random numbers, local search within each budget, then Kim & Nelson (2001) sequential ranking and selection among the best five";

    public static OptimiseDocument Of(string scenario, OptimiseResult r) => new(
        scenario, r.Goal == Core.Experiments.OptimiseGoal.TotalCost ? "total_cost" : "delayed_days", MethodNote, r.Confidence, r.Indifference, r.FirstStage,
        r.Candidates, r.ReplicationsSimulated, r.ReplicationsReused, r.ReplicationsForFigures, FrontierDocument.Named(r, r.Start), MeanDocument.Of(r.StartDelayedDays),
        [.. r.Frontier.Select(p => FrontierDocument.Of(r, p))], [.. r.Marginal.Select(MarginalDocument.Of)],
        r.EconomicallyEssential is { } e ? FrontierDocument.Of(r, e) : null);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(OptimiseDocument))]
internal sealed partial class OptimiseJsonContext : JsonSerializerContext;
