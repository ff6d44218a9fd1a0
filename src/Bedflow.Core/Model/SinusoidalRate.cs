namespace Bedflow.Core.Model;

internal sealed class SinusoidalRate(double mean, double amplitude, double period, double phase) : ArrivalRate
{
    public override double At(double day) => mean * (1 + (amplitude * Math.Sin(2 * Math.PI * (day - phase) / period)));

    public override double Bound(double day, out double until)
    {
        until = double.PositiveInfinity;
        return mean * (1 + amplitude);
    }
}
