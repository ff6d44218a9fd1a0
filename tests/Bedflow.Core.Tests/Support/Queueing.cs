namespace Bedflow.Core.Tests.Support;

/// <summary>Exact results of classical queueing theory, written from the textbook formulas.</summary>
internal static class Queueing
{
    /// <summary>Erlang B: loss probability of M/G/c/c with offered load a = λ/μ (stable recursion).</summary>
    public static double ErlangB(int c, double a)
    {
        double b = 1;
        for (int k = 1; k <= c; k++)
        {
            b = a * b / (k + (a * b));
        }
        return b;
    }

    /// <summary>Erlang C: probability an arrival waits in M/M/c, from Erlang B.</summary>
    public static double ErlangC(int c, double a)
    {
        double b = ErlangB(c, a);
        double rho = a / c;
        return b / (1 - (rho * (1 - b)));
    }

    /// <summary>Mean wait in queue of M/M/c: C(c, a) / (cμ − λ).</summary>
    public static double MmcWait(int c, double lambda, double mu) => ErlangC(c, lambda / mu) / ((c * mu) - lambda);

    /// <summary>Mean number in system of M/M/c: λWq + λ/μ (Little).</summary>
    public static double MmcNumberInSystem(int c, double lambda, double mu) => (lambda * MmcWait(c, lambda, mu)) + (lambda / mu);

    /// <summary>Stationary distribution of M/M/c/K (K = places + queue room).</summary>
    public static double[] MmcK(int c, int k, double lambda, double mu)
    {
        var p = new double[k + 1];
        p[0] = 1;
        for (int n = 1; n <= k; n++)
        {
            p[n] = p[n - 1] * lambda / (Math.Min(n, c) * mu);
        }
        double total = p.Sum();
        return [.. p.Select(x => x / total)];
    }
}
