using Bedflow.Core.Randomness;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// The reverse Kaplan–Meier estimate of when patients are censored (the extract date less the
/// admission date): the censored stays taken as the events and the completed ones as censored,
/// with the same risk sets. For drawing censoring times in the goodness-of-fit bootstrap. The
/// probability left beyond the last censoring time (when the longest stay was completed) is
/// "never censored". Immutable.
/// </summary>
internal sealed class CensoringDistribution
{
    private readonly double[] _times;
    private readonly double[] _cumulative;

    private CensoringDistribution(double[] times, double[] cumulative)
    {
        _times = times;
        _cumulative = cumulative;
    }

    public static CensoringDistribution From(StaySample sample)
    {
        var times = sample.CensorTimes;
        var cumulative = new double[times.Length];
        long atRisk = sample.Count;
        double survival = 1;
        int e = 0;
        for (int c = 0; c < times.Length; c++)
        {
            // Completed stays shorter than this censoring time have left; one completed at it has not
            // (a tie is taken as censoring first in this reversed view, the same risk set as Kaplan–Meier's).
            while (e < sample.EventTimes.Length && sample.EventTimes[e] < times[c])
            {
                atRisk -= sample.EventCounts[e++];
            }
            long d = sample.CensorCounts[c];
            survival = d < atRisk ? survival * (1 - ((double)d / atRisk)) : 0;
            cumulative[c] = 1 - survival;
            atRisk -= d;
        }
        return new CensoringDistribution(times, cumulative);
    }

    /// <summary>A censoring time, or +∞ (not censored).</summary>
    public double Sample(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble();
        // The first time whose cumulative probability exceeds u.
        int lo = 0, hi = _times.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_cumulative[mid] > u)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return found < 0 ? double.PositiveInfinity : _times[found];
    }
}
