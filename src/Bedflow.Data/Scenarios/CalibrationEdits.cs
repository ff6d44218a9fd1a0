using System.Globalization;
using Bedflow.Core.Calibration;
using Bedflow.Core.Statistics;

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
        string split = shared.Count > 0 ? $"; {string.Join(", ", shared)} share a discharge pathway in a register and are split as the scenario had them" : "";
        string unplaced = fit.Unplaced.Count > 0
            ? "; NOT routed here: " + string.Join(", ", fit.Unplaced.Select(u => string.Create(Inv, $"{u.Count:N0} to {u.Destination}")))
            : "";
        return new ScenarioEdit($"routing.{fit.Service}", value,
            string.Create(Inv, $"fitted from the register: {fit.Shares.Total:N0} stays leaving {fit.Service} {Period(evidence)}; simultaneous 95% intervals {intervals}{split}{unplaced}"));
    }

    /// <summary>
    /// Each stream's base rate (its share of the service's admissions from outside) and, where
    /// every month and weekday has data, the month and weekday factors, with the fit's intervals
    /// and its dispersion.
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
        foreach (var (stream, share) in fit.Streams)
        {
            string shareText = fit.Streams.Count > 1 ? string.Create(Inv, $"; {share:P0} of {fit.Service}'s admissions, as the scenario shared them among its streams") : "";
            edits.Add(new ScenarioEdit($"arrivals.{stream}.rate", string.Create(Inv, $"{f.BaseRate.Value * share:0.###}/d"),
                string.Create(Inv, $"fitted from the register: {f.Arrivals:N0} admissions from outside to {fit.Service} {Period(evidence)}, base rate {Interval(f.BaseRate, share)} a day{shareText}{dispersion}")));
            if (f.MonthFactors.All(m => !m.Absent))
            {
                edits.Add(new ScenarioEdit($"arrivals.{stream}.monthly", Factors(f.MonthFactors),
                    "fitted from the register, January first: " + string.Join(", ", f.MonthFactors.Select(m => Interval(m, 1)))));
            }
            if (f.WeekdayFactors.All(d => !d.Absent))
            {
                edits.Add(new ScenarioEdit($"arrivals.{stream}.weekday", Factors(f.WeekdayFactors),
                    "fitted from the register, Monday first: " + string.Join(", ", f.WeekdayFactors.Select(d => Interval(d, 1)))));
            }
        }
        return edits;
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
