using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Optimisation;

/// <summary>Switches, budgets per funder and acute bed-days freed, on small networks whose answers are known.</summary>
public class OptimiserLeverTests
{
    private static readonly RunOptions Options = new() { Warmup = Days.Of(60), Horizon = Days.Of(365), Seed = 5 };

    // Patients blocked in an ample acute ward wait for one of two downstream services.
    private static Network Blocked(CapacitySchedule first, CapacitySchedule second) => new NetworkBuilder()
        .Service("acute", 2000, Distribution.Exponential(1), kind: ServiceKind.Acute)
        .Service("d0", first, Distribution.Exponential(3), kind: ServiceKind.Other)
        .Service("d1", second, Distribution.Exponential(3), kind: ServiceKind.Other)
        .Arrivals("emergency", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
        .Route("acute", ("d0", 0.5), ("d1", 0.5))
        .Route("d0", "home")
        .Route("d1", "home")
        .Build();

    private static double DelayedDays(Network network, FrontierPoint figuresOf) =>
        Experiment.Run([new ExperimentVariant("v", "", network)], Options with { FirstReplication = figuresOf.FiguresFirstReplication, Replications = figuresOf.FiguresReplications })[0].Run.Delays!.DaysPerYear.Mean;

    [Fact]
    public void A_switch_on_an_intervention_the_baseline_has_starts_off_and_is_the_baseline_when_on()
    {
        // The baseline has an intervention: two more places in d0 from day 100 to day 300.
        var window = new CapacityWindow("d0", 100, 300, 2);
        var baseline = Blocked(new CapacitySchedule(Capacity.Of(4), [(100, Capacity.Of(6)), (300, Capacity.Of(4))]), 4);
        var spec = new OptimiseSpec
        {
            Levers = [Lever.ForSwitch("winter_scheme", new LeverSwitch("scheme", InBaseline: true, [window]), Money.FromPounds(10_000), Commissioner.Nhs)],
            Budgets = [Money.FromPounds(5_000), Money.FromPounds(10_000)],
            Replications = 4,
        };
        var result = Optimiser.Run(baseline, Options, spec, null, DecisionRules.Default);
        // Off (the start) is the network without the intervention; on is the baseline itself: exactly, on common random numbers.
        Assert.Equal(DelayedDays(Blocked(4, 4), result.Frontier[0]), result.StartDelayedDays.Mean, 9);
        Assert.Equal([0], result.Frontier[0].Allocation.Amounts);
        Assert.Equal([1], result.Frontier[1].Allocation.Amounts);
        Assert.Equal(DelayedDays(baseline, result.Frontier[1]), result.Frontier[1].DelayedDays.Mean, 9);
        Assert.True(result.Frontier[1].DelayedDaysAvoided.Mean > 0);
    }

    [Fact]
    public void A_switch_on_an_intervention_the_baseline_lacks_adds_its_places_while_in_force()
    {
        var window = new CapacityWindow("d1", 0, 400, 3);
        var spec = new OptimiseSpec
        {
            Levers = [Lever.ForSwitch("open_d1", new LeverSwitch("open", InBaseline: false, [window]), Money.FromPounds(10_000), Commissioner.Pooled)],
            Budgets = [Money.FromPounds(10_000)],
            Replications = 4,
        };
        var result = Optimiser.Run(Blocked(4, 4), Options, spec, null, DecisionRules.Default);
        Assert.Equal([1], result.Frontier[0].Allocation.Amounts);
        // From day 0 to past the horizon, the reported year sees d1 with 7 places.
        Assert.Equal(DelayedDays(Blocked(4, new CapacitySchedule(Capacity.Of(4), [(0, Capacity.Of(7)), (400, Capacity.Of(4))])), result.Frontier[0]),
            result.Frontier[0].DelayedDays.Mean, 9);
    }

    [Fact]
    public void A_funders_own_budget_caps_what_its_levers_may_spend()
    {
        // d0's places are the better buy, but the NHS pays for them and may spend only £5,000.
        var spec = new OptimiseSpec
        {
            Levers =
            [
                new Lever("more_d0", "d0", 1, 0, 3, Money.FromPounds(5_000), Commissioner.Nhs),
                new Lever("more_d1", "d1", 1, 0, 3, Money.FromPounds(5_000), Commissioner.SocialCare),
            ],
            Budgets = [Money.FromPounds(20_000)],
            FunderBudgets = new Dictionary<Commissioner, Money> { [Commissioner.Nhs] = Money.FromPounds(5_000) },
            Replications = 4,
        };
        // d0 is the busier service (three places), so without the NHS's limit it would take more.
        var result = Optimiser.Run(Blocked(3, 4), Options, spec, null, DecisionRules.Default);
        var point = result.Frontier[0];
        Assert.True(point.Allocation[0] <= 1, $"the NHS's lever got {point.Allocation[0]} places");
        Assert.True(point.SpendByFunder.GetValueOrDefault(Commissioner.Nhs) <= Money.FromPounds(5_000));
        var free = Optimiser.Run(Blocked(3, 4), Options, spec with { FunderBudgets = new Dictionary<Commissioner, Money>() }, null, DecisionRules.Default);
        Assert.True(free.Frontier[0].Allocation[0] > 1, $"without the limit: {free.Frontier[0].Allocation}");
    }

    [Fact]
    public void Acute_bed_days_freed_are_the_delayed_days_avoided_when_every_delay_is_in_an_acute_bed()
    {
        var spec = new OptimiseSpec
        {
            Levers = [new Lever("more_d0", "d0", 1, 0, 2, Money.FromPounds(5_000), Commissioner.Pooled)],
            Budgets = [Money.FromPounds(10_000)],
            Replications = 4,
        };
        var result = Optimiser.Run(Blocked(3, 4), Options, spec, null, DecisionRules.Default);
        var point = result.Frontier[0];
        Assert.True(point.DelayedDaysAvoided.Mean > 10);
        Assert.Equal(point.DelayedDaysAvoided.Mean, point.AcuteBedDaysFreed!.Mean, 6);
        var m = result.Marginal[0];
        Assert.Equal(m.DelayedDaysAvoidedPer1000Pounds!.Mean, m.AcuteBedDaysFreedPer1000Pounds!.Mean, 6);
    }
}
