using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class UniformDistribution(double min, double max) : Distribution
{
    public override double Mean => (min + max) / 2;
    public override double Variance => (max - min) * (max - min) / 12;
    public override double Minimum => min;
    internal override bool CanBeZero => max == 0;
    public override double Sample(ref Xoshiro256StarStar rng) => min + ((max - min) * rng.NextDouble());
    // Density ∝ x on [min, max]: invert F(x) = (x² − min²)/(max² − min²).
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng) =>
        max == min ? min : Math.Sqrt((min * min) + (rng.NextDouble() * ((max * max) - (min * min))));

    // Given T > a, T is uniform on (max(a, min), max).
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng)
    {
        if (elapsed >= max)
        {
            return 0;
        }
        double from = Math.Max(elapsed, min);
        return from + ((max - from) * rng.NextDouble()) - elapsed;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"uniform({min}, {max})");
}
