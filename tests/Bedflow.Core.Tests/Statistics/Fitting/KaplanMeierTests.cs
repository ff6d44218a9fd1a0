using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Core.Tests.Statistics.Fitting;

public class KaplanMeierTests
{
    // Freireich et al. (1963), the 6-MP arm of the leukaemia remission trial (Gehan 1965), in weeks;
    // StillIn marks a censored remission. The textbook product-limit table (Klein & Moeschberger,
    // "Survival Analysis", 2nd ed., table 4.1A; Kleinbaum & Klein ch. 2) gives Ŝ and Greenwood's
    // standard error to four places.
    private static readonly Stay[] SixMp =
    [
        Stay.Completed(6), Stay.Completed(6), Stay.Completed(6), Stay.StillIn(6), Stay.Completed(7), Stay.StillIn(9),
        Stay.Completed(10), Stay.StillIn(10), Stay.StillIn(11), Stay.Completed(13), Stay.Completed(16), Stay.StillIn(17),
        Stay.StillIn(19), Stay.StillIn(20), Stay.Completed(22), Stay.Completed(23), Stay.StillIn(25), Stay.StillIn(32),
        Stay.StillIn(32), Stay.StillIn(34), Stay.StillIn(35),
    ];

    [Fact]
    public void The_six_MP_arm_gives_the_textbook_product_limit_table()
    {
        var km = KaplanMeier.Of(SixMp);
        // time, at risk, events, Ŝ, Greenwood SE
        (double Time, long AtRisk, long Events, double Survival, double Se)[] table =
        [
            (6, 21, 3, 0.8571, 0.0764),
            (7, 17, 1, 0.8067, 0.0869),
            (10, 15, 1, 0.7529, 0.0963),
            (13, 12, 1, 0.6902, 0.1068),
            (16, 11, 1, 0.6275, 0.1141),
            (22, 7, 1, 0.5378, 0.1282),
            (23, 6, 1, 0.4482, 0.1346),
        ];
        Assert.Equal(table.Length, km.Steps.Count);
        for (int i = 0; i < table.Length; i++)
        {
            var step = km.Steps[i];
            Assert.Equal(table[i].Time, step.Time);
            Assert.Equal(table[i].AtRisk, step.AtRisk);
            Assert.Equal(table[i].Events, step.Events);
            Assert.Equal(table[i].Survival, step.Survival, 4);
            Assert.Equal(table[i].Se, step.StandardError!.Value, 4);
        }
        Assert.Equal(21, km.Stays);
        Assert.Equal(9, km.Events);
    }

    [Fact]
    public void The_first_steps_are_exact_fractions_and_the_interval_is_the_log_log_one()
    {
        var km = KaplanMeier.Of(SixMp);
        // 18/21, then × 16/17: exact products.
        Assert.Equal(18.0 / 21, km.Steps[0].Survival, 14);
        Assert.Equal(18.0 / 21 * 16 / 17, km.Steps[1].Survival, 14);
        // Greenwood at 6: √(3 / (21 · 18)) · 18/21; log–log 95% interval (0.6197, 0.9516) as Stata's sts list prints it.
        Assert.Equal(Math.Sqrt(3.0 / (21 * 18)) * 18 / 21, km.Steps[0].StandardError!.Value, 12);
        Assert.Equal(0.6197, km.Steps[0].Lower!.Value, 4);
        Assert.Equal(0.9516, km.Steps[0].Upper!.Value, 4);
        Assert.All(km.Steps, s => Assert.True(s.Lower > 0 && s.Lower < s.Survival && s.Upper > s.Survival && s.Upper < 1));
    }

    [Fact]
    public void Survival_is_a_step_function_and_the_median_is_the_first_step_at_or_below_one_half()
    {
        var km = KaplanMeier.Of(SixMp);
        Assert.Equal(1, km.SurvivalAt(5.99));
        Assert.Equal(18.0 / 21, km.SurvivalAt(6), 14);
        Assert.Equal(18.0 / 21, km.SurvivalAt(6.5), 14);
        Assert.Equal(km.Steps[^1].Survival, km.SurvivalAt(100));
        // Ŝ(22) = 0.5378 > 0.5, Ŝ(23) = 0.4482: the median is 23 weeks (the textbook's).
        Assert.Equal(23, km.Quantile(0.5));
        Assert.Equal(6, km.Quantile(0.1));
        // Ŝ never falls to 0.4: no 60% quantile.
        Assert.Null(km.Quantile(0.6));
    }

    [Fact]
    public void Without_censoring_it_is_the_empirical_survival_function_and_reaches_zero()
    {
        var km = KaplanMeier.Of([Stay.Completed(1), Stay.Completed(2), Stay.Completed(2), Stay.Completed(4)]);
        Assert.Equal([0.75, 0.25, 0.0], km.Steps.Select(s => s.Survival));
        Assert.Null(km.Steps[^1].StandardError);
        Assert.Null(km.Steps[^1].Lower);
        Assert.Equal(2, km.Quantile(0.5));
    }

    [Fact]
    public void A_duration_that_is_not_a_positive_number_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => KaplanMeier.Of([Stay.Completed(3), Stay.StillIn(-1.5)]));
        Assert.Contains("Stay 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("-1.5", e.Message, StringComparison.Ordinal);
    }
}
