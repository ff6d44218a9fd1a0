using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class GammaDistribution(double shape, double scale) : Distribution
{
    public override double Mean => shape * scale;
    public override double Variance => shape * scale * scale;
    public override double Minimum => 0;
    public override double Sample(ref Xoshiro256StarStar rng) => scale * StandardGamma(shape, ref rng);

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (2000); shape &lt; 1 by the boost U^(1/shape).</summary>
    internal static double StandardGamma(double shape, ref Xoshiro256StarStar rng)
    {
        if (shape < 1)
        {
            double boost = Math.Pow(rng.NextDoubleNonZero(), 1.0 / shape);
            return StandardGamma(shape + 1, ref rng) * boost;
        }
        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal.Sample(ref rng);
                v = 1.0 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            double u = rng.NextDoubleNonZero();
            double x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    // Length-biased gamma(k, θ) = gamma(k + 1, θ).
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng) => scale * StandardGamma(shape + 1, ref rng);

    // Inverse of the truncated distribution's upper tail: Q(k, T/θ) = U·Q(k, a/θ) (see GammaTail).
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng) =>
        (scale * GammaTail.Beyond(shape, elapsed / scale, rng.NextDoubleNonZero())) - elapsed;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"gamma(shape {shape}, scale {scale})");
}
