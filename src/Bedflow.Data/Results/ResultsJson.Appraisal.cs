using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Results;

public static partial class ResultsJson
{
    private static AppraisalDocument Appraisal(Appraisal a) => new(
        a.Acceptable, a.Dominated, a.Unstable,
        a.CostPerDelayedDayAvoided is { } r ? RatioOf(r) : null,
        [.. a.Reasons.Select(Reason)]);

    private static RatioDocument RatioOf(Ratio r) => new(Number(r.Value), r.Lower is { } lo && r.Upper is { } hi ? [lo, hi] : null);

    /// <summary>A reason as data: a stable kind code and its numbers (docs/results-reference.md lists the kinds).</summary>
    private static ReasonDocument Reason(VerdictReason reason) => reason switch
    {
        Overloads o => new("unstable", Services: o.Services, DeadlockedReplications: o.DeadlockedReplications),
        HarmWorse h => new("harm_worse", Measure: HarmMeasureWords.Code(h.Measure), Difference: Stat(h.Difference), Tolerance: h.Tolerance),
        HarmAllowed h => new("harm_allowed", Measure: HarmMeasureWords.Code(h.Measure), Difference: Stat(h.Difference)),
        DelaysRise d => new("delays_rise", Difference: Stat(d.DelayedDaysAvoided)),
        DelaysNotClearlyAvoided d => new("delays_not_clearly_avoided", Difference: Stat(d.DelayedDaysAvoided)),
        OverBudget b => new("over_budget", Organisation: CommissionerWords.Code(b.Organisation), Year: b.Year.ToString(), Difference: Stat(b.Spend)),
        DominatedBy d => new("dominated", Variant: d.By),
        NoInterval => new("no_interval"),
        CannotTellFromRunnerUp c => new("cannot_tell_from_runner_up", Variant: c.RunnerUp, Difference: Stat(c.Difference), ReplicationsNeeded: c.ReplicationsNeeded),
        ToldApartFromRunnerUp t => new("told_apart_from_runner_up", Variant: t.RunnerUp, Difference: Stat(t.Difference)),
        NotAcceptable n => new("not_acceptable", Variant: n.Variant, Services: [.. n.Because.Select(b => Reason(b).Kind)]),
        FrontDoorWaitsRise f => new("front_door_waits_rise", Difference: Stat(f.AdmissionsWaiting)),
        _ => new("other"),
    };

    private static List<StreamDocument> Streams(VariantResult v)
    {
        var run = v.Run;
        double years = Core.Units.YearLength.Years(run.Options.HorizonDays);
        return [.. v.Network.Arrivals.Select((a, k) => new StreamDocument(
            a.Name,
            ArrivalKindWords.Code(a.Kind),
            Stat(Estimate.Of(run.Replications.Select(r => r.Streams[k].Admitted / years)).NonNegative()),
            Stat(Estimate.Of(run.Replications.Select(r => r.Streams[k].TurnedAway / years)).NonNegative()),
            Stat(Estimate.Of(run.Replications.Select(r => r.Streams[k].Diverted / years)).NonNegative())))];
    }
}
