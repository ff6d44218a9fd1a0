using Bedflow.Core.Distributions;
using StandardNormal = MathNet.Numerics.Distributions.Normal;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Lognormal in the engine's terms, the mean m and standard deviation s of the stay itself;
/// θ = (ln m, ln s). The likelihood uses σ² = ln(1 + s²/m²), μ = ln m − σ²/2 (the same conversion
/// as the engine's lognormal): ln f = −ln t − ln σ − ½ ln 2π − z²/2, ln S = ln Φ(−z), z = (ln t − μ)/σ.
/// </summary>
internal sealed class LogNormalModel : FamilyModel
{
    public static readonly LogNormalModel Instance = new();

    public override StayFamily Family => StayFamily.LogNormal;

    public override DistributionParameter[] Names { get; } = [DistributionParameter.Mean, DistributionParameter.StandardDeviation];

    private static (double Mu, double Sigma) Log(ReadOnlySpan<double> theta)
    {
        double sigma2 = Math.Log(1 + Math.Exp(2 * (theta[1] - theta[0])));
        return (theta[0] - (sigma2 / 2), Math.Sqrt(sigma2));
    }

    public override double LogLikelihood(ReadOnlySpan<double> theta, StaySample sample)
    {
        var (mu, sigma) = Log(theta);
        long d = sample.Events;
        // Σ (ln t − μ)² over completed stays = Σ (ln t − mean)² + d (mean − μ)².
        double shift = sample.MeanEventLog - mu;
        double squares = sample.EventLogSquares + (d * shift * shift);
        var sum = default(CompensatedSum);
        sum.Add(-sample.EventLogSum);
        sum.Add(-d * (Math.Log(sigma) + (0.5 * Math.Log(2 * Math.PI))));
        sum.Add(-squares / (2 * sigma * sigma));
        for (int i = 0; i < sample.CensorTimes.Length; i++)
        {
            sum.Add(sample.CensorCounts[i] * Tails.LogNormalUpper((sample.CensorLogs[i] - mu) / sigma));
        }
        return sum.Value;
    }

    // The completed stays' log moments: μ, σ², then m = e^(μ + σ²/2), s = m √(e^σ² − 1).
    public override double[] Start(StaySample sample)
    {
        double sigma2 = Bounded(sample.EventLogSquares / (sample.Events - 1), 1e-4, 25);
        double logMean = sample.MeanEventLog + (sigma2 / 2);
        return [logMean, logMean + (0.5 * Math.Log(double.ExpM1(sigma2)))];
    }

    public override double Cdf(ReadOnlySpan<double> theta, double days)
    {
        var (mu, sigma) = Log(theta);
        return StandardNormal.CDF(0, 1, (Math.Log(days) - mu) / sigma);
    }

    public override double Quantile(ReadOnlySpan<double> theta, double probability)
    {
        var (mu, sigma) = Log(theta);
        return Math.Exp(mu + (sigma * StandardNormal.InvCDF(0, 1, probability)));
    }

    public override double LogMean(ReadOnlySpan<double> theta) => theta[0];

    public override Distribution ToDistribution(ReadOnlySpan<double> theta) => Distribution.LogNormal(Math.Exp(theta[0]), Math.Exp(theta[1]));
}
