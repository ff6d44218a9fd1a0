using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// The Kaplan–Meier (product-limit) estimate of the length-of-stay survival function
/// S(t) = P(stay &gt; t) from stays some of which are right-censored, with Greenwood's standard
/// error and a pointwise interval at each step. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Kaplan &amp; Meier (1958), J. Am. Stat. Assoc. 53:457–481. At each distinct completed duration
/// tⱼ with nⱼ at risk and dⱼ ending, Ŝ(t) = ∏_{tⱼ ≤ t} (1 − dⱼ/nⱼ); a stay censored at tⱼ counts
/// as at risk at tⱼ (it is taken to end just after). Greenwood (1926):
/// Var Ŝ(t) ≈ Ŝ(t)² Σ_{tⱼ ≤ t} dⱼ / (nⱼ (nⱼ − dⱼ)). The interval is the log–log one
/// (Kalbfleisch &amp; Prentice 1980; R's <c>conf.type = "log-log"</c>):
/// Ŝ^exp(±z √V / ln Ŝ) with V the Greenwood sum, which stays inside (0, 1) where the plain
/// Ŝ ± z·SE does not.
/// </remarks>
public sealed class KaplanMeier
{
    private readonly KaplanMeierStep[] _steps;

    private KaplanMeier(KaplanMeierStep[] steps, long stays, long events, double level)
    {
        _steps = steps;
        Stays = stays;
        Events = events;
        Level = level;
    }

    /// <summary>One step per distinct completed duration, ascending.</summary>
    public IReadOnlyList<KaplanMeierStep> Steps => _steps;

    /// <summary>How many stays the estimate rests on, censored ones included.</summary>
    public long Stays { get; }

    /// <summary>How many of them were completed.</summary>
    public long Events { get; }

    /// <summary>The confidence level of the steps' intervals (0.95 unless asked otherwise).</summary>
    public double Level { get; }

    /// <summary>The estimate from <paramref name="stays"/> with 95% pointwise intervals.</summary>
    /// <exception cref="ArgumentException">A stay's duration is not a finite number of days greater than 0 (check with <see cref="StayFit.Problems"/> first).</exception>
    public static KaplanMeier Of(IEnumerable<Stay> stays) => Of(stays, 0.95);

    /// <summary>The estimate from <paramref name="stays"/> with pointwise intervals at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentException">A stay's duration is not a finite number of days greater than 0.</exception>
    public static KaplanMeier Of(IEnumerable<Stay> stays, double level)
    {
        ArgumentNullException.ThrowIfNull(stays);
        Preconditions.Check(level > 0 && level < 1, nameof(level), $"confidence level must be between 0 and 1, but was {Preconditions.Show(level)}.");
        return From(StayScan.Collect(stays, nameof(stays)), level);
    }

    /// <summary>Ŝ(<paramref name="days"/>): the estimated chance that a stay lasts longer than <paramref name="days"/>.</summary>
    public double SurvivalAt(double days)
    {
        // The last step at or before the time: a binary search over the ascending steps.
        int lo = 0, hi = _steps.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_steps[mid].Time <= days)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found < 0 ? 1 : _steps[found].Survival;
    }

    /// <summary>
    /// The estimated <paramref name="probability"/>-quantile of the length of stay: the shortest
    /// completed duration t with 1 − Ŝ(t) ≥ p. Null when the estimate never gets that far (too many
    /// patients still in beyond the last completed stay).
    /// </summary>
    public double? Quantile(double probability)
    {
        Preconditions.Check(probability > 0 && probability < 1, nameof(probability), $"must be between 0 and 1, but was {Preconditions.Show(probability)}.");
        foreach (var step in _steps)
        {
            // A step landing on the probability exactly (e.g. the median of an even sample) counts despite rounding.
            if (1 - step.Survival >= probability - 1e-12)
            {
                return step.Time;
            }
        }
        return null;
    }

    /// <summary>The estimate from a sample already collected.</summary>
    internal static KaplanMeier From(StaySample sample, double level)
    {
        double z = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        var steps = new KaplanMeierStep[sample.EventTimes.Length];
        long atRisk = sample.Count;
        double survival = 1, greenwood = 0;
        int c = 0;
        for (int e = 0; e < sample.EventTimes.Length; e++)
        {
            double t = sample.EventTimes[e];
            // Patients censored before this time have left the risk set; those censored at it have not.
            while (c < sample.CensorTimes.Length && sample.CensorTimes[c] < t)
            {
                atRisk -= sample.CensorCounts[c++];
            }
            long d = sample.EventCounts[e];
            survival *= 1 - ((double)d / atRisk);
            if (d < atRisk)
            {
                greenwood += d / ((double)atRisk * (atRisk - d));
                double se = survival * Math.Sqrt(greenwood);
                double w = z * Math.Sqrt(greenwood) / Math.Log(survival);
                steps[e] = new KaplanMeierStep(t, atRisk, d, survival, se, Math.Pow(survival, Math.Exp(-w)), Math.Pow(survival, Math.Exp(w)));
            }
            else
            {
                survival = 0;
                steps[e] = new KaplanMeierStep(t, atRisk, d, 0, null, null, null);
            }
            atRisk -= d;
        }
        return new KaplanMeier(steps, sample.Count, sample.Events, level);
    }

    /// <summary>
    /// sup |F̂(t) − F(t)| over 0 ≤ t ≤ the longest duration, where F̂ = 1 − Ŝ is the Kaplan–Meier
    /// distribution function of <paramref name="sample"/> and <paramref name="cdf"/> a continuous
    /// one. F̂ is a step function and F increases, so the supremum is at a step, just before it, or
    /// at the longest duration; computed without building the steps (the bootstrap calls this often).
    /// </summary>
    internal static double Distance(StaySample sample, Func<double, double> cdf)
    {
        long atRisk = sample.Count;
        double survival = 1, distance = 0;
        int c = 0;
        for (int e = 0; e < sample.EventTimes.Length; e++)
        {
            double t = sample.EventTimes[e];
            while (c < sample.CensorTimes.Length && sample.CensorTimes[c] < t)
            {
                atRisk -= sample.CensorCounts[c++];
            }
            double f = cdf(t);
            distance = Math.Max(distance, Math.Abs(1 - survival - f)); // just before the step
            long d = sample.EventCounts[e];
            survival = d < atRisk ? survival * (1 - ((double)d / atRisk)) : 0;
            distance = Math.Max(distance, Math.Abs(1 - survival - f));
            atRisk -= d;
        }
        return Math.Max(distance, Math.Abs(1 - survival - cdf(sample.MaxTime)));
    }
}
