using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;

namespace Bedflow.Core.Tests.Decisions;

/// <summary>The appraisal rules on constructed comparisons: acceptable, dominated, unstable, cannot tell apart.</summary>
public class DecisionTests
{
    private const int N = 10;

    // Replication i's noise: symmetric, mean 0, sd about 1.
    private static double Noise(int i) => (i % 2 == 0 ? 1 : -1) * (1 + (i % 3 * 0.5));

    private static double[] Around(double mean, double spread) => [.. Enumerable.Range(0, N).Select(i => mean + (spread * Noise(i)))];

    private static OptionEvidence Option(string name, double avoided, double cost, Dictionary<HarmMeasure, double>? harms = null,
        IReadOnlyList<QueueGrowth>? growing = null, double spread = 100) => new(
        name,
        Around(avoided, spread),
        Around(cost, spread * 10),
        Enum.GetValues<HarmMeasure>().ToDictionary(m => m, m => Around(harms?.GetValueOrDefault(m) ?? 0, 0.01)),
        Enum.GetValues<HarmMeasure>().ToDictionary(m => m, _ => 10.0), // small levels: the absolute tolerances apply
        growing ?? [],
        0,
        []);

    [Fact]
    public void The_cheapest_acceptable_option_per_delayed_day_is_recommended_with_its_fieller_interval()
    {
        var d = Decision.Judge([Option("dear", 1000, 500_000), Option("cheap", 1000, 100_000)], DecisionRules.Default, N, priced: true);
        Assert.Equal(VerdictKind.Recommended, d.Verdict.Kind);
        Assert.Equal("cheap", d.Verdict.Best);
        var r = d.Verdict.CostPerDelayedDayAvoidedInterval!;
        Assert.True(r.IsBounded && r.Lower < 100 && 100 < r.Upper, $"{r.Lower} to {r.Upper}");
        // cheap is as good on delays and harms and clearly cheaper: dear is dominated, so not a runner-up.
        Assert.True(d.For("dear")!.Dominated);
        Assert.Equal("cheap", Assert.IsType<DominatedBy>(d.For("dear")!.Reasons[^1]).By);
        Assert.Empty(d.Verdict.Reasons);
    }

    [Fact]
    public void An_option_that_treats_fewer_patients_is_not_acceptable_however_cheap()
    {
        var fewer = Option("close_beds", 2000, -1_000_000, new() { [HarmMeasure.ElectiveAdmissions] = -5000 });
        var d = Decision.Judge([fewer, Option("add_beds", 1000, 200_000)], DecisionRules.Default, N, priced: true);
        var a = d.For("close_beds")!;
        Assert.False(a.Acceptable);
        var harm = Assert.Single(a.Reasons.OfType<HarmWorse>());
        Assert.Equal(HarmMeasure.ElectiveAdmissions, harm.Measure);
        Assert.Equal("add_beds", d.Verdict.Best);
    }

    [Fact]
    public void A_harm_within_its_tolerance_or_allowed_by_the_scenario_keeps_an_option_acceptable()
    {
        var slightly = Option("a", 1000, 100_000, new() { [HarmMeasure.WaitingForAcuteBed] = 0.3 }); // tolerance 0.5
        Assert.True(Decision.Judge([slightly], DecisionRules.Default, N, priced: true).For("a")!.Acceptable);
        var more = Option("a", 1000, 100_000, new() { [HarmMeasure.WaitingForAcuteBed] = 3 });
        Assert.False(Decision.Judge([more], DecisionRules.Default, N, priced: true).For("a")!.Acceptable);
        var allowed = Decision.Judge([more], new DecisionRules { Allowed = new HashSet<HarmMeasure> { HarmMeasure.WaitingForAcuteBed } }, N, priced: true);
        Assert.True(allowed.For("a")!.Acceptable);
        Assert.Single(allowed.Verdict.Reasons.OfType<HarmAllowed>());
        var tolerant = Decision.Judge([more], new DecisionRules { Tolerances = new Dictionary<HarmMeasure, double> { [HarmMeasure.WaitingForAcuteBed] = 5 } }, N, priced: true);
        Assert.True(tolerant.For("a")!.Acceptable);
    }

