using System.Globalization;
using Bedflow.Core.Calibration;
using Bedflow.Core.Distributions;
using Bedflow.Core.Statistics;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// Fitted values as edits of the scenario file (<see cref="ScenarioPatch"/>): each value in the
/// file's own syntax, with a comment saying what it was fitted from — how many, over which
/// period, and its interval — so that a reader of the file sees which numbers are the county's
/// data and which are still assumptions. Invariant culture.
/// </summary>
public static class CalibrationEdits
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The service's routing: probabilities to four decimals that sum to exactly 1 (largest
    /// remainders), with the number of stays and each destination's simultaneous 95% interval.
    /// </summary>
    public static ScenarioEdit Routing(RoutingCalibration fit, RegisterEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(evidence);
        int[] units = SumTo(fit.Probabilities.Select(p => p.Probability).ToArray(), 10_000);
        string value = "{" + string.Join(", ", fit.Probabilities.Select((p, i) => $"{p.To}: {(units[i] / 10_000.0).ToString("0.####", Inv)}")) + "}";
        string intervals = string.Join(", ", fit.Probabilities.Select(p => string.Create(Inv, $"{p.To} {p.Lower:0.###}–{p.Upper:0.###}")));
        var shared = fit.Probabilities.Where(p => p.Shared).Select(p => p.To).ToList();
        string split = shared.Count > 0 ? $"; a register cannot fully tell {string.Join(", ", shared)} apart, so their split rests partly on the scenario's own proportions" : "";
        string unplaced = fit.Unplaced.Count > 0
            ? "; NOT routed here: " + string.Join(", ", fit.Unplaced.Select(u => string.Create(Inv, $"{u.Count:N0} to {u.Destination}")))
            : "";
        return new ScenarioEdit($"routing.{fit.Service}", value,
            string.Create(Inv, $"fitted from the register: {fit.Shares.Total:N0} stays leaving {fit.Service} {Period(evidence)} (maximum likelihood); 95% bootstrap intervals {intervals}{split}{unplaced}"));
    }

    /// <summary>
    /// Each stream's base rate and, with one stream entering the service and every month and
    /// weekday in the data, its month and weekday factors; with several streams, each base rate
    /// scaled by the one factor the register gives (their shapes are the scenario's).
    /// </summary>
    public static IReadOnlyList<ScenarioEdit> Arrivals(ArrivalCalibration fit, RegisterEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(evidence);
        var f = fit.Fit;
        var edits = new List<ScenarioEdit>();
        string dispersion = f.Overdispersed
            ? string.Create(Inv, $"; over-dispersed (Pearson χ²/df {f.Dispersion:0.##}): intervals widened")
            : "";
        string turnedAway = fit.MayTurnAway.Count > 0 ? $" (low by any of {string.Join(", ", fit.MayTurnAway)} turned away, whom a register never sees)" : "";
        string admissions = string.Create(Inv, $"fitted from the register: {f.Arrivals:N0} admissions from outside to {fit.Service} {Period(evidence)}{turnedAway}");
        foreach (var stream in fit.Streams)
        {
            string why = fit.Separable
                ? string.Create(Inv, $"{admissions}, base rate {Interval(f.BaseRate, 1)} a day{dispersion}")
                : string.Create(Inv, $"{admissions}, {Interval(fit.Scale, 1)} times the {fit.Expected:N0} the scenario's {fit.Streams.Count} streams into {fit.Service} expected; a register does not tell the streams apart, so each keeps its own shape and is scaled by that (was {stream.Was:0.###}/d){dispersion}");
            edits.Add(new ScenarioEdit($"arrivals.{stream.Stream}.rate", string.Create(Inv, $"{stream.Fitted:0.###}/d"), why));
            if (!fit.Separable)
            {
                continue;
            }
            if (f.MonthFactors.All(m => !m.Absent))
            {
                edits.Add(new ScenarioEdit($"arrivals.{stream.Stream}.monthly", Factors(f.MonthFactors),
                    "fitted from the register, January first: " + string.Join(", ", f.MonthFactors.Select(m => Interval(m, 1)))));
            }
            if (f.WeekdayFactors.All(d => !d.Absent))
            {
                edits.Add(new ScenarioEdit($"arrivals.{stream.Stream}.weekday", Factors(f.WeekdayFactors),
                    "fitted from the register, Monday first: " + string.Join(", ", f.WeekdayFactors.Select(d => Interval(d, 1)))));
            }
        }
        return edits;
    }

    /// <summary>
    /// The service's length of stay: the family of lowest AIC with its parameters in the file's
    /// units, and a comment giving the stays (completed and still in), the period, the mean with
    /// its interval, the runner-up family's ΔAIC and the goodness-of-fit p-value. Null when not fitted.
    /// </summary>
    public static ScenarioEdit? Stay(StayCalibration calibration, RegisterEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(evidence);
        if (calibration.Fit is not { } fit)
        {
            return null;
        }
        var chosen = fit.Chosen;
        string value = Family(chosen);
        string runnerUp = fit.Fits.Count > 1 ? string.Create(Inv, $"; next {StayFamilyWords.Code(fit.Fits[1].Family)} ΔAIC {fit.Fits[1].DeltaAic:0.#}") : "";
        string gof = chosen.GoodnessOfFit.PValue is { } p ? string.Create(Inv, $"; Kaplan–Meier distance {chosen.GoodnessOfFit.Distance:0.###}, bootstrap p = {p:0.###}") : "";
        string mean = chosen.Mean.Lower is { } lo && chosen.Mean.Upper is { } hi
            ? string.Create(Inv, $"mean {chosen.Mean.Value:0.##}d (95% CI {lo:0.##} to {hi:0.##})")
            : string.Create(Inv, $"mean {chosen.Mean.Value:0.##}d");
        return new ScenarioEdit($"services.{calibration.Service}.length_of_stay", value,
            string.Create(Inv, $"fitted from the register: {fit.Stays:N0} stays admitted {Period(evidence)} ({fit.CompletedStays:N0} ready, {fit.StillIn:N0} censored), {StayFamilyWords.Code(chosen.Family)} by AIC, {mean}{runnerUp}{gof}"));
    }

    /// <summary>
    /// A process step's length of stay fitted from the split of its transfers' delays (see
    /// <see cref="ProcessTimeCalibration"/>), with a comment giving the transfers, how many were
    /// censored when the destination filled, the mean days free and full, and the mean's interval.
    /// Null when not fitted, or when the fit is only an upper bound (the register cannot see the
    /// destination's places): an upper bound put into the model would count the wait for a place twice.
    /// </summary>
    public static ScenarioEdit? ProcessTime(ProcessTimeCalibration calibration, RegisterEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(evidence);
        if (calibration.Fit is not { } fit || calibration.UpperBound)
        {
            return null;
        }
        var chosen = fit.Chosen;
        string how = calibration.KeptFamily is not null
            ? $"{StayFamilyWords.Code(chosen.Family)} kept (the calibrate: section names its parameter)"
            : $"{StayFamilyWords.Code(chosen.Family)} by AIC";
        return new ScenarioEdit($"services.{calibration.Resource}.length_of_stay", Family(chosen),
            string.Create(Inv, $"process time fitted from the register: {calibration.Transfers:N0} transfers from {string.Join(", ", calibration.From)} to {calibration.Destination} ready {Period(evidence)}, each delay split into {calibration.MeanFreeDays:0.##}d a place free and {calibration.MeanFullDays:0.##}d {calibration.Destination} full on average; {calibration.Censored:N0} right-censored when {calibration.Destination} filled; {how}, {Mean(chosen)}"));
    }

    /// <summary>
    /// Each service's choice share (with Wilson's interval) and, when fitted, its choice wait (the
    /// family of lowest AIC, censored at the cap), with comments saying how many patients went there
    /// and how many waited for their choice. Empty when no patient in the register went there.
    /// </summary>
    public static IReadOnlyList<ScenarioEdit> Choice(ChoiceCalibration calibration, RegisterEvidence evidence, Core.Model.Network network)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(network);
        if (calibration.Share is not { } share)
        {
            return [];
        }
        string together = calibration.Services.Count > 1 ? $"; a register sees {string.Join(" and ", calibration.Services)} alike ({calibration.SeenAs}), so one share for all" : "";
        string shareWhy = string.Create(Inv, $"fitted from the register: {calibration.WithChoice:N0} of {calibration.Patients:N0} patients leaving a bed for it ready {Period(evidence)} waited for their choice (SitRep G), share 95% Wilson interval {share.Lower:0.###} to {share.Upper:0.###}{together}");
        // Never a bare whole number (0 or 1): the uncertainty: section would read it as a count and round its draws.
        string shareText = share.Value.ToString("0.0###", Inv);
        var edits = new List<ScenarioEdit>();
        foreach (string service in calibration.Services)
        {
            if (calibration.Wait is not { } wait)
            {
                // The wait stays the scenario's: the share alone (a comment inside a one-line mapping has no place, so it may be lost).
                edits.Add(new ScenarioEdit($"services.{service}.choice.share", shareText, shareWhy + "; the wait is the scenario's (too few choice periods to fit)"));
                continue;
            }
            // The whole mapping on one line, so that its one comment can say where share and wait came from.
            var choice = network.Services[network.ServiceIndex(service)].Choice!;
            string cap = choice.Cap is { } c ? string.Create(Inv, $", cap: {c:0.####}d") : "";
            string responsible = choice.Responsible is { } r ? $", responsible: {Core.Vocabulary.ResponsibilityWords.Code(r)}" : "";
            string censored = calibration.Cap is { } k ? string.Create(Inv, $", {calibration.Waits.Count(w => w.IsCensored):N0} censored at the cap of {k:0.##}d") : "";
            edits.Add(new ScenarioEdit($"services.{service}.choice", $"{{share: {shareText}, wait: {Family(wait.Chosen)}{cap}{responsible}}}",
                string.Create(Inv, $"{shareWhy}; wait from {calibration.Waits.Count:N0} choice periods{censored}, {StayFamilyWords.Code(wait.Chosen.Family)} by AIC, {Mean(wait.Chosen)}")));
        }
        return edits;
    }

    private static string Mean(FamilyFit chosen) => chosen.Mean.Lower is { } lo && chosen.Mean.Upper is { } hi
        ? string.Create(Inv, $"mean {chosen.Mean.Value:0.##}d (95% CI {lo:0.##} to {hi:0.##})")
        : string.Create(Inv, $"mean {chosen.Mean.Value:0.##}d");

    // The family and its parameters as the file writes them (durations in days).
    private static string Family(FamilyFit f)
    {
        string D(DistributionParameter p) => f[p].Value.ToString("0.####", Inv) + "d";
        string N(DistributionParameter p) => f[p].Value.ToString("0.####", Inv);
        return f.Family switch
        {
            StayFamily.Exponential => $"{{exponential: {{mean: {D(DistributionParameter.Mean)}}}}}",
            StayFamily.Gamma => $"{{gamma: {{shape: {N(DistributionParameter.Shape)}, scale: {D(DistributionParameter.Scale)}}}}}",
            StayFamily.LogNormal => $"{{lognormal: {{mean: {D(DistributionParameter.Mean)}, sd: {D(DistributionParameter.StandardDeviation)}}}}}",
            StayFamily.Weibull => $"{{weibull: {{shape: {N(DistributionParameter.Shape)}, scale: {D(DistributionParameter.Scale)}}}}}",
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Family, "a family the scenario file has no words for."),
        };
    }

    private static string Period(RegisterEvidence e) =>
        string.Create(Inv, $"{e.From:yyyy-MM-dd} to {e.AsOf.AddTicks(-1):yyyy-MM-dd}");

    private static string Interval(FittedValue v, double scale) => v.Lower is { } lo && v.Upper is { } hi
        ? string.Create(Inv, $"{v.Value * scale:0.###} ({lo * scale:0.###}–{hi * scale:0.###})")
        : string.Create(Inv, $"{v.Value * scale:0.###}");

    private static string Factors(IReadOnlyList<FittedValue> factors) =>
        "[" + string.Join(", ", factors.Select(f => f.Value.ToString("0.###", Inv))) + "]";

    /// <summary>Non-negative whole units proportional to <paramref name="shares"/>, summing to <paramref name="total"/> (largest remainders).</summary>
    internal static int[] SumTo(double[] shares, int total)
    {
        double sum = shares.Sum();
        double[] exact = [.. shares.Select(s => sum > 0 ? s / sum * total : (double)total / shares.Length)];
        int[] units = [.. exact.Select(x => (int)Math.Floor(x))];
        int left = total - units.Sum();
        foreach (int i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - units[i]).ThenBy(i => i).Take(left))
        {
            units[i]++;
        }
        return units;
    }
}
