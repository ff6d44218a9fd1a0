using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class EmpiricalDistribution : Distribution
{
    private readonly double[] _values;
    private readonly double[] _cumulativeLength;

    public EmpiricalDistribution(double[] values)
    {
        _values = values;
        Mean = values.Average();
        Variance = values.Sum(v => (v - Mean) * (v - Mean)) / values.Length;
        Minimum = values.Min();
        _cumulativeLength = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            _cumulativeLength[i] = sum;
        }
    }

    public override double Mean { get; }
    public override double Variance { get; }
    public override double Minimum { get; }
    internal override bool CanBeZero => Minimum == 0;
    public override double Sample(ref Xoshiro256StarStar rng) => _values[rng.NextInt(_values.Length)];
    // Each observed value with probability proportional to its length.
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng)
    {
        double total = _cumulativeLength[^1];
        if (total <= 0)
        {
            return 0;
        }
        double u = rng.NextDouble() * total;
        int i = Array.BinarySearch(_cumulativeLength, u);
        i = i < 0 ? ~i : i + 1;
        return _values[Math.Min(i, _values.Length - 1)];
    }

    // Given T > a: one of the observed values above a, each with equal probability.
    private protected override double SampleBeyond(double elapsed, ref Xoshiro256StarStar rng)
    {
        int above = 0;
        foreach (double v in _values)
        {
            above += v > elapsed ? 1 : 0;
        }
        if (above == 0)
        {
            return 0;
        }
        int pick = rng.NextInt(above);
        foreach (double v in _values)
        {
            if (v > elapsed && pick-- == 0)
            {
                return v - elapsed;
            }
        }
        return 0;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"empirical({_values.Length} values, mean {Mean:0.###})");
}
