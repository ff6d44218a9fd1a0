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

    /// <summary>
    /// The least value the quantity can take (e.g. 0 for a count), or null for none; the interval's
    /// lower end never goes below it. See <see cref="Within"/>.
    /// </summary>
    public double? LowerLimit { get; private init; }

    /// <summary>The greatest value the quantity can take (e.g. 1 for a share), or null for none.</summary>
    public double? UpperLimit { get; private init; }

    /// <summary>Lower end of the 95% interval (mean − half-width, but not below <see cref="LowerLimit"/>).</summary>
    public double? Lower => HalfWidth is { } h ? Math.Max(Mean - h, LowerLimit ?? double.NegativeInfinity) : null;

    /// <summary>Upper end of the 95% interval (mean + half-width, but not above <see cref="UpperLimit"/>).</summary>
    public double? Upper => HalfWidth is { } h ? Math.Min(Mean + h, UpperLimit ?? double.PositiveInfinity) : null;

    /// <summary>Whether a physical limit cut the interval: it is then not symmetric about the mean.</summary>
    public bool IsClamped => HalfWidth is { } h && ((LowerLimit is { } lo && Mean - h < lo) || (UpperLimit is { } hi && Mean + h > hi));

    /// <summary>
    /// The same estimate of a quantity that cannot lie outside [<paramref name="lower"/>,
    /// <paramref name="upper"/>] (null: no limit on that side): the interval is cut at the limits.
    /// Cutting never loses coverage — the true mean lies inside the limits, so whenever the t
    /// interval covers it the cut one does too — and it keeps the mean and standard deviation
    /// (docs/results-reference.md, "Intervals that respect limits").
    /// </summary>
    public Estimate Within(double? lower, double? upper)
    {
        Preconditions.Check(lower is not { } l || double.IsFinite(l), nameof(lower), $"must be finite, but was {Preconditions.Show(lower ?? 0)}.");
        Preconditions.Check(upper is not { } u || double.IsFinite(u), nameof(upper), $"must be finite, but was {Preconditions.Show(upper ?? 0)}.");
        Preconditions.Check(lower is null || upper is null || lower <= upper, nameof(upper), $"must not be below the lower limit {Preconditions.Show(lower ?? 0)}, but was {Preconditions.Show(upper ?? 0)}.");
        return this with { LowerLimit = lower, UpperLimit = upper };
    }

    /// <summary>The same estimate of a quantity that cannot be negative (a count, a time, a cost).</summary>
    public Estimate NonNegative() => Within(0, UpperLimit);

    /// <summary>The same estimate of a share: between 0 and 1.</summary>
    public Estimate Share() => Within(0, 1);

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

    /// <summary>The two-sided 95% Student-t quantile at non-whole degrees of freedom (Satterthwaite's), at least 1.</summary>
    internal static double T975(double degreesOfFreedom) => StudentT.InvCDF(0, 1, Math.Max(1, degreesOfFreedom), 0.975);

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

    /// <summary>An estimate whose interval is not a plain t interval over its values (an interval with parameter uncertainty, <see cref="UncertainEstimate"/>).</summary>
    internal static Estimate FromParts(double mean, double standardDeviation, int count, double halfWidth) =>
        new() { Mean = mean, StandardDeviation = standardDeviation, Count = count, HalfWidth = halfWidth };

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
        double? lower = divisor > 0 ? LowerLimit / divisor : UpperLimit / divisor;
        double? upper = divisor > 0 ? UpperLimit / divisor : LowerLimit / divisor;
        return this with { Mean = Mean / divisor, StandardDeviation = StandardDeviation / scale, HalfWidth = HalfWidth / scale, LowerLimit = lower, UpperLimit = upper };
    }

    /// <summary>Whether <paramref name="value"/> lies inside the interval (false when there is none).</summary>
    public bool Covers(double value) => Lower is { } lo && Upper is { } hi && value >= lo && value <= hi;

    /// <inheritdoc/>
    public override string ToString() => HalfWidth is { } h
        ? IsClamped
            ? string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ({Lower:G6} to {Upper:G6})")
            : string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ± {h:G3}")
        : string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} (no interval: {Count} value(s))");
}
