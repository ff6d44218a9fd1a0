namespace Bedflow.Core.Distributions;

/// <summary>
/// One thing wrong with the parameters of a distribution: which parameter (and, for a list such
/// as empirical values or mixture weights, which one by position from 0) and what. Returned by
/// <see cref="DistributionProblems"/>, so that a caller with values from a user (a scenario file)
/// learns what is wrong without an exception. Immutable.
/// </summary>
public sealed record DistributionProblem(DistributionParameter Parameter, int? Index, string Message);
