using System.Globalization;
using Bedflow.Core.Randomness;
using MathNet.Numerics;

namespace Bedflow.Core.Distributions;

internal sealed class WeibullDistribution(double shape, double scale) : Distribution
{
    public override double Mean => scale * SpecialFunctions.Gamma(1 + (1 / shape));

    public override double Variance
    {
        get
        {
            double g1 = SpecialFunctions.Gamma(1 + (1 / shape));
            return scale * scale * (SpecialFunctions.Gamma(1 + (2 / shape)) - (g1 * g1));
        }
    }

    public override double Minimum => 0;

    // Inverse CDF: λ(−ln U)^(1/k).
    public override double Sample(ref Xoshiro256StarStar rng) => scale * Math.Pow(-Math.Log(rng.NextDoubleNonZero()), 1 / shape);

    // Density ∝ x^k e^{−(x/λ)^k}: with y = (x/λ)^k, y ~ gamma(1 + 1/k, 1), so x = λ y^{1/k}.
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng) => scale * Math.Pow(GammaDistribution.StandardGamma(1 + (1 / shape), ref rng), 1 / shape);

    // S(t) = exp(−(t/λ)^k); given T > a, (T/λ)^k − (a/λ)^k is exponential(1): T = λ((a/λ)^k − ln U)^(1/k).
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng)
    {
        double h = Math.Pow(elapsed / scale, shape) - Math.Log(rng.NextDoubleNonZero());
        return (scale * Math.Pow(h, 1 / shape)) - elapsed;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"weibull(shape {shape}, scale {scale})");
}
