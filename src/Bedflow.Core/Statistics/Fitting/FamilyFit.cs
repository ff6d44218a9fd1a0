using Bedflow.Core.Distributions;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// One family fitted to the stays by maximum likelihood with right-censoring. Immutable.
/// </summary>
/// <param name="Family">The family.</param>
/// <param name="Distribution">The fitted distribution, ready for the engine (made by the factory the parameters belong to).</param>
/// <param name="Parameters">The estimates of the factory's parameters, in its order: mean (exponential); shape and scale (gamma, Weibull); mean and standard deviation (lognormal).</param>
/// <param name="Mean">The fitted mean length of stay in days, with its interval (the delta method on ln mean).</param>
/// <param name="LogLikelihood">log L at the estimate: Σ ln f(t) over completed stays + Σ ln S(t) over censored ones (t in days).</param>
/// <param name="ParameterCount">k, the number of parameters.</param>
/// <param name="Aic">Akaike's criterion, 2k − 2 log L: lower is better.</param>
/// <param name="Aicc">AIC corrected for small samples, AIC + 2k(k + 1)/(n − k − 1), n the number of stays.</param>
/// <param name="DeltaAic">AIC less the lowest AIC among the families fitted (0 for the chosen one).</param>
/// <param name="GoodnessOfFit">The Kaplan–Meier distance and its bootstrap p-value.</param>
/// <param name="QuantilePoints">Q–Q points at 5%, 10%, …, 95% where the Kaplan–Meier estimate reaches them.</param>
public sealed record FamilyFit(
    StayFamily Family,
    Distribution Distribution,
    IReadOnlyList<FittedParameter> Parameters,
    FittedParameter Mean,
    double LogLikelihood,
    int ParameterCount,
    double Aic,
    double Aicc,
    double DeltaAic,
    GoodnessOfFit GoodnessOfFit,
    IReadOnlyList<QuantilePoint> QuantilePoints)
{
    /// <summary>The estimate of one of <see cref="Parameters"/>.</summary>
    /// <exception cref="ArgumentException">The family has no such parameter.</exception>
    public FittedParameter this[DistributionParameter parameter] =>
        Parameters.FirstOrDefault(p => p.Parameter == parameter) ?? throw new ArgumentException($"{Family} has no parameter {parameter}.", nameof(parameter));
}
