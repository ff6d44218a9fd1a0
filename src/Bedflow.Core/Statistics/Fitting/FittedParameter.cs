using System.Globalization;
using Bedflow.Core.Distributions;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// A maximum-likelihood estimate of one positive quantity with its 95% Wald interval made on the
/// log scale: exp(ln θ̂ ± 1.96 SE(ln θ̂)), SE from the inverse of the observed information (the
/// numerical Hessian of the log-likelihood in the logarithms of the parameters; the delta method
/// for the mean). The interval is therefore always positive, and asymmetric about the estimate.
/// Immutable.
/// </summary>
/// <param name="Parameter">Which parameter, as <see cref="Distribution"/>'s factory names it (<see cref="DistributionParameter.Mean"/> for the fitted mean).</param>
/// <param name="Value">The estimate, in the parameter's units (days for a mean, a scale or a standard deviation; none for a shape).</param>
/// <param name="LogStandardError">SE of ln(estimate); null when the information matrix is not positive definite.</param>
/// <param name="Lower">Lower end of the 95% interval; null with no standard error.</param>
/// <param name="Upper">Upper end of the 95% interval; null with no standard error.</param>
public sealed record FittedParameter(DistributionParameter Parameter, double Value, double? LogStandardError, double? Lower, double? Upper)
{
    /// <summary>The two-sided 95% standard normal quantile.</summary>
    internal const double Z95 = 1.959963984540054;

    /// <summary>The estimate exp(<paramref name="logValue"/>) with its log-scale interval from the variance of <paramref name="logValue"/>.</summary>
    internal static FittedParameter OnLogScale(DistributionParameter parameter, double logValue, double? logVariance)
    {
        double? se = logVariance is { } v && v >= 0 && double.IsFinite(v) ? Math.Sqrt(v) : null;
        return new FittedParameter(parameter, Math.Exp(logValue), se,
            se is { } s ? Math.Exp(logValue - (Z95 * s)) : null, se is { } t ? Math.Exp(logValue + (Z95 * t)) : null);
    }

    /// <summary>Whether <paramref name="value"/> lies inside the interval (false when there is none).</summary>
    public bool Covers(double value) => Lower is { } lo && Upper is { } hi && value >= lo && value <= hi;

    /// <inheritdoc/>
    public override string ToString() => Lower is { } lo && Upper is { } hi
        ? string.Create(CultureInfo.InvariantCulture, $"{Parameter} {Value:G4} ({lo:G4} to {hi:G4})")
        : string.Create(CultureInfo.InvariantCulture, $"{Parameter} {Value:G4} (no interval)");
}
