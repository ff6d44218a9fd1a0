using Bedflow.Core.Distributions;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>Exponential with mean m: ln f = −ln m − t/m, ln S = −t/m; θ = (ln m).</summary>
internal sealed class ExponentialModel : FamilyModel
{
    public static readonly ExponentialModel Instance = new();

    public override StayFamily Family => StayFamily.Exponential;

    public override DistributionParameter[] Names { get; } = [DistributionParameter.Mean];

    // log L = −d ln m − T/m, with d completed stays and T every stay's days: maximal at m = T/d.
    public override double LogLikelihood(ReadOnlySpan<double> theta, StaySample sample) =>
        (-sample.Events * theta[0]) - (sample.TotalTime * Math.Exp(-theta[0]));

    public override double[] Start(StaySample sample) => ClosedForm(sample);

    public override double[] ClosedForm(StaySample sample) => [Math.Log(sample.TotalTime / sample.Events)];

    public override double Cdf(ReadOnlySpan<double> theta, double days) => -double.ExpM1(-days / Math.Exp(theta[0]));

    public override double Quantile(ReadOnlySpan<double> theta, double probability) => -Math.Exp(theta[0]) * Math.Log(1 - probability);

    public override double LogMean(ReadOnlySpan<double> theta) => theta[0];

    public override Distribution ToDistribution(ReadOnlySpan<double> theta) => Distribution.Exponential(Math.Exp(theta[0]));
}
