using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics;

/// <summary>
/// A ratio of two means from paired replications — e.g. extra cost a year ÷ delayed days avoided a
/// year, both paired differences from the baseline on common random numbers — with Fieller's 95%
/// interval, which (unlike a ratio of the two intervals, or the delta method) accounts for the
/// denominator's own uncertainty and correlation, and says honestly when the denominator is so
/// uncertain that no bounded interval exists. Immutable.
/// </summary>
/// <remarks>
/// Fieller (1954), "Some problems in interval estimation", J. R. Stat. Soc. B 16:175–185; as used
/// for cost-effectiveness ratios by Willan &amp; O'Brien (1996), Health Economics 5:297–305.
/// With n pairs (x, y), means x̄, ȳ and the sample (co)variances of the means v₁₁, v₁₂, v₂₂
/// (each ÷ n), the interval is every θ with (x̄ − θȳ)² ≤ t² (v₁₁ − 2θv₁₂ + θ²v₂₂), t the
/// two-sided 95% Student-t quantile on n − 1 degrees of freedom. It is a bounded interval exactly
/// when ȳ² &gt; t²v₂₂, i.e. when the denominator's own t interval excludes zero.
/// </remarks>
public sealed record Ratio
{
    private Ratio()
    {
    }

    /// <summary>The ratio of the means (NaN when the denominator's mean is 0 or there are no pairs).</summary>
    public double Value { get; private init; }

    /// <summary>Lower end of Fieller's 95% interval; null when it is unbounded or there are fewer than two pairs.</summary>
    public double? Lower { get; private init; }

    /// <summary>Upper end of Fieller's 95% interval; null when it is unbounded or there are fewer than two pairs.</summary>
    public double? Upper { get; private init; }

    /// <summary>How many pairs it rests on.</summary>
    public int Count { get; private init; }

    /// <summary>Whether there is a bounded interval.</summary>
    public bool IsBounded => Lower is not null;

    /// <summary>The ratio mean(<paramref name="numerator"/>) ÷ mean(<paramref name="denominator"/>) with Fieller's interval at <paramref name="level"/>.</summary>
    public static Ratio Fieller(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, double level = 0.95)
    {
        Preconditions.Check(numerator.Length == denominator.Length, nameof(denominator), $"must pair with the numerator, but has {denominator.Length} values for {numerator.Length}.");
        Preconditions.Check(level > 0 && level < 1, nameof(level), $"confidence level must be between 0 and 1, but was {Preconditions.Show(level)}.");
        int n = numerator.Length;
        if (n == 0)
        {
            return new Ratio { Value = double.NaN };
        }
        double x = 0, y = 0;
        for (int i = 0; i < n; i++)
        {
            x += numerator[i];
            y += denominator[i];
        }
        x /= n;
        y /= n;
        double value = y != 0 ? x / y : double.NaN;
        if (n < 2)
        {
            return new Ratio { Value = value, Count = n };
        }
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = numerator[i] - x, dy = denominator[i] - y;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        // Variances and covariance of the two means.
        double v11 = sxx / (n - 1) / n, v22 = syy / (n - 1) / n, v12 = sxy / (n - 1) / n;
        double t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        double t2 = t * t;
        double a = (y * y) - (t2 * v22);
        double b = (x * y) - (t2 * v12);
        double c = (x * x) - (t2 * v11);
        double discriminant = (b * b) - (a * c);
        if (a <= 0 || discriminant < 0)
        {
            return new Ratio { Value = value, Count = n };
        }
        double root = Math.Sqrt(discriminant);
        return new Ratio { Value = value, Count = n, Lower = (b - root) / a, Upper = (b + root) / a };
    }

    /// <summary>
    /// The difference of two paired ratios, mean(x₁)/mean(y₁) − mean(x₂)/mean(y₂), with its 95%
    /// interval by the delta method on the replications' linearised values
    /// (x₁ᵢ − R₁y₁ᵢ)/ȳ₁ − (x₂ᵢ − R₂y₂ᵢ)/ȳ₂, whose spread carries the pairing: for telling two
    /// options' costs per delayed day avoided apart on common random numbers.
    /// </summary>
    public static Estimate Difference(ReadOnlySpan<double> x1, ReadOnlySpan<double> y1, ReadOnlySpan<double> x2, ReadOnlySpan<double> y2)
    {
        int n = x1.Length;
        Preconditions.Check(y1.Length == n && x2.Length == n && y2.Length == n, nameof(y2), "all four series must have the same length (one value per replication).");
        double mx1 = Mean(x1), my1 = Mean(y1), mx2 = Mean(x2), my2 = Mean(y2);
        if (n == 0 || my1 == 0 || my2 == 0)
        {
            return Estimate.Undefined;
        }
        double r1 = mx1 / my1, r2 = mx2 / my2;
        var linearised = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Each has mean 0: shifted by the difference, their mean is the difference and their spread its standard error's.
            linearised[i] = (r1 - r2) + ((x1[i] - (r1 * y1[i])) / my1) - ((x2[i] - (r2 * y2[i])) / my2);
        }
        return Estimate.Of(linearised.AsSpan());
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }
        return values.Length == 0 ? double.NaN : sum / values.Length;
    }
}
