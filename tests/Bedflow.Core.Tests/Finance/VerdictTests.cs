using Bedflow.Core.Finance;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Finance;

public class VerdictTests
{
    private static Comparison Option(string name, double[] avoided, double[] extraCost) => new(name,
        Estimate.Of(avoided), Estimate.Of([0.0, 0.0, 0.0]), Estimate.Of([0.0, 0.0, 0.0]), Estimate.Of(extraCost),
        new Dictionary<Commissioner, Estimate>(), new PriceList { ElectivePrice = 3684m }, 1, [],
        Estimate.Of([0.0, 0.0, 0.0]), Estimate.Of(extraCost));

    [Fact]
    public void The_best_option_is_the_cheapest_per_delayed_day_among_those_that_clearly_avoid_delays()
    {
        var cheap = Option("cheap_but_unclear", [-500, 100, 900], [1000, 1000, 1000]);   // interval spans zero
        var dear = Option("dear", [900, 1000, 1100], [300_000, 300_000, 300_000]);        // £300 a day avoided
        var good = Option("good", [1900, 2000, 2100], [400_000, 400_000, 400_000]);       // £200 a day avoided
        var v = Verdict.Of([cheap, dear, good], 3);
        Assert.Equal("good", v.Best);
        Assert.Equal(200, good.CostPerDelayedDayAvoided, 9); // £400,000 over a year ÷ 2,000 days
        // good: sd 100, so the half-width is t(0.975, 2) × 100 / √3 = 4.3027 × 57.735 = 248.4.
        Assert.Equal("Best option: good, which avoids 2,000 delayed days a year (95% CI 1,752 to 2,248) and costs £200 for each delayed day it avoids.", v.Statement);
        Assert.Null(v.ReplicationsNeeded);
    }

    [Fact]
    public void When_no_option_is_clear_it_says_so_and_how_many_replications_would_be_needed()
    {
        var a = Option("a", [-500, 100, 900], [1, 1, 1]);
        var b = Option("b", [-100, 300, 700], [1, 1, 1]);
        var v = Verdict.Of([a, b], 3);
        Assert.Null(v.Best);
        // b is the closer: mean 300 against a's 100, with sd 400 against a's 700. Its half-width is
        // t(0.975, 2) × 400 / √3 = 4.3027 × 230.94 = 993.7; the replications it needs are
        // 3 × (993.7 / 300)² × 1.1 = 36.2, rounded up, plus one: 38.
        Assert.Equal(38, v.ReplicationsNeeded);
        Assert.Equal("The options cannot be told apart from the baseline at 3 replications: no option's 95% interval of delayed days avoided excludes zero. The closest, b, would need about 38 replications.", v.Statement);
    }

    [Fact]
    public void Elective_cases_follow_the_money_saved_or_spent()
    {
        var saves = Option("saves", [1, 1, 1], [-3684 * 2.0, -3684 * 2.0, -3684 * 2.0]);
        Assert.Equal(2, saves.ElectiveCasesFromMoney, 9);
        Assert.True(saves.CostPerDelayedDayAvoided < 0);
    }
}
