using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics;

/// <summary>
/// Classical additive decomposition of a monthly series: trend = centred 2×12 moving average,
/// seasonal = the mean detrended value of each calendar month (centred to sum to zero), and the
/// rest as remainder. Each seasonal effect carries its standard error from the spread of its
/// detrended values over the years, which gives an interval for how much of a change between two
/// months is seasonal. Missing months (null) are left out of the averages. Immutable.
/// </summary>
public sealed class SeasonalDecomposition
{
    private SeasonalDecomposition(DateOnly first, double?[] values, double[] trend, double[] seasonal, double[] seasonalSe, int[] seasonalCount)
    {
        First = first;
        Values = values;
        Trend = trend;
        SeasonalByMonth = seasonal;
        SeasonalStandardError = seasonalSe;
        SeasonalYears = seasonalCount;
    }

    /// <summary>The first month.</summary>
    public DateOnly First { get; }

    /// <summary>The series, month by month (null = missing).</summary>
    public IReadOnlyList<double?> Values { get; }

    /// <summary>The trend (NaN in the first and last six months, where the centred average is not defined).</summary>
    public IReadOnlyList<double> Trend { get; }

    /// <summary>Seasonal effect by calendar month, January = index 0, summing to zero; NaN for a calendar month with no data in any year.</summary>
    public IReadOnlyList<double> SeasonalByMonth { get; }

    /// <summary>Standard error of each seasonal effect.</summary>
    public IReadOnlyList<double> SeasonalStandardError { get; }

    /// <summary>How many years gave each calendar month's effect.</summary>
    public IReadOnlyList<int> SeasonalYears { get; }

    /// <summary>
    /// The 95% interval of a calendar month's seasonal effect (January = 0): Student's t on the
    /// years that gave it, as <see cref="ShareOfChange"/> uses; NaN ends when fewer than two years did.
    /// </summary>
    public (double Low, double High) SeasonalInterval(int calendarMonth)
    {
        Preconditions.Check(calendarMonth is >= 0 and < 12, nameof(calendarMonth), "must be a calendar month from 0 (January) to 11 (December).");
        double se = SeasonalStandardError[calendarMonth];
        if (!double.IsFinite(se) || !double.IsFinite(SeasonalByMonth[calendarMonth]))
        {
            return (double.NaN, double.NaN);
        }
        double half = StudentT.InvCDF(0, 1, SeasonalYears[calendarMonth] - 1, 0.975) * se;
        return (SeasonalByMonth[calendarMonth] - half, SeasonalByMonth[calendarMonth] + half);
    }

    /// <summary>The seasonal effect of month index i of the series.</summary>
    public double Seasonal(int i) => SeasonalByMonth[First.AddMonths(i).Month - 1];

    /// <summary>Decomposes a monthly series starting at <paramref name="first"/> (at least 24 months).</summary>
    public static SeasonalDecomposition Of(DateOnly first, IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Preconditions.Check(values.Count >= 24, nameof(values), $"a seasonal decomposition needs at least 24 months, but got {values.Count}.");
        int n = values.Count;
        var trend = new double[n];
        for (int i = 0; i < n; i++)
        {
            trend[i] = double.NaN;
            if (i < 6 || i + 6 >= n)
            {
                continue;
            }
            // Centred 2×12 moving average: half weights on the two ends.
            double sum = 0;
            bool complete = true;
            for (int k = -6; k <= 6; k++)
            {
                if (values[i + k] is not { } v)
                {
                    complete = false;
                    break;
                }
                sum += (k is -6 or 6 ? 0.5 : 1) * v;
            }
            if (complete)
            {
                trend[i] = sum / 12;
            }
        }
        var byMonth = Enumerable.Range(0, 12).Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < n; i++)
        {
            if (values[i] is { } v && !double.IsNaN(trend[i]))
            {
                byMonth[first.AddMonths(i).Month - 1].Add(v - trend[i]);
            }
        }
        // A calendar month with no detrended value has no seasonal effect (NaN), not an effect of
        // zero; the others are centred among themselves.
        var raw = byMonth.Select(d => d.Count == 0 ? double.NaN : d.Average()).ToArray();
        double centre = raw.Any(double.IsFinite) ? raw.Where(double.IsFinite).Average() : 0;
        var seasonal = raw.Select(s => s - centre).ToArray();
        var se = byMonth.Select(d => d.Count < 2 ? double.NaN : Math.Sqrt(d.Sum(x => (x - d.Average()) * (x - d.Average())) / (d.Count - 1) / d.Count)).ToArray();
        return new SeasonalDecomposition(first, [.. values], trend, seasonal, se, [.. byMonth.Select(d => d.Count)]);
    }

    /// <summary>
    /// How much of the change from month index <paramref name="from"/> to <paramref name="to"/> is
    /// seasonal: the change, the seasonal part (difference of the two months' seasonal effects)
    /// with its 95% interval, and the seasonal share of the change with its interval.
    /// </summary>
    public SeasonalShare ShareOfChange(int from, int to)
    {
        Preconditions.Check(from >= 0 && from < Values.Count && to >= 0 && to < Values.Count, nameof(to), "both months must be in the series.");
        if (Values[from] is not { } a || Values[to] is not { } b)
        {
            return new SeasonalShare(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        int mf = First.AddMonths(from).Month - 1, mt = First.AddMonths(to).Month - 1;
        double change = b - a;
        double seasonal = SeasonalByMonth[mt] - SeasonalByMonth[mf];
        double se = mf == mt ? 0 : Math.Sqrt((SeasonalStandardError[mf] * SeasonalStandardError[mf]) + (SeasonalStandardError[mt] * SeasonalStandardError[mt]));
        int df = Math.Max(1, Math.Min(SeasonalYears[mf], SeasonalYears[mt]) - 1);
        double half = StudentT.InvCDF(0, 1, df, 0.975) * se;
        double low = seasonal - half, high = seasonal + half;
        double shareLow = change == 0 ? double.NaN : Math.Min(low / change, high / change);
        double shareHigh = change == 0 ? double.NaN : Math.Max(low / change, high / change);
        return new SeasonalShare(change, seasonal, low, high, change == 0 ? double.NaN : seasonal / change, shareLow, shareHigh);
    }
}

/// <summary>The seasonal part of a change between two months, with 95% intervals.</summary>
public sealed record SeasonalShare(double Change, double Seasonal, double SeasonalLow, double SeasonalHigh, double Share, double ShareLow, double ShareHigh);
