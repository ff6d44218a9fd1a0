namespace Bedflow.Core.Model;

/// <summary>
/// A rate constant within each day, integrated once (Λ, arrivals so far) and twice (∫Λ), so
/// that the mean number present over a day from arrivals each held h days,
/// ∫ over the day of Λ(t) − Λ(t − h), is exact at any h. Before the first day the first
/// day's rate is taken to have held.
/// </summary>
internal sealed class CumulativeArrivals
{
    private readonly double[] _rate;
    private readonly double[] _once;
    private readonly double[] _twice;

    public CumulativeArrivals(double[] rate)
    {
        _rate = rate;
        _once = new double[rate.Length + 1];
        _twice = new double[rate.Length + 1];
        for (int k = 0; k < rate.Length; k++)
        {
            _once[k + 1] = _once[k] + rate[k];
            _twice[k + 1] = _twice[k] + _once[k] + (rate[k] / 2);
        }
    }

    /// <summary>Mean present over series day <paramref name="u"/> from arrivals held <paramref name="h"/> days each.</summary>
    public double Present(int u, double h) =>
        h <= 0 ? 0 : Twice(u + 1) - Twice(u) - Twice(u + 1 - h) + Twice(u - h);

    private double Twice(double x)
    {
        if (x <= 0)
        {
            // Λ(t) = r·t before the first day, so ∫ from 0 to x of Λ is r·x²/2.
            double r = _rate.Length > 0 ? _rate[0] : 0;
            return r * x * x / 2;
        }
        int k = Math.Min((int)Math.Floor(x), _rate.Length);
        double f = x - k;
        return k >= _rate.Length ? _twice[k] + (_once[k] * f) : _twice[k] + (_once[k] * f) + (_rate[k] * f * f / 2);
    }
}
