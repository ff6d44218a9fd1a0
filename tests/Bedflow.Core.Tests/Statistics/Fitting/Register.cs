using Bedflow.Core.Distributions;
using Bedflow.Core.Randomness;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Core.Tests.Statistics.Fitting;

/// <summary>Synthetic register extracts: stays drawn from a known distribution, censored at random.</summary>
internal static class Register
{
    /// <summary>
    /// <paramref name="n"/> stays from <paramref name="truth"/>, each censored at an independent
    /// exponential time of mean <paramref name="censorMean"/> (the extract date falling at random in
    /// the stay): independent right-censoring, the assumption the fit makes.
    /// </summary>
    public static Stay[] Draw(Distribution truth, double censorMean, int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var stays = new Stay[n];
        for (int i = 0; i < n; i++)
        {
            double t = truth.Sample(ref rng);
            double c = -censorMean * Math.Log(rng.NextDoubleNonZero());
            stays[i] = t <= c ? Stay.Completed(t) : Stay.StillIn(c);
        }
        return stays;
    }

    public static double CensoredShare(IReadOnlyCollection<Stay> stays) => stays.Count(s => s.IsCensored) / (double)stays.Count;
}
