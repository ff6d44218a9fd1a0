using Bedflow.Core.Calibration;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

public class CouncilDesignTests
{
    private static Dictionary<DelayReason, double> Reasons(params (DelayReason R, double D)[] days) => days.ToDictionary(x => x.R, x => x.D);

    [Fact]
    public void Responsibility_mix_meets_the_published_organisation_totals_by_hand()
    {
        // C 100 (NHS only), E 200 (any), Di 100 (not both). Both 50 = a quarter of E; NHS has 200 − 100 (C) = 100
        // of the 150 + 100 left of E and Di, so 0.4 of each: E 60/90/50, Di 40/60, C 100.
        var mix = ReasonResponsibility.Of(Reasons((DelayReason.C, 100), (DelayReason.E, 200), (DelayReason.Di, 100)),
            new Dictionary<Responsibility, double> { [Responsibility.Nhs] = 400, [Responsibility.SocialCare] = 300, [Responsibility.Both] = 100 }); // twice the days: shares kept
        Assert.Equal(100, mix.Days[DelayReason.C][Responsibility.Nhs], 9);
        Assert.Single(mix.Days[DelayReason.C]);
        Assert.Equal(60, mix.Days[DelayReason.E][Responsibility.Nhs], 9);
        Assert.Equal(90, mix.Days[DelayReason.E][Responsibility.SocialCare], 9);
        Assert.Equal(50, mix.Days[DelayReason.E][Responsibility.Both], 9);
        Assert.Equal(40, mix.Days[DelayReason.Di][Responsibility.Nhs], 9);
        Assert.Equal(60, mix.Days[DelayReason.Di][Responsibility.SocialCare], 9);
        Assert.False(mix.Days[DelayReason.Di].ContainsKey(Responsibility.Both));
        Assert.Equal(0, mix.Unmet, 9);
    }

    [Fact]
    public void Responsibility_mix_that_the_SitRep_table_cannot_make_says_by_how_much_it_misses()
    {
        // 300 days "both" but only E's 200 may be: all of E is both, 100 days unplaced.
        var mix = ReasonResponsibility.Of(Reasons((DelayReason.C, 100), (DelayReason.E, 200), (DelayReason.G, 100)),
            new Dictionary<Responsibility, double> { [Responsibility.Nhs] = 100, [Responsibility.SocialCare] = 0, [Responsibility.Both] = 300 });
        Assert.Equal(200, mix.Days[DelayReason.E][Responsibility.Both], 9);
        Assert.Equal(100, mix.Unmet, 9);
        Assert.All(mix.Days, kv => Assert.All(kv.Value, o => Assert.True(SitRep.Allows(kv.Key, o.Key) && o.Value >= 0)));
    }

    [Fact]
    public void Admission_factors_lagged_by_a_month_share_give_back_the_published_shape()
    {
        double[] shape = [1.2, 1.1, 1.0, 0.95, 0.9, 0.85, 0.9, 0.95, 1.0, 1.0, 1.05, 1.1];
        double w = CouncilDesign.LagDays / 30.44;
        var a = CouncilDesign.Ahead(shape, w);
        Assert.Equal(1, a.Average(), 12);
        for (int m = 0; m < 12; m++)
        {
            double made = ((1 - w) * a[m]) + (w * a[(m + 11) % 12]);
            Assert.InRange(made - shape[m], -0.02, 0.02);          // first order: within w² × the month-to-month change
        }
        // Teeth: admissions shaped like the published months themselves would miss by more.
        Assert.Contains(Enumerable.Range(0, 12), m => Math.Abs(((1 - w) * shape[m]) + (w * shape[(m + 11) % 12]) - shape[m]) > 0.02);
    }

    [Fact]
    public void A_design_needs_the_twelve_months_of_its_year()
    {
        var months = Enumerable.Range(0, 11).Select(i => new MonthlyDelays(new DateOnly(2016, 4, 1).AddMonths(i),
            new Dictionary<DelayReason, double> { [DelayReason.C] = 100 }, new Dictionary<Responsibility, double> { [Responsibility.Nhs] = 100 })).ToList();
        Assert.Throws<ArgumentException>(() => CouncilDesign.Of(100_000, FinancialYear.Parse("2016/17"), months));
        Assert.Throws<ArgumentOutOfRangeException>(() => CouncilDesign.Of(0, FinancialYear.Parse("2016/17"), months));
    }
}
