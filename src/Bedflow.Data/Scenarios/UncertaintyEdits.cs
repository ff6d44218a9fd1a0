using System.Globalization;
using Bedflow.Core.Calibration;
using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// What a calibration fitted, as entries of the scenario's <c>uncertainty:</c> section
/// (docs/calibration.md, "From calibration to a run with parameter uncertainty"), so that
/// <c>bedflow run --parameter-uncertainty</c> draws each fitted value as uncertain as its fit
/// says: a length of stay's mean-carrying parameter <c>{mean, ci95}</c> from the mean's interval,
/// a route <c>{n}</c> from its bootstrap intervals, an arrival rate <c>{mean, ci95}</c>, a choice
/// share <c>{min, max}</c> over its Wilson interval, a published fit's plausible range
/// <c>{min, max}</c>. Each entry's key lies at or under the path of the value it stands for.
/// Invariant culture; thread-safe.
/// </summary>
public static class UncertaintyEdits
{
    /// <summary>The section's key.</summary>
    public const string Section = "uncertainty";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A length of stay's (or a wait's) uncertainty, written at <paramref name="path"/> (e.g.
    /// <c>services.acute.length_of_stay</c>): the parameter that carries the mean —
    /// <c>exponential.mean</c>, <c>lognormal.mean</c>, <c>gamma.scale</c>, <c>weibull.scale</c>
    /// (the mean is proportional to it with the shape held) — drawn lognormally with the mean's
    /// 95% interval scaled onto it. Null when the mean has no interval.
    /// </summary>
    public static ScenarioEdit? Stay(string path, FamilyFit chosen, string source)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(chosen);
        var mean = chosen.Mean;
        if (mean.Lower is not { } lo || mean.Upper is not { } hi || !(lo > 0) || !(hi > lo) || !(mean.Value > 0))
        {
            return null;
        }
        var (key, carrier) = chosen.Family switch
        {
            StayFamily.Exponential => ("exponential.mean", DistributionParameter.Mean),
            StayFamily.LogNormal => ("lognormal.mean", DistributionParameter.Mean),
            StayFamily.Gamma => ("gamma.scale", DistributionParameter.Scale),
            StayFamily.Weibull => ("weibull.scale", DistributionParameter.Scale),
            _ => throw new ArgumentOutOfRangeException(nameof(chosen), chosen.Family, "a family the scenario file has no words for."),
        };
        // The value as the file writes it (CalibrationEdits: four decimals), so the interval is about the file's own value.
        double value = Math.Round(chosen[carrier].Value, 4);
        double low = value * lo / mean.Value, high = value * hi / mean.Value;
        string scaled = carrier == DistributionParameter.Scale ? ", scaled onto the scale (the shape held at its fit)" : "";
        return ScenarioEdit.Entry(Section, $"{path}.{key}", Lognormal(value, low, high, "d"),
            string.Create(Inv, $"fitted from {source}: the mean's 95% interval {lo:0.##} to {hi:0.##}d{scaled}, drawn lognormally"));
    }

    /// <summary>
    /// A route's uncertainty, <c>routing.X: {n: N}</c>: the shares drawn as Dirichlet(N·p), N the
    /// fewest patients whose directly observed shares would be as uncertain as the least certain
    /// destination's bootstrap interval says — for each destination of share p strictly between 0
    /// and 1 with an interval of width w, p(1 − p) ÷ (w ÷ 3.92)² − 1 (a Dirichlet share's variance
    /// is p(1 − p) ÷ (N + 1)) — and never more than the stays seen. Null when no destination has
    /// such an interval (a route to one place).
    /// </summary>
    public static ScenarioEdit? Route(RoutingCalibration fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        double n = double.PositiveInfinity;
        foreach (var p in fit.Probabilities)
        {
            double sd = (p.Upper - p.Lower) / (2 * 1.959963984540054);
            if (p.Probability > 0 && p.Probability < 1 && sd > 0)
            {
                n = Math.Min(n, (p.Probability * (1 - p.Probability) / (sd * sd)) - 1);
            }
        }
        if (double.IsPositiveInfinity(n) || fit.Shares.Total < 1)
        {
            return null;
        }
        int size = (int)Math.Clamp(Math.Round(n), 1, fit.Shares.Total);
        return ScenarioEdit.Entry(Section, $"routing.{fit.Service}", string.Create(Inv, $"{{n: {size}}}"),
            string.Create(Inv, $"fitted from the register: Dirichlet as uncertain as {size:N0} patients' shares — the widest of the bootstrap intervals (of {fit.Shares.Total:N0} stays) read as a Dirichlet's spread"));
    }

    /// <summary>
    /// An arrival stream's rate, drawn lognormally within its interval: the base rate's (one
    /// stream) or the common scale factor's (several, each stream's rate scaled by it; the streams
    /// are then drawn independently of one another, though the register gave one factor).
    /// </summary>
    public static IReadOnlyList<ScenarioEdit> Arrivals(ArrivalCalibration fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var edits = new List<ScenarioEdit>();
        var factor = fit.Separable ? fit.Fit.BaseRate : fit.Scale;
        if (factor.Lower is not { } lo || factor.Upper is not { } hi || !(lo > 0) || !(hi > lo) || !(factor.Value > 0))
        {
            return edits;
        }
        foreach (var stream in fit.Streams)
        {
            // The rate as CalibrationEdits writes it (three decimals).
            double rate = Math.Round(stream.Fitted, 3);
            string which = fit.Separable ? "the base rate's" : "the register's scale factor's";
            edits.Add(ScenarioEdit.Entry(Section, $"arrivals.{stream.Stream}.rate", Lognormal(rate, rate * lo / factor.Value, rate * hi / factor.Value, "/d"),
                string.Create(Inv, $"fitted from the register: {which} 95% interval {lo:0.###} to {hi:0.###}, drawn lognormally")));
        }
        return edits;
    }

    /// <summary>
    /// A choice share drawn uniformly over its 95% Wilson interval (it stays inside 0 to 1, where
    /// a lognormal might not; its spread, width ÷ √12, is a little more than a normal's width ÷
    /// 3.92), and the choice wait's mean-carrying parameter as <see cref="Stay"/>. One share for each
    /// service the register sees alike (drawn independently of one another).
    /// </summary>
    public static IReadOnlyList<ScenarioEdit> Choice(ChoiceCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var edits = new List<ScenarioEdit>();
        if (calibration.Share is not { Lower: { } lo, Upper: { } hi } || !(hi > lo))
        {
            return edits;
        }
        foreach (string service in calibration.Services)
        {
            edits.Add(ScenarioEdit.Entry(Section, $"services.{service}.choice.share",
                $"{{min: {Number(Math.Max(0, lo))}, max: {Number(Math.Min(1, hi))}}}",
                string.Create(Inv, $"fitted from the register: uniform over the share's 95% Wilson interval ({calibration.WithChoice:N0} of {calibration.Patients:N0} patients)")));
            if (calibration.Wait is { } wait && Stay($"services.{service}.choice.wait", wait.Chosen, "the register's choice periods") is { } w)
            {
                edits.Add(w);
            }
        }
        return edits;
    }

    /// <summary>A published fit's parameter drawn uniformly over its plausible range; null when there is none or it is a single value.</summary>
    public static ScenarioEdit? Range(UnknownParameter parameter, (double Min, double Max)? range, string source)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (range is not { } r || parameter.Text(r.Max) == parameter.Text(r.Min) || !(r.Max > r.Min) || r.Min < 0)
        {
            return null;
        }
        return ScenarioEdit.Entry(Section, parameter.Path, $"{{min: {parameter.Text(r.Min)}, max: {parameter.Text(r.Max)}}}",
            $"fitted to {source}: uniform over the plausible range (the candidates not ruled out)");
    }

    /// <summary>
    /// The entries of the file's <c>uncertainty:</c> section that the calibration leaves stale: at
    /// or under a value it replaced (<paramref name="replaced"/>), not written by it again
    /// (<paramref name="written"/>) — an interval of a value no longer in the file, or of one
    /// refitted.
    /// </summary>
    public static IReadOnlyList<string> Stale(string text, IEnumerable<string> replaced, IEnumerable<string> written)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paths = replaced.ToList();
        var mine = written.ToHashSet(StringComparer.Ordinal);
        return [.. ScenarioPatch.EntryKeys(text, Section).Where(k => !mine.Contains(k) && paths.Any(p => Covers(p, k)))];
    }

    /// <summary>Whether the uncertainty key <paramref name="key"/> stands for <paramref name="path"/> or a value inside it.</summary>
    public static bool Covers(string path, string key) =>
        key == path || key.StartsWith(path + ".", StringComparison.Ordinal);

    private static string Lognormal(double mean, double low, double high, string unit)
    {
        // Rounded outwards, so the interval still holds the mean as written.
        double lo = Math.Min(Math.Floor(low * 1e6) / 1e6, mean), hi = Math.Max(Math.Ceiling(high * 1e6) / 1e6, mean);
        return $"{{mean: {Number(mean)}{unit}, ci95: [{Number(lo)}{unit}, {Number(hi)}{unit}]}}";
    }

    private static string Number(double value) => value.ToString("0.######", Inv);
}
