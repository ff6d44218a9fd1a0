namespace Bedflow.Core.Model;

internal sealed class ConstantRate(double perDay) : ArrivalRate
{
    public override double At(double day) => perDay;

    public override double Bound(double day, out double until)
    {
        until = double.PositiveInfinity;
        return perDay;
    }
}
