using System.Globalization;
using System.Text.Json;
using Bedflow.Core.Decisions;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Results;

/// <summary>
/// The results JSON (docs/results.md): deterministic — the same scenario, seed and replications
/// give the same bytes — so it holds no timings or host details (those go to run-info.json).
/// Every statistic is <c>{"mean": x, "ci95": [lo, hi]}</c>; an undefined mean is null, and the
/// interval is null with one replication. The file's shape is <see cref="ResultsDocument"/>,
/// written by the source-generated <see cref="ResultsJsonContext"/>.
/// </summary>
public static partial class ResultsJson
{
    /// <summary>Writes the results of a scenario's variants.</summary>
    /// <param name="stream">Where the file goes.</param>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="options">The options the variants ran with.</param>
    /// <param name="variants">The baseline first, then the variants.</param>
    /// <param name="verdictWording">
    /// The words of <c>economics.statement</c> for the verdict this writer judges from the
    /// variants' comparisons (it writes the verdict's data itself): the text is the faces' to
    /// write — Bedflow.Reports' <c>VerdictWording.Statement(verdict, priced)</c>, which Data may
    /// not reference.
    /// </param>
    /// <param name="rules">How options are appraised (the scenario's <c>decision:</c> section); null = the defaults.</param>
    public static void Write(Stream stream, string scenario, RunOptions options, IReadOnlyList<VariantResult> variants, Func<Verdict, string> verdictWording, DecisionRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(verdictWording);
        var decision = Decision.Of(variants, rules ?? DecisionRules.Default);
        var document = new ResultsDocument(
            scenario,
            options.Replications,
            options.Seed,
            variants.Count > 0 ? Date(variants[0].Network.StartDate) : null,
            options.WarmupDays,
            options.HorizonDays,
            variants.Sum(v => v.Run.Replications.Sum(r => r.Counts.Events)),
            // Timings vary run to run: they are in run-info.json, so this file stays byte-identical.
            ElapsedSeconds: null,
            [.. variants.Select(v => Variant(v, decision))],
            Economics(variants, decision, verdictWording));
        JsonSerializer.Serialize(stream, document, ResultsJsonContext.Default.ResultsDocument);
    }

    private static VariantDocument Variant(VariantResult v, Decision decision) => new(
        v.Name,
        v.Description,
        Stat(v.DelayedPatients),
        Stat(v.DelayedDaysPerYear),
        Stat(v.AcuteOccupancy),
        Stat(v.AdmissionsWaiting),
        v.Run.DeadlockedReplications,
        [.. v.Run.Services.Select(s => new ServiceDocument(
            s.Name,
            Stat(s[ServiceMetric.MeanCapacity]),
            Stat(s[ServiceMetric.MeanOccupancy]),
            Stat(s[ServiceMetric.Utilisation]),
            Stat(s[ServiceMetric.MeanBlocked]),
            Stat(s[ServiceMetric.MeanQueue]),
            Stat(s[ServiceMetric.MeanWaitInQueue]),
            Stat(s[ServiceMetric.MeanBlockedTimePerDeparture]),
            Stat(s[ServiceMetric.Throughput]),
            Stat(s[ServiceMetric.ProbabilityTurnedAway])))],
        Delays(v.Run.Delays!),
        v.Costs is { } costs ? Costs(costs) : null,
        v.VersusBaseline is { } c ? Comparison(c, decision.For(v.Name) is { Acceptable: true }) : null,
        Group(Enum.GetValues<HarmMeasure>().Select(m => KeyValuePair.Create(m, v.Harms[m])), HarmMeasureWords.Code),
        Streams(v),
        new StabilityDocument(v.Stability.IsUnstable, [.. v.Stability.Growing.Select(g => new GrowthDocument(g.Service, Stat(g.Growth)))], v.Stability.DeadlockedReplications,
            [.. v.Stability.OverCapacity.Select(f => new OverCapacityDocument(f.Load.Service, f.Level == LoadLevel.Unbounded ? "unbounded" : "over",
                Number(f.Load.Mean.Offered), Number(f.Load.Mean.Planned), f.Load.Mean.Capacity, f.Load.Mean.MustCarryRatio is { } r && double.IsFinite(r) ? r : null))]),
        v.HarmsVersusBaseline is { } h ? Group(Enum.GetValues<HarmMeasure>().Select(m => KeyValuePair.Create(m, h[m])), HarmMeasureWords.Code) : null,
        decision.For(v.Name) is { } a ? Appraisal(a) : null,
        v.Uncertainty is { } u ? Uncertainty(u) : null);

    private static UncertaintyDocument Uncertainty(ParameterUncertaintyResult u) => new(
        [.. u.Parameters.Select(p => p.Path)],
        Uncertain(u.DelayedPatients),
        Uncertain(u.DelayedDaysPerYear),
        u.TotalCost is { } t ? Uncertain(t) : null,
        u.DelayedDaysAvoided is { } d ? Uncertain(d) : null,
        u.ExtraCost is { } c ? Uncertain(c) : null);

    private static UncertainStatistic Uncertain(UncertainEstimate e)
    {
        var central = Stat(e.Randomness);
        var share = e.ParameterShare;
        return new UncertainStatistic(central.Mean, central.Ci95, Stat(e.WithParameters), Number(e.ParameterVariance),
            new RatioDocument(Number(share.Value), share.Lower is { } lo && share.Upper is { } hi ? [lo, hi] : null));
    }

    private static DelaysDocument Delays(DelaySummary d) => new(
        Stat(d.DaysPerYear),
        Stat(d.MeanDelayed),
        Stat(d.MeanSnapshot),
        Stat(d.DaysPer1000AdultsPerYear),
        Stat(d.DelayedPer100kAdults),
        Stat(d.ShareDischargedOnReadyDate),
        Stat(d.MeanDelayPerDischarge),
        Group(d.ByReason, DelayReasonWords.Code),
        Group(d.ByResponsibility, ResponsibilityWords.Code),
        Group(d.ByBeds, SitRepBedsWords.Code),
        Group(d.ByBand, DelayBandWords.Code),
        Group(d.ByPathway, DischargePathwayWords.Code),
        [.. d.Months.Select(m => new MonthDocument(
            $"{m.Year:0000}-{m.Month:00}",
            Stat(m.DelayedDays),
            Stat(m.DtocBeds),
            m.Snapshot is null ? null : Date(m.SnapshotDate!.Value),
            m.Snapshot is { } snap ? Stat(snap) : null))]);

    /// <summary>The statistics in the dictionary's order, keyed by <paramref name="label"/>.</summary>
    private static StatisticGroup Group<TKey>(IEnumerable<KeyValuePair<TKey, Estimate>> items, Func<TKey, string> label)
    {
        var group = new StatisticGroup();
        foreach (var (key, value) in items)
        {
            group.Add(label(key), Stat(value));
        }
        return group;
    }

    /// <summary><c>{"mean": x, "ci95": [lo, hi]}</c>: a mean that is not finite is null, and so is an interval without two finite ends.</summary>
    private static Statistic Stat(Estimate e) => new(
        Number(e.Mean),
        e.Lower is { } lo && e.Upper is { } hi && double.IsFinite(lo) && double.IsFinite(hi) ? [lo, hi] : null);

    /// <summary>JSON has no NaN or infinity: those are null.</summary>
    private static double? Number(double value) => double.IsFinite(value) ? value : null;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
