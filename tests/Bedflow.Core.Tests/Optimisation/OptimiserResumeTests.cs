using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Optimisation;

/// <summary>A search told what it simulated before gives the same answer without simulating it again.</summary>
public class OptimiserResumeTests
{
    private static readonly RunOptions Options = new() { Warmup = Days.Of(60), Horizon = Days.Of(365), Seed = 3 };

    private static Network Blocked() => new NetworkBuilder()
        .Service("acute", 2000, Distribution.Exponential(1), kind: ServiceKind.Acute)
        .Service("d0", 4, Distribution.Exponential(3), kind: ServiceKind.Other)
        .Service("d1", 4, Distribution.Exponential(3), kind: ServiceKind.Other)
        .Arrivals("emergency", "acute", ArrivalRate.Constant(RatePerDay.Of(2.2)))
        .Route("acute", ("d0", 0.5), ("d1", 0.5))
        .Route("d0", "home")
        .Route("d1", "home")
        .Build();

    private static readonly OptimiseSpec Spec = new()
    {
        Levers =
        [
            new Lever("more_d0", "d0", 1, 0, 3, Money.FromPounds(5_000), Commissioner.Pooled),
            new Lever("more_d1", "d1", 1, 0, 3, Money.FromPounds(6_000), Commissioner.Pooled),
        ],
        Budgets = [Money.FromPounds(10_000), Money.FromPounds(20_000)],
        DelayedDayPrice = Money.FromPounds(300),
        Replications = 3,
        MaxReplications = 12,
    };

    private static (OptimiseResult Result, List<CandidateRecord> Records) Search(IEnumerable<CandidateRecord>? known = null)
    {
        var records = new List<CandidateRecord>();
        var result = Optimiser.Run(Blocked(), Options, Spec, null, DecisionRules.Default, null, known, records.Add);
        return (result, records);
    }

    private static string Answer(OptimiseResult r) => string.Join(" | ", r.Frontier.Append(r.EconomicallyEssential!).Select(p =>
        $"{p.Allocation} {p.DelayedDaysAvoided.Mean:R} {p.DelayedDaysAvoided.Lower:R} {p.TotalCost?.Mean:R} {p.Replications} {string.Join(";", p.IndistinguishableFrom)} {p.RunnerUp}"))
        + " / " + string.Join(" ", r.Marginal.Select(m => $"{m.DelayedDaysAvoidedPer1000Pounds?.Mean:R}"));

    [Fact]
    public void Every_record_known_gives_the_same_answer_with_nothing_simulated()
    {
        var (first, records) = Search();
        Assert.True(first.ReplicationsSimulated > 0);
        var (again, more) = Search(records);
        Assert.Equal(Answer(first), Answer(again));
        // Only the reported figures' fresh replications are simulated again (they are never in a state).
        Assert.Equal(again.ReplicationsForFigures, again.ReplicationsSimulated);
        Assert.True(again.ReplicationsForFigures > 0);
        Assert.Empty(more);
        Assert.Equal(first.ReplicationsSimulated - first.ReplicationsForFigures, again.ReplicationsReused);
    }

    [Fact]
    public void A_search_stopped_part_way_resumes_to_the_same_answer()
    {
        var (first, records) = Search();
        // Stopped after a third of its records were written (a later record of one allocation holds more replications).
        var part = records.Take(records.Count / 3).ToList();
        var (resumed, more) = Search(part);
        Assert.Equal(Answer(first), Answer(resumed));
        Assert.True(resumed.ReplicationsSimulated > resumed.ReplicationsForFigures && resumed.ReplicationsSimulated < first.ReplicationsSimulated);
        Assert.Equal(first.ReplicationsSimulated, resumed.ReplicationsSimulated + resumed.ReplicationsReused);
        Assert.NotEmpty(more);
    }

    [Fact]
    public void Extending_a_candidate_runs_only_the_replications_it_lacks()
    {
        var (first, records) = Search();
        // Every record of an allocation after its first holds more replications and begins with the earlier one's.
        foreach (var g in records.GroupBy(r => r.Allocation))
        {
            var list = g.ToList();
            for (int i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].Replications > list[i - 1].Replications);
                Assert.Equal(list[i - 1].DelayedDays, list[i].DelayedDays.Take(list[i - 1].Replications));
            }
        }
        long distinct = records.GroupBy(r => r.Allocation).Sum(g => (long)g.Max(r => r.Replications));
        Assert.Equal(distinct + first.ReplicationsForFigures, first.ReplicationsSimulated);
    }

    [Fact]
    public void A_record_that_does_not_fit_the_levers_is_not_used()
    {
        var (first, records) = Search();
        var wrong = records.Select(r => r with { Amounts = [.. r.Amounts, 0] }).ToList();
        var (again, _) = Search(wrong);
        Assert.Equal(Answer(first), Answer(again));
        Assert.Equal(0, again.ReplicationsReused);
    }
}

