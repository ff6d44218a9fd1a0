using Bedflow.Core.Distributions;
using MathNet.Numerics;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Gamma with shape k and scale s: ln f = (k − 1) ln t − t/s − k ln s − ln Γ(k),
/// ln S = ln Q(k, t/s); θ = (ln k, ln s).
/// </summary>
internal sealed class GammaModel : FamilyModel
{
    public static readonly GammaModel Instance = new();

    public override StayFamily Family => StayFamily.Gamma;

    public override DistributionParameter[] Names { get; } = [DistributionParameter.Shape, DistributionParameter.Scale];

    public override double LogLikelihood(ReadOnlySpan<double> theta, StaySample sample)
    {
        double k = Math.Exp(theta[0]), logScale = theta[1], scale = Math.Exp(logScale);
        // The completed stays through their sums: (k − 1) Σ ln t − Σ t / s − d (k ln s + ln Γ(k)).
        var sum = default(CompensatedSum);
        sum.Add((k - 1) * sample.EventLogSum);
        sum.Add(-sample.EventTime / scale);
        sum.Add(-sample.Events * ((k * logScale) + SpecialFunctions.GammaLn(k)));
        for (int i = 0; i < sample.CensorTimes.Length; i++)
        {
            sum.Add(sample.CensorCounts[i] * Tails.LogGammaUpper(k, sample.CensorTimes[i] / scale));
        }
        return sum.Value;
    }

    // Moments: k = m²/v, s = v/m.
    public override double[] Start(StaySample sample)
    {
        double m = sample.MeanEventTime, v = sample.EventTimeVariance;
        double k = Bounded(m * m / v, 0.05, 1000);
        return [Math.Log(k), Math.Log(m / k)];
    }

    public override double Cdf(ReadOnlySpan<double> theta, double days) => SpecialFunctions.GammaLowerRegularized(Math.Exp(theta[0]), days / Math.Exp(theta[1]));

    public override double Quantile(ReadOnlySpan<double> theta, double probability) => Math.Exp(theta[1]) * SpecialFunctions.GammaLowerRegularizedInv(Math.Exp(theta[0]), probability);

    public override double LogMean(ReadOnlySpan<double> theta) => theta[0] + theta[1];

    public override Distribution ToDistribution(ReadOnlySpan<double> theta) => Distribution.Gamma(Math.Exp(theta[0]), Math.Exp(theta[1]));
}
