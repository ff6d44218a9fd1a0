using System.Globalization;
using Bedflow.Core.Finance;
using Bedflow.Core.Statistics;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Tests.Wording;

// Estimates of 3 values: the 95% half-width is t(0.975, 2) × sd / √3 = 2.4841 × sd, so
// 1900, 2000, 2100 is 2,000 (1,751.6 to 2,248.4) and 31, 32, 33 is 32.0 (29.5 to 34.5).
public class VerdictWordingTests
{
    private static readonly Estimate TwoThousand = Estimate.Of([1900.0, 2000, 2100]);

    [Fact]
    public void A_recommended_option_that_costs_money_says_what_each_delayed_day_avoided_costs()
    {
        var v = Verdict.Recommended("good", TwoThousand, 200, [], 3);
        Assert.Equal("Best option: good, which avoids 2,000 delayed days a year (95% CI 1,752 to 2,248) and costs £200 for each delayed day it avoids.",
            VerdictWording.Statement(v));
    }

    [Fact]
    public void A_recommended_option_that_saves_money_and_fills_the_hospital_says_both()
    {
        var v = Verdict.Recommended("acute_cut_150", TwoThousand, -1795.6, [new FrontDoorWaitsRise(Estimate.Of([31.0, 32, 33]))], 20);
        Assert.Equal("Best option: acute_cut_150, which avoids 2,000 delayed days a year (95% CI 1,752 to 2,248) and saves £1,796 for each delayed day it avoids."
            + " But patients waiting for an acute bed rise by 32.0 a night (95% CI 29.5 to 34.5): part of the delay moves to the front door.",
            VerdictWording.Statement(v));
    }

    [Fact]
    public void Without_prices_the_option_that_avoids_the_most_is_named_with_its_delayed_days()
    {
        var v = Verdict.RankedByDelayedDaysAvoided("more_ic", TwoThousand, 3);
        Assert.Equal("Without prices the options are ranked by delayed days avoided: more_ic avoids the most, 2,000 a year (95% CI 1,752 to 2,248).",
            VerdictWording.Statement(v));
    }

    [Fact]
    public void Only_a_baseline_has_nothing_to_compare()
    {
        Assert.Equal("There are no variants to compare with the baseline.", VerdictWording.Statement(Verdict.NoVariants(3)));
    }

    [Fact]
    public void No_option_avoiding_delays_is_said_with_the_replications()
    {
        Assert.Equal("No option avoids delayed days compared with the baseline at 5 replications.", VerdictWording.Statement(Verdict.NoOptionAvoidsDelays(5)));
    }

    [Fact]
    public void Options_that_cannot_be_told_apart_name_the_closest_and_the_replications_it_needs()
    {
        var v = Verdict.CannotTellApart("b", Estimate.Of([-100.0, 300, 700]), 38, 3);
        Assert.Equal("The options cannot be told apart from the baseline at 3 replications: no option's 95% interval of delayed days avoided excludes zero. The closest, b, would need about 38 replications.",
            VerdictWording.Statement(v));
    }

    [Fact]
    public void The_saved_statement_notes_first_that_a_scenario_without_prices_has_no_costs()
    {
        var v = Verdict.NoVariants(3);
        Assert.Equal("The scenario has no prices: costs are not computed. There are no variants to compare with the baseline.", VerdictWording.Statement(v, priced: false));
        Assert.Equal("There are no variants to compare with the baseline.", VerdictWording.Statement(v, priced: true));
    }

    [Fact]
    public void Figures_are_written_the_same_whatever_the_current_culture()
    {
        // InvariantGlobalization is on, so no culture such as fr-FR can be loaded: a culture with
        // French separators is made by hand instead.
        var french = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        french.NumberFormat.NumberGroupSeparator = "\u202F";
        french.NumberFormat.NumberDecimalSeparator = ",";
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = french;
            CultureInfo.CurrentUICulture = french;
            Assert.Equal("1\u202F795,6", (1795.6).ToString("N1", CultureInfo.CurrentCulture)); // the culture has teeth
            var v = Verdict.Recommended("acute_cut_150", TwoThousand, -1795.6, [new FrontDoorWaitsRise(Estimate.Of([31.0, 32, 33]))], 20);
            Assert.Equal("Best option: acute_cut_150, which avoids 2,000 delayed days a year (95% CI 1,752 to 2,248) and saves £1,796 for each delayed day it avoids."
                + " But patients waiting for an acute bed rise by 32.0 a night (95% CI 29.5 to 34.5): part of the delay moves to the front door.",
                VerdictWording.Statement(v));
            Assert.Equal("Without prices the options are ranked by delayed days avoided: more_ic avoids the most, 2,000 a year (95% CI 1,752 to 2,248).",
                VerdictWording.Statement(Verdict.RankedByDelayedDaysAvoided("more_ic", TwoThousand, 3)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
