using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class TriangularDistribution(double min, double mode, double max) : Distribution
{
    private readonly double _split = (mode - min) / (max - min);

    public override double Mean => (min + mode + max) / 3;
    public override double Variance => ((min * min) + (mode * mode) + (max * max) - (min * mode) - (min * max) - (mode * max)) / 18;
    public override double Minimum => min;

    // Inverse of the cumulative distribution function.
    public override double Sample(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble();
        return u < _split
            ? min + Math.Sqrt(u * (max - min) * (mode - min))
            : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
    }

    // Rejection against the triangular itself: accept x with probability x / max.
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            double x = Sample(ref rng);
            if (rng.NextDouble() * max <= x)
            {
                return x;
            }
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"triangular({min}, {mode}, {max})");
}
