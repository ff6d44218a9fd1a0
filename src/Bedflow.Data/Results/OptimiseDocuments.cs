using System.Text.Json.Serialization;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Statistics;

namespace Bedflow.Data.Results;

// The shape of optimise.json and `bedflow optimise --json` (docs/optimise.md), in the document's key order:
// written by `bedflow optimise` and by the web app's optimisations alike.

/// <summary>A mean with its 95% confidence interval ([lower, upper]; nulls without an interval).</summary>
public sealed record MeanDocument(double Mean, IReadOnlyList<double?> Ci95)
{
    /// <summary>The estimate as the document writes it.</summary>
    public static MeanDocument Of(Estimate e) => new(e.Mean, [e.Lower, e.Upper]);
}

/// <summary>A lever's marginal value: delayed days a year avoided per £1,000 a year of one more step; null at its bound.</summary>
public sealed record MarginalDocument(string Lever, int? From, [property: JsonPropertyName("delayed_days_avoided_per_1000_pounds")] MeanDocument? DelayedDaysAvoidedPer1000Pounds,
    [property: JsonPropertyName("acute_bed_days_freed_per_1000_pounds")] MeanDocument? AcuteBedDaysFreedPer1000Pounds)
{
    /// <summary>The marginal value as the document writes it.</summary>
    public static MarginalDocument Of(MarginalValue m) => new(m.Lever, m.From, m.DelayedDaysAvoidedPer1000Pounds is { } e ? MeanDocument.Of(e) : null,
        m.AcuteBedDaysFreedPer1000Pounds is { } a ? MeanDocument.Of(a) : null);
}

/// <summary>One frontier point (or the economically essential allocation).</summary>
public sealed record FrontierDocument(
    decimal Budget, OrderedDictionary<string, int> Allocation, decimal Spend, OrderedDictionary<string, decimal> SpendByFunder, MeanDocument DelayedDays, MeanDocument DelayedDaysAvoided,
    int FiguresReplications, int FiguresFirstReplication, bool KeptFromSmallerBudget, IReadOnlyList<string> HarmsWorseOnFigures, MeanDocument? AcuteBedDaysFreed, MeanDocument? TotalCost, IReadOnlyList<OrderedDictionary<string, int>> IndistinguishableFrom, OrderedDictionary<string, int>? RunnerUp,
    int Replications, IReadOnlyList<MarginalDocument> Marginal, OrderedDictionary<string, MeanDocument> HarmsVersusStart)
{
    /// <summary>The frontier point <paramref name="p"/> of <paramref name="r"/>.</summary>
    public static FrontierDocument Of(OptimiseResult r, FrontierPoint p) => new(
        p.Budget.Pounds, Named(r, p.Allocation), p.Spend.Pounds,
        new OrderedDictionary<string, decimal>(p.SpendByFunder.OrderBy(f => f.Key).Select(f => KeyValuePair.Create(Core.Vocabulary.CommissionerWords.Code(f.Key), f.Value.Pounds))),
        MeanDocument.Of(p.DelayedDays), MeanDocument.Of(p.DelayedDaysAvoided), p.FiguresReplications, p.FiguresFirstReplication, p.KeptFromSmallerBudget,
        [.. p.HarmsWorseOnFigures.Select(Core.Experiments.HarmMeasureWords.Code)], p.AcuteBedDaysFreed is { } acute ? MeanDocument.Of(acute) : null,
        p.TotalCost is { } t ? MeanDocument.Of(t) : null, [.. p.IndistinguishableFrom.Select(a => Named(r, a))], p.RunnerUp is { } u ? Named(r, u) : null,
        p.Replications, [.. p.Marginal.Select(MarginalDocument.Of)],
        new OrderedDictionary<string, MeanDocument>(p.HarmsVersusStart.OrderBy(h => h.Key).Select(h => KeyValuePair.Create(Core.Experiments.HarmMeasureWords.Code(h.Key), MeanDocument.Of(h.Value)))));

    /// <summary>The allocation by lever name, in the levers' order.</summary>
    public static OrderedDictionary<string, int> Named(OptimiseResult r, Allocation a) =>
        new(r.Levers.Select((l, j) => KeyValuePair.Create(l.Name, a[j])));
}

/// <summary>optimise.json.</summary>
public sealed record OptimiseDocument(
    string Scenario, string Objective, string Method, double Confidence, double Indifference, int FirstStage, int Candidates, long ReplicationsSimulated,
    long ReplicationsReused, long ReplicationsForFigures, OrderedDictionary<string, int> Start, MeanDocument StartDelayedDays, IReadOnlyList<FrontierDocument> Frontier, IReadOnlyList<MarginalDocument> Marginal,
    FrontierDocument? EconomicallyEssential)
{
    /// <summary>The document's own note on the search's method.</summary>
    public const string MethodNote = "greedy marginal analysis on common random numbers, local search within each budget, then Kim & Nelson (2001) sequential ranking and selection among the best five";

    /// <summary>The document of <paramref name="r"/>, an optimisation of the scenario named <paramref name="scenario"/>.</summary>
    public static OptimiseDocument Of(string scenario, OptimiseResult r) => new(
        scenario, r.Goal == Core.Experiments.OptimiseGoal.TotalCost ? "total_cost" : "delayed_days", MethodNote, r.Confidence, r.Indifference, r.FirstStage,
        r.Candidates, r.ReplicationsSimulated, r.ReplicationsReused, r.ReplicationsForFigures, FrontierDocument.Named(r, r.Start), MeanDocument.Of(r.StartDelayedDays),
        [.. r.Frontier.Select(p => FrontierDocument.Of(r, p))], [.. r.Marginal.Select(MarginalDocument.Of)],
        r.EconomicallyEssential is { } e ? FrontierDocument.Of(r, e) : null);
}

/// <summary>The source-generated serializer of optimise.json.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(OptimiseDocument))]
public sealed partial class OptimiseJsonContext : JsonSerializerContext;

/// <summary>optimise.json's text, as `bedflow optimise` prints and writes it and the web app's optimisations write it.</summary>
public static class OptimiseJson
{
    /// <summary>The document of <paramref name="result"/>, an optimisation of the scenario named <paramref name="scenario"/>, indented (no final new line).</summary>
    public static string Text(string scenario, OptimiseResult result) =>
        System.Text.Json.JsonSerializer.Serialize(OptimiseDocument.Of(scenario, result), OptimiseJsonContext.Default.OptimiseDocument);
}
