using MathNet.Numerics;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Logarithms of upper tail probabilities that stay finite far into the tail, where the
/// probability itself underflows to 0 and its logarithm would be −∞: a censored stay far beyond
/// what a trial parameter expects must still give the optimiser a finite (very low) likelihood.
/// </summary>
internal static class Tails
{
    private const double Tiny = 1e-300;

    /// <summary>ln Q(a, x), Q the regularised upper incomplete gamma function (a gamma survival function).</summary>
    public static double LogGammaUpper(double a, double x)
    {
        if (x <= a + 1)
        {
            // Q is not small here (the bulk of the distribution), so its logarithm is safe.
            return Math.Log(SpecialFunctions.GammaUpperRegularized(a, x));
        }
        // Legendre's continued fraction by the modified Lentz method (Numerical Recipes §6.2, gcf),
        // kept in logarithms: ln Q = −x + a ln x − ln Γ(a) + ln(fraction).
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i < 1000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }
            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }
        return -x + (a * Math.Log(x)) - SpecialFunctions.GammaLn(a) + Math.Log(h);
    }

    /// <summary>ln Φ(−z) = ln P(Z &gt; z) for a standard normal Z.</summary>
    public static double LogNormalUpper(double z)
    {
        if (z < 30)
        {
            return Math.Log(0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2)));
        }
        // Mills' ratio asymptotic series (Abramowitz & Stegun 26.2.12); its next term is below 2e-10 here.
        double z2 = z * z;
        return (-z2 / 2) - Math.Log(z) - (0.5 * Math.Log(2 * Math.PI)) + Math.Log(1 - (1 / z2) + (3 / (z2 * z2)) - (15 / (z2 * z2 * z2)));
    }
}
