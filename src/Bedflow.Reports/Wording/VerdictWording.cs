using System.Globalization;
using Bedflow.Core.Finance;

namespace Bedflow.Reports.Wording;

/// <summary>
/// The verdict in words: the one place its sentences and £ figures are written, for every face —
/// the board pack, the table `bedflow run` prints and the <c>statement</c> of results.json.
/// Invariant culture whatever the current one (figures like 2,000 and £1,796). Thread-safe.
/// </summary>
/// <remarks>
/// Why here: Core returns the verdict as data and holds no English (docs/design.md); Bedflow.Reports
/// depends on Core only, and the CLI (and later the web app) already reference it; Bedflow.Data,
/// which writes results.json, must not depend on Reports, so it takes the statement from its
/// caller (<c>ResultsJson.Write</c>'s wording argument), and the CLI passes this one. A wording
/// assembly of its own would add a project to every lock file for one small class.
/// </remarks>
public static class VerdictWording
{
    /// <summary>The verdict in one or two sentences.</summary>
    public static string Statement(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var d = verdict.DelayedDaysAvoided;
        return verdict.Kind switch
        {
            VerdictKind.Recommended => string.Join(" ", [Recommended(verdict), .. verdict.Reasons.Select(Reason)]),
            VerdictKind.RankedByDelayedDaysAvoided => string.Join(" ", [Inv(
                $"{(verdict.Objective is null ? "Without prices the options are ranked by delayed days avoided" : "By delayed days avoided")}: {verdict.Variant} avoids the most, {d!.Mean:N0} a year (95% CI {d.Lower:N0} to {d.Upper:N0})."),
                .. verdict.Reasons.Select(Reason)]),
            VerdictKind.NoVariants => "There are no variants to compare with the baseline.",
            VerdictKind.NoOptionAvoidsDelays => Inv($"No option avoids delayed days compared with the baseline at {verdict.Replications} replications."),
            VerdictKind.CannotTellApart => Inv(
                $"The options cannot be told apart from the baseline at {verdict.Replications} replications: no option's 95% interval of delayed days avoided excludes zero. The closest, {verdict.Variant}, would need about {verdict.ReplicationsNeeded} replications."),
            VerdictKind.LeastCost => string.Join(" ", [Inv(
                $"Best option by cost: {verdict.Variant}, whose extra cost is £{verdict.ExtraCostPerYear!.Mean:N0} a year (95% CI £{verdict.ExtraCostPerYear.Lower:N0} to £{verdict.ExtraCostPerYear.Upper:N0}), avoiding {d!.Mean:N0} delayed days a year (95% CI {d.Lower:N0} to {d.Upper:N0})."),
                .. verdict.Reasons.Select(Reason)]),
            VerdictKind.NoAcceptableOption => string.Join(" ", [
                "No option is recommended: every option that avoids delays does so at a cost the appraisal does not accept.",
                .. verdict.Reasons.Select(Reason)]),
            VerdictKind.NoIntervals => "One replication gives no confidence intervals, so no option can be shown to be better or acceptable: nothing is recommended. Run at least 2 (20 is usual).",
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict.Kind, "a verdict kind without wording"),
        };
    }

    /// <summary>
    /// The statement results.json keeps: <see cref="Statement(Verdict)"/>, after a note that costs
    /// were not computed when the scenario has no prices (<paramref name="priced"/> false).
    /// </summary>
    public static string Statement(Verdict verdict, bool priced) =>
        priced ? Statement(verdict) : "The scenario has no prices: costs are not computed. " + Statement(verdict);

    private static string Recommended(Verdict verdict)
    {
        var d = verdict.DelayedDaysAvoided!;
        double cost = verdict.CostPerDelayedDayAvoided!.Value;
        string money = cost < 0
            ? Inv($"saves £{-cost:N0} for each delayed day it avoids")
            : Inv($"costs £{cost:N0} for each delayed day it avoids");
        string interval = verdict.CostPerDelayedDayAvoidedInterval is { IsBounded: true } r
            ? Inv($" (95% CI {Pounds(r.Lower!.Value)} to {Pounds(r.Upper!.Value)} a day, by Fieller's method)")
            : "";
        return Inv($"Best option: {verdict.Variant}, which avoids {d.Mean:N0} delayed days a year (95% CI {d.Lower:N0} to {d.Upper:N0}) and {money}{interval}.");
    }

    private static string Reason(VerdictReason reason) => reason switch
    {
        CannotTellFromRunnerUp c => Inv(
            $"It cannot be told apart from the runner-up, {c.RunnerUp}, at {c.Difference.Count} replications (difference {c.Difference.Mean:N0}, 95% CI {c.Difference.Lower:N0} to {c.Difference.Upper:N0}); about {c.ReplicationsNeeded} replications would separate them."),
        ToldApartFromRunnerUp t => Inv($"It is clearly better than the runner-up, {t.RunnerUp} (difference {t.Difference.Mean:N0}, 95% CI {t.Difference.Lower:N0} to {t.Difference.Upper:N0})."),
        NotAcceptable n => $"{n.Variant}: " + string.Join(" ", n.Because.Select(AppraisalWording.Sentence).Where(x => x is not null)),
        Core.Decisions.HarmAllowed h => "It " + AppraisalWording.Sentence(h),
        FrontDoorWaitsRise r => Inv(
            $"But patients waiting for an acute bed rise by {r.AdmissionsWaiting.Mean:N1} a night (95% CI {r.AdmissionsWaiting.Lower:N1} to {r.AdmissionsWaiting.Upper:N1}): part of the delay moves to the front door."),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "a verdict reason without wording"),
    };

    private static string Pounds(double value) => value < 0 ? Inv($"−£{-value:N0}") : Inv($"£{value:N0}");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
