using Bedflow.Core.Distributions;
using MathNet.Numerics;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Weibull with shape k and scale λ: ln f = ln k − k ln λ + (k − 1) ln t − (t/λ)^k,
/// ln S = −(t/λ)^k; θ = (ln k, ln λ).
/// </summary>
internal sealed class WeibullModel : FamilyModel
{
    public static readonly WeibullModel Instance = new();

    public override StayFamily Family => StayFamily.Weibull;

    public override DistributionParameter[] Names { get; } = [DistributionParameter.Shape, DistributionParameter.Scale];

    public override double LogLikelihood(ReadOnlySpan<double> theta, StaySample sample)
    {
        double k = Math.Exp(theta[0]), logScale = theta[1];
        var sum = default(CompensatedSum);
        sum.Add(sample.Events * (theta[0] - (k * logScale)));
        sum.Add((k - 1) * sample.EventLogSum);
        // Every stay, completed or not, contributes −(t/λ)^k = −exp(k (ln t − ln λ)).
        for (int i = 0; i < sample.EventTimes.Length; i++)
        {
            sum.Add(-sample.EventCounts[i] * Math.Exp(k * (sample.EventLogs[i] - logScale)));
        }
        for (int i = 0; i < sample.CensorTimes.Length; i++)
        {
            sum.Add(-sample.CensorCounts[i] * Math.Exp(k * (sample.CensorLogs[i] - logScale)));
        }
        return sum.Value;
    }

    // k from the coefficient of variation (Justus et al. 1978: k ≈ cv^−1.086), λ = m / Γ(1 + 1/k).
    public override double[] Start(StaySample sample)
    {
        double m = sample.MeanEventTime, cv = Math.Sqrt(sample.EventTimeVariance) / m;
        double k = Bounded(Math.Pow(cv, -1.086), 0.05, 100);
        return [Math.Log(k), Math.Log(m) - SpecialFunctions.GammaLn(1 + (1 / k))];
    }

    public override double Cdf(ReadOnlySpan<double> theta, double days) => -double.ExpM1(-Math.Exp(Math.Exp(theta[0]) * (Math.Log(days) - theta[1])));

    public override double Quantile(ReadOnlySpan<double> theta, double probability) => Math.Exp(theta[1]) * Math.Pow(-Math.Log(1 - probability), 1 / Math.Exp(theta[0]));

    public override double LogMean(ReadOnlySpan<double> theta) => theta[1] + SpecialFunctions.GammaLn(1 + (1 / Math.Exp(theta[0])));

    public override Distribution ToDistribution(ReadOnlySpan<double> theta) => Distribution.Weibull(Math.Exp(theta[0]), Math.Exp(theta[1]));
}
