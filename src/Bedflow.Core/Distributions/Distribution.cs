using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

/// <summary>
/// A probability distribution of a non-negative duration or quantity, in the caller's units
/// (days for lengths of stay). Immutable and thread-safe; sampling takes the caller's
/// generator by reference. Build one through the static factories, which check every
/// parameter and throw on a bad one (a programming error); values from a user are checked first
/// with <see cref="DistributionProblems"/>, which returns what is wrong as data.
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

    /// <summary>
    /// Draws what is left of a stay that has already lasted <paramref name="elapsed"/> (≥ 0): T − elapsed
    /// where T is drawn from this distribution given T &gt; elapsed (the residual life of a patient
    /// found in a bed after that long). Exact for the exponential, gamma, Erlang, lognormal, Weibull,
    /// uniform, deterministic and empirical distributions (inverse CDF of the truncated
    /// distribution); the others draw by rejection, at most <see cref="MaxRejections"/> times. When
    /// no stay the distribution allows lasts that long (or rejection finds none) the stay is over:
    /// 0 is returned, a patient ready at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is negative or not finite.</exception>
    public double SampleRemaining(double elapsed, ref Xoshiro256StarStar rng)
    {
        Preconditions.NonNegative(Preconditions.Finite(elapsed, nameof(elapsed)), nameof(elapsed));
        return elapsed == 0 ? Sample(ref rng) : Math.Max(0, SampleBeyond(elapsed, ref rng));
    }

    /// <summary>The most draws <see cref="SampleRemaining"/> makes by rejection before it gives up (and returns 0).</summary>
    public const int MaxRejections = 10_000;

    /// <summary>T − elapsed with T given T &gt; elapsed &gt; 0; by rejection unless a family knows better.</summary>
    private protected virtual double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng)
    {
        for (int i = 0; i < MaxRejections; i++)
        {
            double t = Sample(ref rng);
            if (t > elapsed)
            {
                return t - elapsed;
            }
        }
        return 0;
    }

    /// <summary>Exponential with the given mean (rate = 1/mean).</summary>
    public static Distribution Exponential(double mean)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Exponential(mean));
        return new ExponentialDistribution(mean);
    }

    /// <summary>Always the same value.</summary>
    public static Distribution Deterministic(double value)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Deterministic(value));
        return new DeterministicDistribution(value);
    }

    /// <summary>Uniform on [min, max].</summary>
    public static Distribution Uniform(double min, double max)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Uniform(min, max));
        return new UniformDistribution(min, max);
    }

    /// <summary>Triangular on [min, max] with the given mode.</summary>
    public static Distribution Triangular(double min, double mode, double max)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Triangular(min, mode, max));
        return new TriangularDistribution(min, mode, max);
    }

    /// <summary>Lognormal given the mean and standard deviation of the value itself (not of its logarithm).</summary>
    public static Distribution LogNormal(double mean, double standardDeviation)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.LogNormal(mean, standardDeviation));
        return new LogNormalDistribution(mean, standardDeviation);
    }

    /// <summary>Gamma with the given shape k and scale θ (mean kθ).</summary>
    public static Distribution Gamma(double shape, double scale)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Gamma(shape, scale));
        return new GammaDistribution(shape, scale);
    }

    /// <summary>Weibull with the given shape k and scale λ (mean λΓ(1 + 1/k)).</summary>
    public static Distribution Weibull(double shape, double scale)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Weibull(shape, scale));
        return new WeibullDistribution(shape, scale);
    }

    /// <summary>Erlang: the sum of <paramref name="phases"/> exponential phases, with the given overall mean.</summary>
    public static Distribution Erlang(int phases, double mean)
    {
        DistributionProblems.ThrowIfAny(DistributionProblems.Erlang(phases, mean));
        return new ErlangDistribution(phases, mean);
    }

    /// <summary>Resamples the observed values with equal probability (a bootstrap of the data).</summary>
    public static Distribution Empirical(IEnumerable<double> values)
    {
        double[] data = [.. values];
        DistributionProblems.ThrowIfAny(DistributionProblems.Empirical(data));
        return new EmpiricalDistribution(data);
    }

    /// <summary>A mixture: draws a component with probability proportional to its weight, then samples it.</summary>
    public static Distribution Mixture(IEnumerable<(double Weight, Distribution Component)> parts)
    {
        var list = parts.ToList();
        DistributionProblems.ThrowIfAny(DistributionProblems.Mixture([.. list.Select(p => p.Weight)]));
        double total = 0;
        foreach (var (weight, component) in list)
        {
            ArgumentNullException.ThrowIfNull(component, nameof(parts));
            total += weight;
        }
        return new MixtureDistribution([.. list.Select(p => p.Weight / total)], [.. list.Select(p => p.Component)]);
    }
}
