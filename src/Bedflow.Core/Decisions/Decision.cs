using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Decisions;

/// <summary>
/// What one option rests on in an appraisal, replication by replication (paired with the
/// baseline on common random numbers): delayed days avoided a year, extra cost a year, each harm's
/// difference, the baseline's level of each harm (for relative tolerances), whether its queues
/// grow, and any budget it breaks. Made from a run by <see cref="Decision.Of"/>; tests build it directly.
/// </summary>
/// <param name="Variant">The option.</param>
/// <param name="DelayedDaysAvoided">Baseline − variant, delayed days a year, per replication.</param>
/// <param name="ExtraCostPerYear">Variant − baseline, £ a year, per replication; null when not priced.</param>
/// <param name="HarmDifferences">Variant − baseline per harm measure, per replication.</param>
/// <param name="BaselineLevels">The baseline's mean of each harm measure.</param>
/// <param name="Growing">Services whose queues grow (see <see cref="Stability"/>).</param>
/// <param name="DeadlockedReplications">Replications ending in a deadlock.</param>
/// <param name="Overruns">Budgets its modelled spend exceeds.</param>
/// <param name="OverCapacity">Services its flow balance overloads (see <see cref="Stability.OverCapacity"/>); none when null.</param>
public sealed record OptionEvidence(
    string Variant,
    double[] DelayedDaysAvoided,
    double[]? ExtraCostPerYear,
    IReadOnlyDictionary<HarmMeasure, double[]> HarmDifferences,
    IReadOnlyDictionary<HarmMeasure, double> BaselineLevels,
    IReadOnlyList<QueueGrowth> Growing,
    int DeadlockedReplications,
    IReadOnlyList<OverBudget> Overruns,
    IReadOnlyList<LoadFinding>? OverCapacity = null);

/// <summary>One option's standing: acceptable (no harm significantly worse beyond tolerance, stable, within the limits), dominated, unstable, and why. Immutable.</summary>
/// <param name="Variant">The option.</param>
/// <param name="Acceptable">Whether it may be recommended.</param>
/// <param name="Dominated">Whether another acceptable option (or the baseline) is at least as good on everything and better on something.</param>
/// <param name="Unstable">Whether its queues grow or it deadlocks.</param>
/// <param name="DelayedDaysAvoided">Baseline − variant, paired, a year.</param>
/// <param name="ExtraCostPerYear">Variant − baseline, paired, £ a year; null when not priced.</param>
/// <param name="CostPerDelayedDayAvoided">Fieller's ratio of the two; null when not priced or when the option avoids no delayed days on average.</param>
/// <param name="Reasons">Why, as data, in the order to say them.</param>
public sealed record Appraisal(string Variant, bool Acceptable, bool Dominated, bool Unstable, Estimate DelayedDaysAvoided,
    Estimate? ExtraCostPerYear, Ratio? CostPerDelayedDayAvoided, IReadOnlyList<VerdictReason> Reasons);

/// <summary>
/// The appraisal of a run's options against the baseline by the scenario's
/// <see cref="DecisionRules"/>, and the recommendation it supports (docs/results-reference.md,
/// "Appraisal"). Immutable.
/// </summary>
public sealed class Decision
{
    private Decision(Objective objective, IReadOnlyList<Appraisal> appraisals, Verdict verdict, Overloads? baselineOverloads)
    {
        Objective = objective;
        Appraisals = appraisals;
        Verdict = verdict;
        BaselineOverloads = baselineOverloads;
    }

    /// <summary>What the recommendation optimises.</summary>
    public Objective Objective { get; }

    /// <summary>Each option's appraisal, in the run's order (the baseline is the reference and has none).</summary>
    public IReadOnlyList<Appraisal> Appraisals { get; }

    /// <summary>The recommendation, or why there is none.</summary>
    public Verdict Verdict { get; }

    /// <summary>Set when the baseline itself overloads a service: then no comparison with it means much.</summary>
    public Overloads? BaselineOverloads { get; }

