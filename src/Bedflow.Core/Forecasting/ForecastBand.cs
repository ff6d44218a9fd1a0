using Bedflow.Core.Statistics;
using MathNet.Numerics.Statistics;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// One forecast figure on one day over the replications: the mean with its 95% confidence
/// interval (how well the replications pin the <em>mean</em> down), and the 80% and 95% central
/// <em>prediction</em> bands — the 10–90% and 2.5–97.5% quantiles of the replications, the
/// range what will actually happen is expected to fall in that often. The bands do not narrow with
/// more replications; the confidence interval does. Immutable.
/// </summary>
/// <param name="Mean">The mean over the replications, with its 95% confidence interval.</param>
/// <param name="Lower80">The 10% quantile.</param>
/// <param name="Upper80">The 90% quantile.</param>
/// <param name="Lower95">The 2.5% quantile.</param>
/// <param name="Upper95">The 97.5% quantile.</param>
public sealed record ForecastBand(Estimate Mean, double Lower80, double Upper80, double Lower95, double Upper95)
{
    /// <summary>The band of <paramref name="values"/> (one a replication, at least one); <paramref name="lowerLimit"/> bounds the mean's interval (0 for a count, null for a difference).</summary>
    public static ForecastBand Of(ReadOnlySpan<double> values, double? lowerLimit)
    {
        Preconditions.Check(values.Length > 0, nameof(values), "a band needs at least one replication's value.");
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double Q(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        var mean = Estimate.Of(values);
        return new ForecastBand(lowerLimit is { } lo ? mean.Within(lo, null) : mean, Q(0.10), Q(0.90), Q(0.025), Q(0.975));
    }

    /// <summary>Whether <paramref name="actual"/> lies in the 80% band (ends included).</summary>
    public bool Inside80(double actual) => actual >= Lower80 && actual <= Upper80;

    /// <summary>Whether <paramref name="actual"/> lies in the 95% band (ends included).</summary>
    public bool Inside95(double actual) => actual >= Lower95 && actual <= Upper95;
}
