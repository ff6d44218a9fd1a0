using Bedflow.Core.Distributions;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Core.Tests.Statistics.Fitting;

public class StayFitExponentialTests
{
    // Ten completed stays of 1..10 days (55 days) and three patients still in at 4, 6 and 15 days
    // (25 days): 80 days at risk, 10 events.
    private static readonly Stay[] Sample =
    [
        .. Enumerable.Range(1, 10).Select(d => Stay.Completed(d)),
        Stay.StillIn(4), Stay.StillIn(6), Stay.StillIn(15),
    ];

    private static readonly StayFitOptions NoBootstrap = new() { BootstrapReplicates = 0 };

    [Fact]
    public void A_right_censored_exponential_sample_has_the_closed_form_mean_total_time_over_events()
    {
        var fit = StayFit.Of(Sample, [StayFamily.Exponential], NoBootstrap).Chosen;
        // m̂ = T / d = 80 / 10; log L = −d ln m̂ − T/m̂ = −10 ln 8 − 10.
        Assert.Equal(8.0, fit.Mean.Value, 12);
        Assert.Equal(8.0, fit[DistributionParameter.Mean].Value, 12);
        Assert.Equal((-10 * Math.Log(8)) - 10, fit.LogLikelihood, 10);
        Assert.Equal(1, fit.ParameterCount);
        Assert.Equal(2 + (20 * Math.Log(8)) + 20, fit.Aic, 9);
        // AICc = AIC + 2k(k + 1)/(n − k − 1) with n = 13 stays, k = 1.
        Assert.Equal(fit.Aic + (4.0 / 11), fit.Aicc, 9);
        Assert.Equal(8.0, fit.Distribution.Mean, 12);
    }

    [Fact]
    public void The_exponential_interval_is_the_log_scale_Wald_interval_with_information_equal_to_the_events()
    {
        var mean = StayFit.Of(Sample, [StayFamily.Exponential], NoBootstrap).Chosen.Mean;
        // In θ = ln m, log L = −dθ − T e^(−θ): −d²L/dθ² = T/m̂ = d = 10 at the maximum, so SE(ln m̂) = 1/√10
        // and the interval is 8 e^(±1.96/√10) = 4.3037… to 14.871… days (the Hessian is numerical: 6 places).
        Assert.Equal(1 / Math.Sqrt(10), mean.LogStandardError!.Value, 6);
        Assert.Equal(8 * Math.Exp(-1.959963984540054 / Math.Sqrt(10)), mean.Lower!.Value, 5);
        Assert.Equal(8 * Math.Exp(1.959963984540054 / Math.Sqrt(10)), mean.Upper!.Value, 5);
    }

    [Fact]
    public void The_distance_without_censoring_is_the_Kolmogorov_Smirnov_distance_to_the_fitted_exponential()
    {
        // No censoring: Kaplan–Meier is the empirical distribution function, so D is the familiar
        // KS statistic max over i of max(i/n − F(tᵢ), F(tᵢ) − (i − 1)/n), here with F exponential of mean 5.5.
        Stay[] stays = [.. Enumerable.Range(1, 10).Select(d => Stay.Completed(d))];
        var fit = StayFit.Of(stays, [StayFamily.Exponential], NoBootstrap).Chosen;
        double ks = 0;
        for (int i = 1; i <= 10; i++)
        {
            double f = 1 - Math.Exp(-i / 5.5);
            ks = Math.Max(ks, Math.Max((i / 10.0) - f, f - ((i - 1) / 10.0)));
        }
        Assert.Equal(ks, fit.GoodnessOfFit.Distance, 12);
        Assert.Null(fit.GoodnessOfFit.PValue);
    }

    [Fact]
    public void Weibull_and_gamma_contain_the_exponential_so_their_likelihood_is_at_least_as_high()
    {
        var fit = StayFit.Of(Sample, options: NoBootstrap);
        double exponential = fit[StayFamily.Exponential]!.LogLikelihood;
        Assert.True(fit[StayFamily.Weibull]!.LogLikelihood >= exponential - 1e-9);
        Assert.True(fit[StayFamily.Gamma]!.LogLikelihood >= exponential - 1e-9);
        Assert.Equal(4, fit.Fits.Count);
        Assert.Equal(0, fit.Chosen.DeltaAic);
        Assert.All(fit.Fits, f => Assert.Equal(f.Aic - fit.Chosen.Aic, f.DeltaAic, 12));
        Assert.Equal([.. fit.Fits.OrderBy(f => f.Aic)], fit.Fits);
        Assert.Equal(13, fit.Stays);
        Assert.Equal(10, fit.CompletedStays);
        Assert.Equal(3, fit.StillIn);
    }
}
