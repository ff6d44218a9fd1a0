using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

/// <summary>Standard normal draws by the Box–Muller transform (one of the pair is used).</summary>
internal static class Normal
{
    public static double Sample(ref Xoshiro256StarStar rng)
    {
        double u1 = rng.NextDoubleNonZero();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
