using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class LogNormalDistribution : Distribution
{
    private readonly double _mean;
    private readonly double _sd;
    private readonly double _mu;
    private readonly double _sigma;

    // From the mean m and standard deviation s of the value: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
    public LogNormalDistribution(double mean, double sd)
    {
        _mean = mean;
        _sd = sd;
        double sigma2 = Math.Log(1 + (sd * sd / (mean * mean)));
        _sigma = Math.Sqrt(sigma2);
        _mu = Math.Log(mean) - (sigma2 / 2);
    }

    public override double Mean => _mean;
    public override double Variance => _sd * _sd;
    public override double Minimum => 0;
    public override double Sample(ref Xoshiro256StarStar rng) => Math.Exp(_mu + (_sigma * Normal.Sample(ref rng)));
    // Length-biased lognormal(μ, σ) = lognormal(μ + σ², σ).
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng) => Math.Exp(_mu + (_sigma * _sigma) + (_sigma * Normal.Sample(ref rng)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"lognormal(mean {_mean}, sd {_sd})");
}
