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
        var moments = default(Moments);
        foreach (double v in values)
        {
            moments.Add(v);
        }
        return moments.ToEstimate(level);
    }

    /// <summary>The mean of <paramref name="values"/> with its 95% interval (see <see cref="Of(IEnumerable{double})"/>); allocates only the result.</summary>
    public static Estimate Of(ReadOnlySpan<double> values) => Of(values, 0.95);

    /// <summary>The mean of <paramref name="values"/> with its interval at <paramref name="level"/> (see <see cref="Of(IEnumerable{double}, double)"/>).</summary>
    public static Estimate Of(ReadOnlySpan<double> values, double level)
    {
        Preconditions.Check(level > 0 && level < 1, nameof(level), $"confidence level must be between 0 and 1, but was {Preconditions.Show(level)}.");
        return Summarise(values).ToEstimate(level);
    }

    /// <summary>
    /// The mean and 95% half-width (null with fewer than two values) of <paramref name="values"/>
    /// without allocating: for long per-day series, where an object per day would be garbage.
    /// The same numbers as <see cref="Of(ReadOnlySpan{double})"/>.
    /// </summary>
    internal static (double Mean, double? HalfWidth) MeanAndHalfWidth(ReadOnlySpan<double> values)
    {
        var m = Summarise(values);
        return (m.N == 0 ? double.NaN : m.Mean, m.N < 2 ? null : m.HalfWidth(0.95));
    }

    private static Moments Summarise(ReadOnlySpan<double> values)
    {
        var moments = default(Moments);
        foreach (double v in values)
        {
            moments.Add(v);
        }
        return moments;
    }

    // Two-sided Student-t quantiles at 95% by degrees of freedom, computed once each (MathNet's
    // inverse CDF is a root search): a per-day series asks for the same one thousands of times.
    // Racing threads at worst compute the same value twice.
    private static readonly double[] T95 = new double[1025];

    private static double StudentTQuantile(int degreesOfFreedom, double level)
    {
        if (level != 0.95 || degreesOfFreedom >= T95.Length)
        {
            return StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - level) / 2));
        }
        double t = Volatile.Read(ref T95[degreesOfFreedom]);
        if (t == 0)
        {
            t = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - level) / 2));
            Volatile.Write(ref T95[degreesOfFreedom], t);
        }
        return t;
    }

    /// <summary>Welford's running mean and sum of squares (stable for long runs), NaNs skipped.</summary>
    private struct Moments
    {
        public int N;
        public double Mean;
        private double _m2;

        public void Add(double v)
        {
            if (double.IsNaN(v))
            {
                return;
            }
            N++;
            double d = v - Mean;
            Mean += d / N;
            _m2 += d * (v - Mean);
        }

        public readonly double StandardDeviation => Math.Sqrt(_m2 / (N - 1));

        public readonly double HalfWidth(double level) => StudentTQuantile(N - 1, level) * StandardDeviation / Math.Sqrt(N);

        public readonly Estimate ToEstimate(double level) => N switch
        {
            0 => Undefined,
            1 => new Estimate { Mean = Mean, Count = 1 },
            _ => new Estimate { Mean = Mean, StandardDeviation = StandardDeviation, Count = N, HalfWidth = HalfWidth(level) },
        };
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
