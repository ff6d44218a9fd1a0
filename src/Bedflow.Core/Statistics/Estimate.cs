using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics;

/// <summary>
/// A mean over independent replications with its Student-t confidence interval.
/// With fewer than two values the interval is null: never a made-up width. Immutable, and made
/// only by its factories, so no code can change a mean without its interval.
/// </summary>
public sealed record Estimate
{
    private Estimate()
    {
    }

    /// <summary>The mean of the values (NaN when there are none).</summary>
    public double Mean { get; private init; }

    /// <summary>The sample standard deviation (n − 1), or null with fewer than two values.</summary>
    public double? StandardDeviation { get; private init; }

    /// <summary>How many replications gave a value.</summary>
    public int Count { get; private init; }

    /// <summary>Half-width of the 95% interval, or null with fewer than two values.</summary>
    public double? HalfWidth { get; private init; }

    /// <summary>Lower end of the 95% interval.</summary>
    public double? Lower => HalfWidth is { } h ? Mean - h : null;

    /// <summary>Upper end of the 95% interval.</summary>
    public double? Upper => HalfWidth is { } h ? Mean + h : null;

    /// <summary>The mean and 95% interval of the finite values; NaN values (undefined in a replication) are left out.</summary>
    public static Estimate Of(IEnumerable<double> values) => Of(values, 0.95);

    /// <summary>The mean and an interval at the given confidence level (e.g. 0.999).</summary>
    public static Estimate Of(IEnumerable<double> values, double level)
    {
        Preconditions.Check(level > 0 && level < 1, nameof(level), $"confidence level must be between 0 and 1, but was {Preconditions.Show(level)}.");
        int n = 0;
        double mean = 0, m2 = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }
            // Welford's running mean and sum of squares: stable for long runs.
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }
        if (n == 0)
        {
            return Undefined;
        }
        if (n == 1)
        {
            return new Estimate { Mean = mean, Count = 1 };
        }
        double sd = Math.Sqrt(m2 / (n - 1));
        double t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        return new Estimate { Mean = mean, StandardDeviation = sd, Count = n, HalfWidth = t * sd / Math.Sqrt(n) };
    }

    /// <summary>The estimate of no values: a NaN mean, no interval.</summary>
    public static Estimate Undefined { get; } = new() { Mean = double.NaN, Count = 0 };

    /// <summary>
    /// The same estimate in other units: mean, standard deviation and half-width each divided by
    /// <paramref name="divisor"/> (e.g. 1e6 for £ to £m). A negative divisor flips the sign of
    /// the mean; widths stay positive.
    /// </summary>
    public Estimate DividedBy(double divisor)
    {
        Preconditions.Check(divisor != 0 && double.IsFinite(divisor), nameof(divisor), $"must be a finite number other than 0, but was {Preconditions.Show(divisor)}.");
        double scale = Math.Abs(divisor);
        return this with { Mean = Mean / divisor, StandardDeviation = StandardDeviation / scale, HalfWidth = HalfWidth / scale };
    }

    /// <summary>Whether <paramref name="value"/> lies inside the interval (false when there is none).</summary>
    public bool Covers(double value) => HalfWidth is { } h && Math.Abs(value - Mean) <= h;

    /// <inheritdoc/>
    public override string ToString() => HalfWidth is { } h
        ? string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ± {h:G3}")
        : string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} (no interval: {Count} value(s))");
}
