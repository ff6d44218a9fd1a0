using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class ExponentialDistribution(double mean) : Distribution
{
    public override double Mean => mean;
    public override double Variance => mean * mean;
    public override double Minimum => 0;
    public override double Sample(ref Xoshiro256StarStar rng) => -mean * Math.Log(rng.NextDoubleNonZero());
    // Length-biased exponential = Erlang(2) with the same rate.
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng) => -mean * (Math.Log(rng.NextDoubleNonZero()) + Math.Log(rng.NextDoubleNonZero()));

    // Memoryless: what is left has the same exponential distribution.
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng) => Sample(ref rng);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"exponential(mean {mean})");
}
