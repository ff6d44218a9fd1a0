using Bedflow.Core.Randomness;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>The parametric bootstrap p-value of <see cref="GoodnessOfFit"/> (its remarks say how).</summary>
internal static class Bootstrap
{
    public static GoodnessOfFit Run(FamilyModel model, double[] theta, StaySample sample, double distance, StayFitOptions options)
    {
        int size = (int)Math.Min(sample.Count, options.BootstrapSampleCap);
        int replicates = options.BootstrapReplicates;
        if (replicates == 0)
        {
            return new GoodnessOfFit(distance, null, 0, size);
        }
        // √m D* ≥ √n D, i.e. D* ≥ D √(n/m); the same as D* ≥ D when no cap applies.
        double threshold = distance * Math.Sqrt((double)sample.Count / size);
        var fitted = model.ToDistribution(theta);
        var censoring = CensoringDistribution.From(sample);
        var outcome = new int[replicates]; // 1: at least as far as the data, 0: nearer, −1: not refitted
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, replicates, parallel, b =>
        {
            var rng = RandomStreams.ForResampling(options.Seed, b, (int)model.Family);
            var completed = new List<double>(size);
            var censored = new List<double>();
            for (int i = 0; i < size; i++)
            {
                double t = fitted.Sample(ref rng);
                double c = censoring.Sample(ref rng);
                if (t <= c)
                {
                    completed.Add(t);
                }
                else
                {
                    censored.Add(c);
                }
            }
            // A draw of exactly 0 (possible only by underflow) cannot be fitted: such a replicate is left out.
            if (completed.Count < options.MinimumCompletedStays || completed.Exists(t => !(t > 0)))
            {
                outcome[b] = -1;
                return;
            }
            var replicate = StaySample.From(completed, censored);
            if (MaximumLikelihood.Maximise(model, replicate, theta, nearby: true) is not { } refitted)
            {
                outcome[b] = -1;
                return;
            }
            double d = KaplanMeier.Distance(replicate, t => model.Cdf(refitted, t));
            outcome[b] = d >= threshold ? 1 : 0;
        });
        int used = outcome.Count(o => o >= 0);
        int beyond = outcome.Count(o => o == 1);
        return new GoodnessOfFit(distance, used > 0 ? (1.0 + beyond) / (1.0 + used) : null, used, size);
    }
}
