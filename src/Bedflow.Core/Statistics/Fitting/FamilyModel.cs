using Bedflow.Core.Distributions;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// One family's likelihood with right-censoring, on the logarithms of the parameters its
/// <see cref="Distribution"/> factory takes (θ = ln of each, in the order of <see cref="Names"/>),
/// so that every θ is a valid distribution and intervals made on this scale stay positive.
/// Stateless and thread-safe.
/// </summary>
internal abstract class FamilyModel
{
    public abstract StayFamily Family { get; }

    /// <summary>The engine's parameters, as the factory takes them.</summary>
    public abstract DistributionParameter[] Names { get; }

    public int ParameterCount => Names.Length;

    /// <summary>Σ over completed stays of ln f(t) + Σ over censored ones of ln S(t).</summary>
    public abstract double LogLikelihood(ReadOnlySpan<double> theta, StaySample sample);

    /// <summary>Where the search starts: moments of the completed stays, ignoring censoring.</summary>
    public abstract double[] Start(StaySample sample);

    /// <summary>The maximum-likelihood θ in closed form, or null when it has none.</summary>
    public virtual double[]? ClosedForm(StaySample sample) => null;

    public abstract double Cdf(ReadOnlySpan<double> theta, double days);

    public abstract double Quantile(ReadOnlySpan<double> theta, double probability);

    /// <summary>ln of the distribution's mean.</summary>
    public abstract double LogMean(ReadOnlySpan<double> theta);

    public abstract Distribution ToDistribution(ReadOnlySpan<double> theta);

    public static FamilyModel For(StayFamily family) => family switch
    {
        StayFamily.Exponential => ExponentialModel.Instance,
        StayFamily.Gamma => GammaModel.Instance,
        StayFamily.LogNormal => LogNormalModel.Instance,
        StayFamily.Weibull => WeibullModel.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, $"{family} is not a family that can be fitted."),
    };

    /// <summary>A start value kept well inside what the likelihood can evaluate.</summary>
    protected static double Bounded(double value, double min, double max) => double.IsFinite(value) ? Math.Clamp(value, min, max) : min;
}

/// <summary>Neumaier's compensated sum: a likelihood over millions of stays keeps its last digits, which the numerical Hessian differences.</summary>
internal struct CompensatedSum
{
    private double _sum, _compensation;

    public void Add(double value)
    {
        double t = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        _sum = t;
    }

    public readonly double Value => _sum + _compensation;
}
