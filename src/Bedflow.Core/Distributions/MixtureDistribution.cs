using Bedflow.Core.Randomness;

namespace Bedflow.Core.Distributions;

internal sealed class MixtureDistribution : Distribution
{
    private readonly double[] _cumulative;
    private readonly double[] _weights;
    private readonly Distribution[] _components;

    public MixtureDistribution(double[] weights, Distribution[] components)
    {
        _weights = weights;
        _components = components;
        _cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }
        _cumulative[^1] = 1.0;
    }

    public override double Mean
    {
        get
        {
            double m = 0;
            for (int i = 0; i < _weights.Length; i++)
            {
                m += _weights[i] * _components[i].Mean;
            }
            return m;
        }
    }

    // Law of total variance: E[Var] + Var[E].
    public override double Variance
    {
        get
        {
            double mean = Mean;
            double v = 0;
            for (int i = 0; i < _weights.Length; i++)
            {
                double d = _components[i].Mean - mean;
                v += _weights[i] * (_components[i].Variance + (d * d));
            }
            return v;
        }
    }

    public override double Minimum => _components.Min(c => c.Minimum);

    internal override bool CanBeZero => _components.Where((c, i) => _weights[i] > 0).Any(c => c.CanBeZero);

    public override double Sample(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble();
        int i = 0;
        while (u >= _cumulative[i])
        {
            i++;
        }
        return _components[i].Sample(ref rng);
    }

    // A component with probability ∝ weight × its mean, then that component length-biased.
    public override double SampleLengthBiased(ref Xoshiro256StarStar rng)
    {
        double total = 0;
        for (int k = 0; k < _weights.Length; k++)
        {
            total += _weights[k] * _components[k].Mean;
        }
        double u = rng.NextDouble() * total;
        int i = 0;
        double running = _weights[0] * _components[0].Mean;
        while (u >= running && i < _weights.Length - 1)
        {
            i++;
            running += _weights[i] * _components[i].Mean;
        }
        return _components[i].SampleLengthBiased(ref rng);
    }

    public override string ToString() => $"mixture of {_components.Length}: " + string.Join(", ", _components.Select((c, i) => $"{_weights[i]:0.###}×{c}"));
}
