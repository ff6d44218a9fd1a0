using MathNet.Numerics;

namespace Bedflow.Core.Distributions;

/// <summary>
/// The inverse of the gamma distribution's upper tail truncated at x₀: the x &gt; x₀ with
/// Q(k, x) = u·Q(k, x₀), Q the regularised upper incomplete gamma function — a draw of a
/// standard gamma given that it exceeds x₀, for u uniform on (0, 1).
/// </summary>
internal static class GammaTail
{
    /// <summary>Solves log Q(k, x) = log u + log Q(k, x₀) by Newton's method kept inside a bracket (bisection when a step leaves it).</summary>
    public static double Beyond(double shape, double x0, double u)
    {
        double logTarget = Math.Log(u) + LogQ(shape, x0);
        if (!double.IsFinite(logTarget))
        {
            return x0; // Q(k, x₀) underflows: so far into the tail that nothing is left of the stay
        }
        // Work in log Q, computed from the upper function directly (never 1 − P), so the far tail
        // keeps its precision. The bracket [lo, hi]: Q(lo) ≥ target ≥ Q(hi).
        double lo = x0, hi = Math.Max(2 * x0, x0 + shape + 1);
        while (LogQ(shape, hi) > logTarget)
        {
            lo = hi;
            hi *= 2;
        }
        double x = 0.5 * (lo + hi);
        for (int i = 0; i < 200; i++)
        {
            double f = LogQ(shape, x) - logTarget;
            if (f > 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }
            // d log Q / dx = −density / Q, the hazard with a minus sign.
            double slope = -Math.Exp(((shape - 1) * Math.Log(x)) - x - SpecialFunctions.GammaLn(shape) - LogQ(shape, x));
            double next = x - (f / slope);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }
            if (Math.Abs(next - x) <= 1e-13 * x || hi - lo <= 1e-13 * hi)
            {
                return next;
            }
            x = next;
        }
        return x;
    }

    private static double LogQ(double shape, double x) => Math.Log(SpecialFunctions.GammaUpperRegularized(shape, x));
}
