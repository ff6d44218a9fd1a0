namespace Bedflow.Core.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; constants from Vigna's reference implementation).
/// Used only to seed <see cref="Xoshiro256StarStar"/> and to hash stream keys.
/// </summary>
internal static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix with good avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Folds one more key component into a running hash.</summary>
    public static ulong Combine(ulong hash, ulong component) => Mix(hash + Gamma + Mix(component + Gamma));
}
