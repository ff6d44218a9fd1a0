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

    // Upper tail S(t) = Φc(z) with z = (ln t − μ)/σ; given T > a, Φc(Z) = U·Φc(z₀). Inverted on the
    // complementary side (erfc⁻¹), which keeps its precision far into the tail.
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng)
    {
        double z0 = (Math.Log(elapsed) - _mu) / _sigma;
        double tail = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z0 / Math.Sqrt(2)) * rng.NextDoubleNonZero();
        if (!(tail > 0))
        {
            return 0; // beyond the precision of a double: the stay is over
        }
        double z = Math.Sqrt(2) * MathNet.Numerics.SpecialFunctions.ErfcInv(2 * tail);
        return Math.Max(elapsed, Math.Exp(_mu + (_sigma * z))) - elapsed;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"lognormal(mean {_mean}, sd {_sd})");
}