/// <summary>What a board reads off the frontier: more money never does worse, the least total cost is least, every point on the same replications.</summary>
public class OptimiserFrontierTests
{
    private static Network Noisy() => new NetworkBuilder()
        .Service("acute", 2000, Distribution.Exponential(1), kind: ServiceKind.Acute)
        .Service("d0", 3, Distribution.Exponential(4), kind: ServiceKind.Other)
        .Service("d1", 3, Distribution.Exponential(4), kind: ServiceKind.Other)
        .Service("d2", 3, Distribution.Exponential(4), kind: ServiceKind.Other)
        .Arrivals("emergency", "acute", ArrivalRate.Constant(RatePerDay.Of(2.2)))
        .Route("acute", ("d0", 0.34), ("d1", 0.33), ("d2", 0.33))
        .Route("d0", "home")
        .Route("d1", "home")
        .Route("d2", "home")
        .Build();

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(7UL)]
    [InlineData(8UL)]
    public void More_budget_never_reports_more_delayed_days_and_the_least_total_cost_is_least(ulong seed)
    {
        var spec = new OptimiseSpec
        {
            Levers = [.. Enumerable.Range(0, 3).Select(j => new Lever($"more_d{j}", $"d{j}", 1, 0, 3, Money.FromPounds(5_000 + (1_000 * j)), Commissioner.Pooled))],
            // Budgets close together and few replications: the noise could reverse two points' order if they were chosen apart.
            Budgets = [.. new[] { 10_000m, 11_000m, 12_000m, 16_000m, 17_000m, 18_000m, 22_000m, 23_000m, 40_000m }.Select(Money.FromPounds)],
            DelayedDayPrice = Money.FromPounds(200),
            Replications = 2,
            MaxReplications = 4,
        };
        var r = Optimiser.Run(Noisy(), new RunOptions { Warmup = Days.Of(60), Horizon = Days.Of(200), Seed = seed }, spec, null, DecisionRules.Default);
        int n = r.Frontier[0].FiguresReplications;
        Assert.True(n >= 2);
        Assert.All(r.Frontier, p => Assert.Equal(n, p.FiguresReplications));
        Assert.Equal(n, r.EconomicallyEssential!.FiguresReplications);
        for (int i = 1; i < r.Frontier.Count; i++)
        {
            Assert.True(r.Frontier[i].DelayedDays.Mean <= r.Frontier[i - 1].DelayedDays.Mean,
                $"£{r.Frontier[i].Budget.Pounds}: {r.Frontier[i].DelayedDays.Mean} after £{r.Frontier[i - 1].Budget.Pounds}: {r.Frontier[i - 1].DelayedDays.Mean}");
        }
        Assert.All(r.Frontier, p => Assert.True(r.EconomicallyEssential.TotalCost!.Mean <= p.TotalCost!.Mean, $"{p.Allocation} costs {p.TotalCost.Mean}"));
        // The start is on the same replications: its delayed days less a point's are what the point avoids.
        Assert.All(r.Frontier, p => Assert.True(Math.Abs(r.StartDelayedDays.Mean - p.DelayedDays.Mean - p.DelayedDaysAvoided.Mean) < 1e-6, $"{p.Allocation}"));
    }
}

/// <summary>The rule that keeps the frontier from reporting worse for more money.</summary>
public class NeverWorseTests
{
    [Theory]
    [InlineData(new[] { 100.0, 90, 80 }, new[] { 0, 1, 2 })]
    [InlineData(new[] { 100.0, 90, 95, 85 }, new[] { 0, 1, 1, 3 })]
    [InlineData(new[] { 100.0, 100, 99 }, new[] { 0, 0, 2 })]
    [InlineData(new[] { 50.0, 60, 70, 40 }, new[] { 0, 0, 0, 3 })]
    [InlineData(new[] { 50.0, 60, 55 }, new[] { 0, 0, 0 })]
    public void A_budget_keeps_a_smaller_budgets_choice_when_its_own_does_no_better(double[] means, int[] kept)
    {
        var result = Optimiser.NeverWorse(means);
        Assert.Equal(kept, result);
        // The kept means never rise.
        for (int i = 1; i < result.Length; i++)
        {
            Assert.True(means[result[i]] <= means[result[i - 1]]);
        }
    }
}
