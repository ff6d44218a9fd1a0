using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class DeterministicDistribution(double value) : Distribution
{
    public override double Mean => value;
    public override double Variance => 0;
    public override double Minimum => value;
    internal override bool CanBeZero => value == 0;
    public override double Sample(ref Xoshiro256StarStar rng) => value;
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng) => value;

    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng) => value - elapsed;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"deterministic({value})");
}