    [Fact]
    public void An_unstable_option_is_shown_but_never_recommended()
    {
        var growth = new QueueGrowth("acute", Core.Statistics.Estimate.Of([1500.0, 1600, 1400]));
        var d = Decision.Judge([Option("gridlock", 5000, -2_000_000, growing: [growth])], DecisionRules.Default, N, priced: true);
        var a = d.For("gridlock")!;
        Assert.True(a.Unstable);
        Assert.False(a.Acceptable);
        Assert.Equal(VerdictKind.NoAcceptableOption, d.Verdict.Kind);
        Assert.Null(d.Verdict.Best);
    }

    [Fact]
    public void An_option_whose_flow_balance_overloads_a_service_is_unstable_though_its_queues_settled()
    {
        var load = new ServiceLoad
        {
            Service = "reablement",
            ArrivalsPerDay = 10,
            Mean = new LoadFigure(new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31), 103, 0, 100),
        };
        var finding = new LoadFinding(ModelPath.Service("reablement").Member("Capacity"), load, LoadLevel.Over, LoadBasis.Report, Allowed: true);
        var stepUp = Option("step_up", 3000, -5_000_000) with { OverCapacity = [finding] };
        var d = Decision.Judge([stepUp, Option("pilot", 1000, 200_000)], DecisionRules.Default, N, priced: true);
        var a = d.For("step_up")!;
        Assert.True(a.Unstable);
        Assert.False(a.Acceptable);
        var overloads = Assert.Single(a.Reasons.OfType<Overloads>());
        Assert.Equal(["reablement"], overloads.Services);
        Assert.Equal("pilot", d.Verdict.Best);
    }

    [Fact]
    public void Two_options_the_replications_cannot_separate_are_said_to_be_indistinguishable_with_the_replications_needed()
    {
        // b avoids a little more and costs a little more, each within the noise: neither dominates, and their costs per day are close.
        var b = Option("b", 1010, 101_500);
        b = b with { DelayedDaysAvoided = [.. b.DelayedDaysAvoided.Reverse()] }; // its own noise, not a's
        var d = Decision.Judge([Option("a", 1000, 100_000), b], DecisionRules.Default, N, priced: true);
        Assert.False(d.For("b")!.Dominated);
        Assert.Equal("a", d.Verdict.Best);
        var tie = Assert.Single(d.Verdict.Reasons.OfType<CannotTellFromRunnerUp>());
        Assert.Equal("b", tie.RunnerUp);
        Assert.True(tie.ReplicationsNeeded > N);
    }

    [Fact]
    public void With_one_replication_nothing_is_recommended_and_no_option_is_judged_acceptable()
    {
        var one = new OptionEvidence("a", [1000], [100_000], Enum.GetValues<HarmMeasure>().ToDictionary(m => m, _ => new[] { 0.0 }),
            Enum.GetValues<HarmMeasure>().ToDictionary(m => m, _ => 1.0), [], 0, []);
        var d = Decision.Judge([one], DecisionRules.Default, 1, priced: true);
        Assert.Equal(VerdictKind.NoIntervals, d.Verdict.Kind);
        Assert.False(d.For("a")!.Acceptable);
        Assert.Single(d.For("a")!.Reasons.OfType<NoInterval>());
    }

    [Fact]
    public void By_cost_the_option_saving_most_wins_unless_delays_rise()
    {
        var rules = new DecisionRules { Objective = Objective.Cost };
        var d = Decision.Judge([Option("saves_more_delays_rise", -3000, -900_000), Option("saves", 0, -300_000)], rules, N, priced: true);
        Assert.False(d.For("saves_more_delays_rise")!.Acceptable);
        Assert.Single(d.For("saves_more_delays_rise")!.Reasons.OfType<DelaysRise>());
        Assert.Equal(VerdictKind.LeastCost, d.Verdict.Kind);
        Assert.Equal("saves", d.Verdict.Best);
    }

    [Fact]
    public void An_option_worse_than_doing_nothing_on_everything_is_dominated_by_the_baseline()
    {
        var d = Decision.Judge([Option("worse", -1, 10_000, spread: 0.001)], new DecisionRules { Objective = Objective.Cost }, N, priced: true);
        Assert.Contains(d.For("worse")!.Reasons, r => r is DominatedBy { By: "baseline" } || r is DelaysRise);
    }
}
