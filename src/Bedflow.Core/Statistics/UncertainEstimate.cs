using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Statistics;

/// <summary>
/// A measure's mean two ways (docs/calibration.md, "Parameter uncertainty"): from replications at
/// the central parameters (<see cref="Randomness"/>, the ordinary interval: the simulation's own
/// Monte Carlo error) and from replications whose parameters are each drawn from their
/// uncertainty (<see cref="WithParameters"/>: an interval for the long-run mean μ(θ) at the true,
/// unknown θ). Immutable.
/// </summary>
/// <remarks>
/// One replication per drawn θ: the spread of those outcomes is Var_θ(μ(θ)) + E_θ[Var(f | θ)]. The
/// second term is estimated by the central replications' variance (the variance-difference
/// estimator of the ANOVA decomposition with the within-θ variance taken as that at the centre;
/// O'Hagan, Stevenson and Madan 2007), so the parameters' variance is
/// σ²_θ = max(0, s²_drawn − s²_central). The interval with parameters is
/// mean_drawn ± t_ν √(σ²_θ + max(s²_drawn, s²_central) / n), ν by Satterthwaite — never narrower
/// than the interval from randomness alone.
/// </remarks>
public sealed record UncertainEstimate
{
    /// <summary>Bootstrap resamples behind the share's interval.</summary>
    public const int Resamples = 999;

    private UncertainEstimate()
    {
    }

    /// <summary>The mean at the central parameters with its 95% interval from randomness only.</summary>
    public required Estimate Randomness { get; init; }

    /// <summary>
    /// The mean over drawn parameters (an estimate of E_θ μ(θ)) and a 95% interval for μ(θ) with θ
    /// uncertain: the parameters' spread and the Monte Carlo error of that mean together.
    /// </summary>
    public required Estimate WithParameters { get; init; }

    /// <summary>σ²_θ: the variance of the long-run mean over the parameters' uncertainty (0 when the data show none).</summary>
    public required double ParameterVariance { get; init; }

    /// <summary>
    /// The share of one replication's variance that the parameters explain, Var_θ(μ(θ)) ÷ Var(f)
    /// (0 to 1), with a 95% percentile bootstrap interval over replications (pairs resampled:
    /// the central and drawn replication r share their patients' random numbers). Null-valued
    /// (NaN, no interval) with fewer than three replications or no spread at all.
    /// </summary>
    public required FittedValue ParameterShare { get; init; }

    /// <summary>
    /// The two intervals of one measure: <paramref name="central"/>[r] from replication r at the
    /// central parameters, <paramref name="drawn"/>[r] from replication r with its drawn
    /// parameters (the same length; a pair with a NaN is left out).
    /// </summary>
    public static UncertainEstimate Of(ReadOnlySpan<double> central, ReadOnlySpan<double> drawn)
    {
        Preconditions.Check(central.Length == drawn.Length, nameof(drawn), $"must have one value per central replication ({central.Length}), but had {drawn.Length}.");
        var y = new List<double>(central.Length);
        var z = new List<double>(drawn.Length);
        for (int i = 0; i < central.Length; i++)
        {
            if (!double.IsNaN(central[i]) && !double.IsNaN(drawn[i]))
            {
                y.Add(central[i]);
                z.Add(drawn[i]);
            }
        }
        var randomness = Estimate.Of(central);
        int n = y.Count;
        if (n < 2)
        {
            return new UncertainEstimate { Randomness = randomness, WithParameters = Estimate.Of(drawn), ParameterVariance = double.NaN, ParameterShare = new FittedValue(double.NaN, null, null) };
        }
        var (meanZ, varZ) = MeanVariance(z, null);
        var (_, varY) = MeanVariance(y, null);
        double parameters = Math.Max(0, varZ - varY);
        // The drawn mean's own sampling error, never taken as less than the central replications': with
        // the parameters' variance clamped at 0, a drawn spread below the central one is noise, not
        // certainty, and the interval with parameters is never narrower than randomness alone.
        double monteCarlo = Math.Max(varZ, varY) / n;
        double total = parameters + monteCarlo;
        // Satterthwaite's degrees of freedom for (1 + 1/n)·s²_z − s²_y; with nothing left to the
        // parameters the interval is the drawn mean's own t interval.
        double nu = n - 1;
        if (parameters > 0)
        {
            double a = 1 + (1.0 / n);
            nu = Math.Max(1, total * total / ((a * a * varZ * varZ / (n - 1)) + (varY * varY / (n - 1))));
        }
        double half = Estimate.T975(nu) * Math.Sqrt(total);
        return new UncertainEstimate
        {
            Randomness = randomness,
            WithParameters = Estimate.FromParts(meanZ, Math.Sqrt(parameters + varZ), n, half),
            ParameterVariance = parameters,
            ParameterShare = Share([.. y], [.. z]),
        };
    }

    /// <summary>The same with both intervals cut at physical limits (<see cref="Estimate.Within"/>).</summary>
    public UncertainEstimate Within(double? lower, double? upper) =>
        this with { Randomness = Randomness.Within(lower, upper), WithParameters = WithParameters.Within(lower, upper) };

    private static FittedValue Share(double[] y, double[] z)
    {
        int n = y.Length;
        double point = ShareOf(y, z, null);
        if (n < 3 || double.IsNaN(point))
        {
            return new FittedValue(point, null, null);
        }
        // Seeded by the data's size only: the same replications give the same interval on any thread.
        var rng = RandomStreams.ForResampling(0x5A4E, n, 0);
        var index = new int[n];
        var shares = new double[Resamples];
        for (int b = 0; b < Resamples; b++)
        {
            for (int i = 0; i < n; i++)
            {
                index[i] = rng.NextInt(n);
            }
            shares[b] = ShareOf(y, z, index);
        }
        var kept = shares.Where(s => !double.IsNaN(s)).Order().ToArray();
        if (kept.Length < Resamples / 2)
        {
            return new FittedValue(point, null, null);
        }
        return new FittedValue(point, Quantile(kept, 0.025), Quantile(kept, 0.975));
    }

    private static double ShareOf(IReadOnlyList<double> y, IReadOnlyList<double> z, int[]? index)
    {
        var (_, vz) = MeanVariance(z, index);
        var (_, vy) = MeanVariance(y, index);
        return vz > 0 ? Math.Clamp((vz - vy) / vz, 0, 1) : double.NaN;
    }

    // Mean and sample variance (n − 1) of the values, or of those at the given indices.
    private static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values, int[]? index)
    {
        int n = index?.Length ?? values.Count;
        double mean = 0, m2 = 0;
        for (int i = 0; i < n; i++)
        {
            double v = values[index is null ? i : index[i]];
            double d = v - mean;
            mean += d / (i + 1);
            m2 += d * (v - mean);
        }
        return (mean, n > 1 ? m2 / (n - 1) : double.NaN);
    }

    // The type-7 sample quantile of sorted values.
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Randomness}; with parameters {WithParameters}; parameters' share {ParameterShare}");
}
