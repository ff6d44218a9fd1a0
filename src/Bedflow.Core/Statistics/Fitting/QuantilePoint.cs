namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// One point of a Q–Q chart: the length of stay below which a share <see cref="Probability"/> of
/// stays end, by the Kaplan–Meier estimate (<see cref="Observed"/>) and by the fitted distribution
/// (<see cref="Fitted"/>), both in days. A good fit puts the points on the diagonal. Immutable.
/// </summary>
/// <param name="Probability">The share, 0.05 to 0.95.</param>
/// <param name="Observed">The Kaplan–Meier quantile (the shortest completed stay t with 1 − Ŝ(t) ≥ p).</param>
/// <param name="Fitted">The fitted distribution's quantile.</param>
public sealed record QuantilePoint(double Probability, double Observed, double Fitted);
