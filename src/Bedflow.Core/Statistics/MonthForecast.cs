using System.Globalization;
using MathNet.Numerics.Statistics;

namespace Bedflow.Core.Statistics;

/// <summary>
/// A forecast of one month's figure for a back-test (<see cref="Backtest"/>): the point forecast
/// (the mean) and its 80% and 95% central prediction intervals, given as quantiles or taken from
/// the simulated replications' values. Immutable, made only by its factories.
/// </summary>
public sealed record MonthForecast
{
    private MonthForecast()
    {
    }

    /// <summary>The month forecast: the first day of a calendar month.</summary>
    public DateOnly Month { get; private init; }

    /// <summary>The point forecast: the mean of the forecast distribution.</summary>
    public double Mean { get; private init; }

    /// <summary>Lower end of the 80% central prediction interval (the 10% quantile).</summary>
    public double Lower80 { get; private init; }

    /// <summary>Upper end of the 80% central prediction interval (the 90% quantile).</summary>
    public double Upper80 { get; private init; }

    /// <summary>Lower end of the 95% central prediction interval (the 2.5% quantile).</summary>
    public double Lower95 { get; private init; }

    /// <summary>Upper end of the 95% central prediction interval (the 97.5% quantile).</summary>
    public double Upper95 { get; private init; }

    /// <summary>How many replications the intervals were taken from, or null when they were given as quantiles.</summary>
    public int? Replications { get; private init; }

    /// <summary>
    /// A forecast given as its mean and the 10%, 90%, 2.5% and 97.5% quantiles of its distribution.
    /// </summary>
    /// <exception cref="ArgumentException">The month is not the first of a month, a value is not finite, or the quantiles are out of order (lower95 ≤ lower80 ≤ upper80 ≤ upper95).</exception>
    public static MonthForecast FromQuantiles(DateOnly month, double mean, double lower80, double upper80, double lower95, double upper95)
    {
        CheckMonth(month);
        Preconditions.Finite(mean, nameof(mean));
        Preconditions.Finite(lower80, nameof(lower80));
        Preconditions.Finite(upper80, nameof(upper80));
        Preconditions.Finite(lower95, nameof(lower95));
        Preconditions.Finite(upper95, nameof(upper95));
        Preconditions.Check(lower95 <= lower80 && lower80 <= upper80 && upper80 <= upper95, nameof(upper95), string.Create(CultureInfo.InvariantCulture,
            $"the quantiles of {month:yyyy-MM} must be in order lower95 ≤ lower80 ≤ upper80 ≤ upper95, but were {lower95:R}, {lower80:R}, {upper80:R}, {upper95:R}."));
        return new MonthForecast { Month = month, Mean = mean, Lower80 = lower80, Upper80 = upper80, Lower95 = lower95, Upper95 = upper95 };
    }

    /// <summary>
    /// A forecast from the simulated replications' values of the month: their mean, and the
    /// 10%, 90%, 2.5% and 97.5% sample quantiles by Hyndman and Fan's definition 7 (R's default:
    /// linear interpolation between order statistics, so with few replications the 95% interval
    /// reaches nearly to the smallest and largest value, and never beyond them).
    /// </summary>
    /// <exception cref="ArgumentException">The month is not the first of a month, a value is not finite, or there are fewer than 2 values.</exception>
    public static MonthForecast FromReplications(DateOnly month, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckMonth(month);
        double[] sorted = [.. values];
        Preconditions.Check(sorted.Length >= 2, nameof(values), $"a forecast from replications needs at least 2 values, but got {sorted.Length}.");
        Preconditions.Check(Array.TrueForAll(sorted, double.IsFinite), nameof(values), "every replication's value must be a finite number.");
        Array.Sort(sorted);
        double Q(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        return new MonthForecast
        {
            Month = month,
            Mean = sorted.Average(),
            Lower80 = Q(0.10),
            Upper80 = Q(0.90),
            Lower95 = Q(0.025),
            Upper95 = Q(0.975),
            Replications = sorted.Length,
        };
    }

    /// <summary>Whether <paramref name="actual"/> lies in the 80% interval, ends included.</summary>
    public bool Inside80(double actual) => actual >= Lower80 && actual <= Upper80;

    /// <summary>Whether <paramref name="actual"/> lies in the 95% interval, ends included.</summary>
    public bool Inside95(double actual) => actual >= Lower95 && actual <= Upper95;

    private static void CheckMonth(DateOnly month) =>
        Preconditions.Check(month.Day == 1, nameof(month), string.Create(CultureInfo.InvariantCulture, $"a forecast month must be the first day of a month, but was {month:yyyy-MM-dd}."));
}
