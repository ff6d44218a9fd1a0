namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// One step of a <see cref="KaplanMeier"/> estimate: at <see cref="Time"/> (days), of the
/// <see cref="AtRisk"/> patients whose stay had lasted at least that long, <see cref="Events"/>
/// left; the estimated chance of staying longer than <see cref="Time"/> is <see cref="Survival"/>.
/// Immutable.
/// </summary>
/// <param name="Time">A duration at which at least one stay ended, in days.</param>
/// <param name="AtRisk">Stays lasting at least <paramref name="Time"/> (completed or censored; a stay censored at this time counts as at risk).</param>
/// <param name="Events">Stays that ended at <paramref name="Time"/>.</param>
/// <param name="Survival">The product-limit estimate of P(stay &gt; <paramref name="Time"/>).</param>
/// <param name="StandardError">Greenwood's standard error of <paramref name="Survival"/>; null once the estimate reaches 0.</param>
/// <param name="Lower">Lower end of the pointwise interval (log–log scale, so inside (0, 1)); null once the estimate reaches 0.</param>
/// <param name="Upper">Upper end of the pointwise interval; null once the estimate reaches 0.</param>
public sealed record KaplanMeierStep(double Time, long AtRisk, long Events, double Survival, double? StandardError, double? Lower, double? Upper);