    /// <summary>The appraisal of <paramref name="variant"/>, or null (the baseline).</summary>
    public Appraisal? For(string variant) => Appraisals.FirstOrDefault(a => a.Variant == variant);

    /// <summary>Appraises a run's variants (baseline first) by <paramref name="rules"/>.</summary>
    public static Decision Of(IReadOnlyList<VariantResult> results, DecisionRules rules)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(rules);
        var baseline = results[0];
        int n = baseline.Run.Replications.Count;
        double years = Units.YearLength.Years(baseline.Run.Options.HorizonDays);
        var levels = Enum.GetValues<HarmMeasure>().ToDictionary(m => m, m => baseline.Harms[m].Mean);
        var options = results.Skip(1).Select(v => new OptionEvidence(
            v.Name,
            [.. Enumerable.Range(0, n).Select(i => baseline.Run.Delays!.Replications[i].DaysPerYear - v.Run.Delays!.Replications[i].DaysPerYear)],
            v.Costs is null || baseline.Costs is null ? null
                : [.. Enumerable.Range(0, n).Select(i => (double)(v.Costs.Replications[i].Total - baseline.Costs.Replications[i].Total).Pounds / years)],
            Enum.GetValues<HarmMeasure>().ToDictionary(m => m, m => Enumerable.Range(0, n).Select(i => v.Harms.In(m, i) - baseline.Harms.In(m, i)).ToArray()),
            levels,
            v.Stability.Growing,
            v.Stability.DeadlockedReplications,
            Overruns(v),
            v.Stability.OverCapacity)).ToList();
        var judged = Judge(options, rules, n, priced: baseline.Costs is not null);
        var b = baseline.Stability;
        return b.IsUnstable ? new Decision(judged.Objective, judged.Appraisals, judged.Verdict, new Overloads(b.Growing, b.DeadlockedReplications, b.OverCapacity)) : judged;
    }

    /// <summary>Appraises options from their evidence: the rules alone, with no run (the tests' door).</summary>
    public static Decision Judge(IReadOnlyList<OptionEvidence> options, DecisionRules rules, int replications, bool priced)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        var objective = rules.ObjectiveFor(priced);
        if (objective != Objective.DelayedDaysAvoided && !priced)
        {
            objective = Objective.DelayedDaysAvoided; // nothing to cost: the only objective left (docs say so)
        }
        var appraisals = options.Select(o => Appraise(o, rules, objective, replications)).ToList();
        appraisals = MarkDominated(appraisals, options, priced);
        return new Decision(objective, appraisals, Recommend(options, appraisals, objective, replications), null);
    }

    private static Appraisal Appraise(OptionEvidence o, DecisionRules rules, Objective objective, int n)
    {
        var reasons = new List<VerdictReason>();
        var avoided = Estimate.Of(o.DelayedDaysAvoided.AsSpan());
        var cost = o.ExtraCostPerYear is { } c ? Estimate.Of(c.AsSpan()) : null;
        // A cost per delayed day avoided means nothing for an option that avoids none on average (as Comparison has it).
        var ratio = o.ExtraCostPerYear is { } c2 && avoided.Mean > 0 ? Ratio.Fieller(c2, o.DelayedDaysAvoided) : null;
        var overCapacity = o.OverCapacity ?? [];
        bool unstable = o.Growing.Count > 0 || o.DeadlockedReplications > 0 || overCapacity.Count > 0;
        if (unstable)
        {
            reasons.Add(new Overloads(o.Growing, o.DeadlockedReplications, overCapacity));
        }
        if (n < 2)
        {
            reasons.Add(new NoInterval());
        }
        bool harmed = false;
        foreach (var (measure, values) in o.HarmDifferences)
        {
            var d = Estimate.Of(values.AsSpan());
            double tolerance = rules.ToleranceFor(measure, o.BaselineLevels.GetValueOrDefault(measure, double.NaN));
            bool worse = Harms.WorseWhen(measure) == Worse.Higher ? d.Lower > tolerance : d.Upper < -tolerance;
            if (!worse)
            {
                continue;
            }
            if (rules.Allowed.Contains(measure))
            {
                reasons.Add(new HarmAllowed(measure, d));
            }
            else
            {
                reasons.Add(new HarmWorse(measure, d, tolerance));
                harmed = true;
            }
        }
        bool delaysRise = objective == Objective.Cost && avoided.Upper < 0;
        if (delaysRise)
        {
            reasons.Add(new DelaysRise(avoided));
        }
        else if (objective != Objective.Cost && avoided.Lower is not > 0)
        {
            reasons.Add(new DelaysNotClearlyAvoided(avoided));
        }
        bool overBudget = rules.WithinBudget && o.Overruns.Count > 0;
        if (overBudget)
        {
            reasons.AddRange(o.Overruns);
        }
        bool acceptable = n >= 2 && !unstable && !harmed && !delaysRise && !overBudget;
        return new Appraisal(o.Variant, acceptable, false, unstable, avoided, cost, ratio, reasons);
    }

    /// <summary>
    /// Marks acceptable options that another acceptable option, or the baseline, dominates: at
    /// least as good on the mean of delayed days avoided, cost and every harm, and significantly
    /// better on one (the paired 95% interval of the difference excludes zero) — so that noise
    /// alone never makes an option look dominated.
    /// </summary>
    private static List<Appraisal> MarkDominated(List<Appraisal> appraisals, IReadOnlyList<OptionEvidence> options, bool priced)
    {
        // Each option's per-replication values, oriented so that larger is better: delayed days avoided, −cost, −(worsening of each harm).
        double[][] Profile(OptionEvidence o) => [
            o.DelayedDaysAvoided,
            .. priced && o.ExtraCostPerYear is { } c ? [c.Select(x => -x).ToArray()] : Array.Empty<double[]>(),
            .. o.HarmDifferences.Select(h => h.Value.Select(x => (Harms.WorseWhen(h.Key) == Worse.Higher ? -1 : 1) * x).ToArray())];
        var profiles = options.Select(Profile).ToList();
        var baseline = profiles.Count == 0 ? [] : profiles[0].Select(dim => new double[dim.Length]).ToArray(); // the baseline against itself: all zero
        var result = new List<Appraisal>(appraisals.Count);
        for (int i = 0; i < appraisals.Count; i++)
        {
            var a = appraisals[i];
            if (!a.Acceptable)
            {
                result.Add(a);
                continue;
            }
            string? by = Dominates(baseline, profiles[i]) ? "baseline" : null;
            for (int k = 0; by is null && k < appraisals.Count; k++)
            {
                if (k != i && appraisals[k].Acceptable && Dominates(profiles[k], profiles[i]))
                {
                    by = appraisals[k].Variant;
                }
            }
            result.Add(by is null ? a : a with { Dominated = true, Reasons = [.. a.Reasons, new DominatedBy(by)] });
        }
        return result;
    }

    private static bool Dominates(double[][] better, double[][] worse)
    {
        bool significantly = false;
        for (int d = 0; d < better.Length; d++)
        {
            var difference = Estimate.Of(better[d].Zip(worse[d], (b, w) => b - w));
            if (difference.Mean < 0)
            {
                return false;
            }
            significantly |= difference.Lower > 0;
        }
        return significantly;
    }

    private static Verdict Recommend(IReadOnlyList<OptionEvidence> options, List<Appraisal> appraisals, Objective objective, int n)
    {
        if (options.Count == 0)
        {
            return Verdict.NoVariants(n);
        }
        if (n < 2)
        {
            return Verdict.NoIntervals(objective);
        }
        // Candidates: acceptable, not dominated, and — unless the objective is cost — clearly avoiding delays.
        var candidates = Enumerable.Range(0, appraisals.Count)
            .Where(i => appraisals[i].Acceptable && !appraisals[i].Dominated && (objective == Objective.Cost || appraisals[i].DelayedDaysAvoided.Lower > 0))
            .OrderBy(i => Score(appraisals[i], objective))
            .ToList();
        if (candidates.Count == 0)
        {
            var clear = appraisals.Where(a => a.DelayedDaysAvoided.Lower > 0).ToList();
            if (clear.Count > 0)
            {
                return Verdict.NoAcceptableOption(objective, [.. clear.Select(a => new NotAcceptable(a.Variant, a.Reasons))], n);
            }
            // None clearly avoids delays: the closest, and how many replications would tell it apart.
            var closest = appraisals.Where(a => a.DelayedDaysAvoided is { Mean: > 0, HalfWidth: > 0 })
                .MaxBy(a => a.DelayedDaysAvoided.Mean / a.DelayedDaysAvoided.HalfWidth!.Value);
            return closest is null
                ? Verdict.NoOptionAvoidsDelays(n)
                : Verdict.CannotTellApart(objective, closest.Variant, closest.DelayedDaysAvoided, ReplicationsToSeparate(closest.DelayedDaysAvoided, n), n);
        }
        int best = candidates[0];
        var chosen = appraisals[best];
        var reasons = new List<VerdictReason>();
        if (candidates.Count > 1)
        {
            int runner = candidates[1];
            var difference = Difference(options[best], options[runner], objective);
            reasons.Add(difference.Lower <= 0 && difference.Upper >= 0
                ? new CannotTellFromRunnerUp(appraisals[runner].Variant, difference, ReplicationsToSeparate(difference, n))
                : new ToldApartFromRunnerUp(appraisals[runner].Variant, difference));
        }
        reasons.AddRange(chosen.Reasons.OfType<HarmAllowed>());
        return Verdict.BestBy(objective, chosen.Variant, chosen.DelayedDaysAvoided, chosen.CostPerDelayedDayAvoided, chosen.ExtraCostPerYear, reasons, n);
    }

    /// <summary>Smaller is better.</summary>
    private static double Score(Appraisal a, Objective objective) => objective switch
    {
        Objective.CostPerDelayedDayAvoided => a.CostPerDelayedDayAvoided?.Value ?? double.PositiveInfinity,
        Objective.DelayedDaysAvoided => -a.DelayedDaysAvoided.Mean,
        _ => a.ExtraCostPerYear?.Mean ?? double.PositiveInfinity,
    };

    /// <summary>The best option's objective less the runner-up's, paired (for the ratio, by the delta method).</summary>
    private static Estimate Difference(OptionEvidence best, OptionEvidence runner, Objective objective) => objective switch
    {
        Objective.CostPerDelayedDayAvoided => Ratio.Difference(best.ExtraCostPerYear!, best.DelayedDaysAvoided, runner.ExtraCostPerYear!, runner.DelayedDaysAvoided),
        Objective.DelayedDaysAvoided => Estimate.Of(best.DelayedDaysAvoided.Zip(runner.DelayedDaysAvoided, (a, b) => a - b)),
        _ => Estimate.Of(best.ExtraCostPerYear!.Zip(runner.ExtraCostPerYear!, (a, b) => a - b)),
    };

    /// <summary>Half-widths shrink as 1/√n: n × (half-width ÷ mean)² replications bring the interval's end to zero; 10% and one more to clear it.</summary>
    private static int ReplicationsToSeparate(Estimate e, int n)
    {
        double ratio = (e.HalfWidth ?? 0) / Math.Abs(e.Mean);
        return double.IsFinite(ratio) ? Math.Max(n + 1, (int)Math.Ceiling(n * ratio * ratio * 1.1) + 1) : n * 10;
    }

    private static List<OverBudget> Overruns(VariantResult v)
    {
        var list = new List<OverBudget>();
        if (v.Costs is not { } costs || v.Economy is not { } economy)
        {
            return list;
        }
        foreach (var budget in economy.Budgets)
        {
            foreach (var (year, amount) in budget.ByYear)
            {
                var spend = Estimate.Of(costs.Replications.Select(c => (double)c.ByOrganisationYear.GetValueOrDefault((budget.Organisation, year)).Pounds));
                if (spend.Mean > (double)amount.Pounds)
                {
                    list.Add(new OverBudget(budget.Organisation, year, spend, amount.Pounds));
                }
            }
        }
        return list;
    }
}
