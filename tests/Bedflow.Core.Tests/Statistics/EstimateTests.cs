using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Statistics;

public class EstimateTests
{
    [Fact]
    public void One_value_has_a_mean_and_no_interval()
    {
        var e = Estimate.Of([4.2]);
        Assert.Equal(4.2, e.Mean);
        Assert.Null(e.HalfWidth);
        Assert.Null(e.Lower);
        Assert.Null(e.StandardDeviation);
        Assert.False(e.Covers(4.2));
    }

    [Fact]
    public void The_interval_uses_Student_t_with_n_minus_1_degrees_of_freedom()
    {
        // Values 1..5: mean 3, sd √2.5; t(0.975, 4) = 2.776445.
        var e = Estimate.Of([1, 2, 3, 4, 5]);
        Assert.Equal(3, e.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), e.StandardDeviation!.Value, 12);
        Assert.Equal(2.776445 * Math.Sqrt(2.5) / Math.Sqrt(5), e.HalfWidth!.Value, 5);
    }

    [Fact]
    public void Undefined_values_are_left_out_and_counted_out()
    {
        var e = Estimate.Of([1, double.NaN, 3]);
        Assert.Equal(2, e.Mean);
        Assert.Equal(2, e.Count);
        Assert.True(double.IsNaN(Estimate.Of([double.NaN]).Mean));
    }

    [Fact]
    public void Ninety_five_percent_intervals_cover_the_exact_MM1_value_about_95_percent_of_the_time()
    {
        // 240 independent M/M/1 experiments (λ = 0.5, μ = 1), each of 10 replications: the exact
        // mean number in service is ρ = 0.5 and the mean number in the queue ρ²/(1 − ρ) = 0.5.
        const int experiments = 240;
        var net = new NetworkBuilder()
            .Service("ward", 1, Distribution.Exponential(1))
            .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(0.5)))
            .Route("ward", "home")
            .Build();
        int covered = 0;
        for (int x = 0; x < experiments; x++)
        {
            var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(200), Horizon = Days.Of(2000), Replications = 10, Seed = (ulong)(1000 + x), DailyCensus = false });
            if (r.Service(ServiceId.Of("ward"))[ServiceMetric.MeanQueue].Covers(0.5))
            {
                covered++;
            }
        }
        double share = (double)covered / experiments;
        Assert.InRange(share, 0.92, 0.98);
    }
}
