namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// A family of length-of-stay distributions that <see cref="StayFit"/> can fit and the engine can
/// simulate: each maps to one of <see cref="Distributions.Distribution"/>'s factories, with the
/// parameters that factory takes.
/// </summary>
public enum StayFamily
{
    /// <summary>Exponential: one parameter, the mean (<see cref="Distributions.Distribution.Exponential"/>).</summary>
    Exponential,
    /// <summary>Gamma: shape k and scale θ (<see cref="Distributions.Distribution.Gamma"/>).</summary>
    Gamma,
    /// <summary>Lognormal: the mean and standard deviation of the stay itself (<see cref="Distributions.Distribution.LogNormal"/>).</summary>
    LogNormal,
    /// <summary>Weibull: shape k and scale λ (<see cref="Distributions.Distribution.Weibull"/>).</summary>
    Weibull,
}
