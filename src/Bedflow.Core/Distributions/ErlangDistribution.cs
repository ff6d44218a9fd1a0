using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class ErlangDistribution(int phases, double mean) : Distribution
{
    private readonly double _phaseMean = mean / phases;

    public override double Mean => mean;
    public override double Variance => phases * _phaseMean * _phaseMean;
    public override double Minimum => 0;

    public override double Sample(ref Xoshiro256StarStar rng)
    {
        // Sum of logs rather than log of a product: a product of many uniforms can underflow.
        double sum = 0;
        for (int i = 0; i < phases; i++)
        {
            sum -= Math.Log(rng.NextDoubleNonZero());
        }
        return _phaseMean * sum;
    }

    // Length-biased Erlang(k) = Erlang(k + 1) with the same phase mean.
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng)
    {
        double sum = 0;
        for (int i = 0; i <= phases; i++)
        {
            sum -= Math.Log(rng.NextDoubleNonZero());
        }
        return _phaseMean * sum;
    }

    // Erlang(k) is gamma(k, phase mean): the same inverse of the truncated upper tail.
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng) =>
        (_phaseMean * GammaTail.Beyond(phases, elapsed / _phaseMean, rng.NextDoubleNonZero())) - elapsed;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"erlang({phases} phases, mean {mean})");
}
