using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

/// <summary>
/// A probability distribution of a non-negative duration or quantity, in the caller's units
/// (days for lengths of stay). Immutable and thread-safe; sampling takes the caller's
/// generator by reference. Build one through the static factories, which check every
/// parameter and say what is wrong.
/// </summary>
public abstract class Distribution
{
    private protected Distribution()
    {
    }

    /// <summary>The expected value.</summary>
    public abstract double Mean { get; }

    /// <summary>The variance.</summary>
    public abstract double Variance { get; }

    /// <summary>The smallest value a sample can take.</summary>
    public abstract double Minimum { get; }

    /// <summary>
    /// Whether a sample is exactly 0 with a positive probability (a point mass at 0, as in
    /// <c>deterministic(0)</c> or an empirical list holding 0): a stay that can take no time at all.
    /// Continuous families starting at 0 (exponential, lognormal, …) are 0 with probability 0.
    /// </summary>
    internal virtual bool CanBeZero => false;

    /// <summary>The standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Draws one value.</summary>
    public abstract double Sample(ref Xoshiro256StarStar rng);

    /// <summary>
    /// Draws from the length-biased distribution (density x f(x) / mean): the total stay of a
    /// patient found in a bed at a random moment. Exact for every distribution here.
    /// </summary>
    public abstract double SampleLengthBiased(ref Xoshiro256StarStar rng);

    /// <summary>
    /// Draws a remaining stay from the equilibrium residual-life distribution (density
    /// (1 − F(x)) / mean): what is left of the stay of a patient already in a bed in a system
    /// that has run for a long time. Equals U × a length-biased stay, U uniform on (0, 1).
    /// </summary>
    public double SampleResidual(ref Xoshiro256StarStar rng)
    {
        double total = SampleLengthBiased(ref rng);
        return rng.NextDouble() * total;
    }

    /// <summary>Exponential with the given mean (rate = 1/mean).</summary>
    public static Distribution Exponential(double mean) => new ExponentialDistribution(Preconditions.Positive(mean, nameof(mean)));

    /// <summary>Always the same value.</summary>
    public static Distribution Deterministic(double value) => new DeterministicDistribution(Preconditions.NonNegative(value, nameof(value)));

    /// <summary>Uniform on [min, max].</summary>
    public static Distribution Uniform(double min, double max)
    {
        Preconditions.NonNegative(min, nameof(min));
        Preconditions.Finite(max, nameof(max));
        Preconditions.Check(max >= min, nameof(max), $"max must be at least min ({Preconditions.Show(min)}), but was {Preconditions.Show(max)}.");
        return new UniformDistribution(min, max);
    }

    /// <summary>Triangular on [min, max] with the given mode.</summary>
    public static Distribution Triangular(double min, double mode, double max)
    {
        Preconditions.NonNegative(min, nameof(min));
        Preconditions.Finite(mode, nameof(mode));
        Preconditions.Finite(max, nameof(max));
        Preconditions.Check(min <= mode && mode <= max, nameof(mode),
            $"triangular needs min ≤ mode ≤ max, but got min {Preconditions.Show(min)}, mode {Preconditions.Show(mode)}, max {Preconditions.Show(max)}.");
        Preconditions.Check(max > min, nameof(max), $"triangular needs max greater than min, but both were {Preconditions.Show(min)}.");
        return new TriangularDistribution(min, mode, max);
    }

    /// <summary>Lognormal given the mean and standard deviation of the value itself (not of its logarithm).</summary>
    public static Distribution LogNormal(double mean, double standardDeviation) =>
        new LogNormalDistribution(Preconditions.Positive(mean, nameof(mean)), Preconditions.Positive(standardDeviation, nameof(standardDeviation)));

    /// <summary>Gamma with the given shape k and scale θ (mean kθ).</summary>
    public static Distribution Gamma(double shape, double scale) =>
        new GammaDistribution(Preconditions.Positive(shape, nameof(shape)), Preconditions.Positive(scale, nameof(scale)));

    /// <summary>Weibull with the given shape k and scale λ (mean λΓ(1 + 1/k)).</summary>
    public static Distribution Weibull(double shape, double scale) =>
        new WeibullDistribution(Preconditions.Positive(shape, nameof(shape)), Preconditions.Positive(scale, nameof(scale)));

    /// <summary>Erlang: the sum of <paramref name="phases"/> exponential phases, with the given overall mean.</summary>
    public static Distribution Erlang(int phases, double mean) =>
        new ErlangDistribution(Preconditions.Positive(phases, nameof(phases)), Preconditions.Positive(mean, nameof(mean)));

    /// <summary>Resamples the observed values with equal probability (a bootstrap of the data).</summary>
    public static Distribution Empirical(IEnumerable<double> values)
    {
        double[] data = [.. values];
        Preconditions.Check(data.Length > 0, nameof(values), "empirical needs at least one observed value, but none were given.");
        for (int i = 0; i < data.Length; i++)
        {
            Preconditions.Check(double.IsFinite(data[i]) && data[i] >= 0, nameof(values),
                $"empirical values must be finite and at least 0, but value {i + 1} was {Preconditions.Show(data[i])}.");
        }
        return new EmpiricalDistribution(data);
    }

    /// <summary>A mixture: draws a component with probability proportional to its weight, then samples it.</summary>
    public static Distribution Mixture(IEnumerable<(double Weight, Distribution Component)> parts)
    {
        var list = parts.ToList();
        Preconditions.Check(list.Count > 0, nameof(parts), "a mixture needs at least one component.");
        double total = 0;
        for (int i = 0; i < list.Count; i++)
        {
            Preconditions.Check(double.IsFinite(list[i].Weight) && list[i].Weight > 0, nameof(parts),
                $"mixture weights must be greater than 0, but weight {i + 1} was {Preconditions.Show(list[i].Weight)}.");
            ArgumentNullException.ThrowIfNull(list[i].Component, nameof(parts));
            total += list[i].Weight;
        }
        return new MixtureDistribution([.. list.Select(p => p.Weight / total)], [.. list.Select(p => p.Component)]);
    }
}
