using System.Globalization;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class EmpiricalDistribution : Distribution
{
    private readonly double[] _values;

    public EmpiricalDistribution(double[] values)
    {
        _values = values;
        Mean = values.Average();
        Variance = values.Sum(v => (v - Mean) * (v - Mean)) / values.Length;
        Minimum = values.Min();
    }

    public override double Mean { get; }
    public override double Variance { get; }
    public override double Minimum { get; }
    public override double Sample(ref Xoshiro256StarStar rng) => _values[rng.NextInt(_values.Length)];
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"empirical({_values.Length} values, mean {Mean:0.###})");
}
