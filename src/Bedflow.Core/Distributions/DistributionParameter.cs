namespace Bedflow.Core.Distributions;

/// <summary>A parameter of a distribution family, as its factory names it.</summary>
public enum DistributionParameter
{
    /// <summary>The mean (exponential, lognormal, Erlang).</summary>
    Mean,
    /// <summary>The standard deviation of the value itself (lognormal).</summary>
    StandardDeviation,
    /// <summary>The one value (deterministic).</summary>
    Value,
    /// <summary>The smallest value (uniform, triangular).</summary>
    Min,
    /// <summary>The most likely value (triangular).</summary>
    Mode,
    /// <summary>The largest value (uniform, triangular).</summary>
    Max,
    /// <summary>The shape k (gamma, Weibull).</summary>
    Shape,
    /// <summary>The scale θ or λ (gamma, Weibull).</summary>
    Scale,
    /// <summary>The number of exponential phases (Erlang).</summary>
    Phases,
    /// <summary>The observed values, or one of them by position (empirical).</summary>
    Values,
    /// <summary>The parts of a mixture as a whole.</summary>
    Parts,
    /// <summary>The weight of one part of a mixture, by position.</summary>
    Weight,
    /// <summary>The distribution of one part of a mixture, by position (its own parameters lie below it).</summary>
    Component,
}
