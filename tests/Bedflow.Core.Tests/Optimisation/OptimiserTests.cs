using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Simulation;
using Bedflow.Core.Tests.Support;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Optimisation;

/// <summary>
/// The search against networks whose optimum is known exactly: patients in an acute ward with
/// ample beds (an M/M/∞ ward, so its departures are Poisson) wait in their beds for one of
/// independent downstream services, each an M/M/c queue, so each service's delayed days a year
/// are λ·W_q(c)·365.25 with W_q from Erlang C. The exact optimum within a budget is found by
/// enumerating every allocation in the test.
/// </summary>
public class OptimiserTests
{
    // (arrival rate a day, mean stay in days, places, cost of a place a year)
    private static readonly (double Lambda, double Stay, int Places, decimal Cost)[] Downstream =
    [
        (1.0, 3, 4, 5_000),
        (1.0, 3, 4, 5_000),
        (1.0, 3, 4, 10_000),
    ];

    private static Network Blocked((double Lambda, double Stay, int Places, decimal Cost)[] downstream)
    {
        double total = downstream.Sum(d => d.Lambda);
        var builder = new NetworkBuilder()
            .Service("acute", 2000, Distribution.Exponential(1), kind: ServiceKind.Acute)
            .Arrivals("emergency", "acute", ArrivalRate.Constant(RatePerDay.Of(total)))
            .Route("acute", [.. downstream.Select((d, j) => ($"d{j}", d.Lambda / total))]);
        for (int j = 0; j < downstream.Length; j++)
        {
            builder = builder.Service($"d{j}", downstream[j].Places, Distribution.Exponential(downstream[j].Stay), kind: ServiceKind.Other).Route($"d{j}", "home");
        }
        return builder.Build();
    }

    private static OptimiseSpec Spec((double Lambda, double Stay, int Places, decimal Cost)[] downstream, decimal[] budgets, int max = 3, int replications = 6) => new()
    {
        Levers = [.. downstream.Select((d, j) => new Lever($"more_d{j}", $"d{j}", 1, 0, max, Money.FromPounds(d.Cost), Commissioner.Pooled))],
        Budgets = [.. budgets.Select(Money.FromPounds)],
        Replications = replications,
    };

    private static readonly RunOptions Run = new() { Warmup = Days.Of(100), Horizon = Days.Of(730), Seed = 7 };

    // Erlang C: each service's delayed days a year, summed.
    private static double ExactDelayedDays((double Lambda, double Stay, int Places, decimal Cost)[] downstream, int[] added) =>
        downstream.Select((d, j) => d.Lambda * Queueing.MmcWait(d.Places + added[j], d.Lambda, 1 / d.Stay) * 365.25).Sum();

    private static int[] ExactOptimum((double Lambda, double Stay, int Places, decimal Cost)[] downstream, decimal budget, int max)
    {
        int[]? best = null;
        double bestDays = double.PositiveInfinity;
        foreach (var x in Enumerate(downstream.Length, max))
        {
            decimal cost = x.Select((a, j) => a * downstream[j].Cost).Sum();
            double days = ExactDelayedDays(downstream, x);
            if (cost <= budget && days < bestDays)
            {
                (best, bestDays) = (x, days);
            }
        }
        return best!;
    }

    private static IEnumerable<int[]> Enumerate(int levers, int max)
    {
        var x = new int[levers];
        while (true)
        {
            yield return (int[])x.Clone();
            int j = 0;
            while (j < levers && ++x[j] > max)
            {
                x[j++] = 0;
            }
            if (j == levers)
            {
                yield break;
            }
        }
    }

    [Fact]
    public void Finds_the_exact_optimal_allocation_for_each_budget_on_an_Erlang_C_network()
    {
        decimal[] budgets = [10_000, 20_000, 30_000];
        // Allocations within 100 delayed days a year of each other are alike (the optima here are 200+ apart).
        var spec = Spec(Downstream, budgets) with { Indifference = 100, MaxReplications = 200 };
        var result = Optimiser.Run(Blocked(Downstream), Run, spec, null, DecisionRules.Default);
        var exact = budgets.Select(b => ExactOptimum(Downstream, b, 3)).ToList();
        // Teeth: the budgets' optima differ, and the best is well clear of the second (so noise cannot decide it).
        Assert.Equal(3, exact.Select(x => string.Join(",", x)).Distinct().Count());
        for (int b = 0; b < budgets.Length; b++)
        {
            Assert.Equal(exact[b], result.Frontier[b].Allocation.Amounts);
            Assert.True(result.Frontier[b].Spend <= Money.FromPounds(budgets[b]));
            Assert.True(result.Frontier[b].IndistinguishableFrom.Count == 0, $"{budgets[b]}: {result.Frontier[b].Allocation} ~ {string.Join("; ", result.Frontier[b].IndistinguishableFrom)} after {result.Frontier[b].Replications}; start {result.StartDelayedDays.Mean}, avoided {result.Frontier[b].DelayedDaysAvoided}");
            // Delayed days avoided against the start: the exact difference inside a generous band (finite run, warm-up bias).
            double exactAvoided = ExactDelayedDays(Downstream, [0, 0, 0]) - ExactDelayedDays(Downstream, exact[b]);
            Assert.InRange(result.Frontier[b].DelayedDaysAvoided.Mean, 0.8 * exactAvoided, 1.2 * exactAvoided);
        }
    }

    [Fact]
    public void Two_allocations_alike_within_noise_are_reported_indistinguishable()
    {
        // Two identical services at the same price: one place in either avoids the same delayed days.
        (double, double, int, decimal)[] twins = [(1.5, 5, 8, 5_000), (1.5, 5, 8, 5_000)];
        var spec = Spec(twins, [5_000], max: 1, replications: 4) with { MaxReplications = 8 };
        var result = Optimiser.Run(Blocked(twins), Run with { Horizon = Days.Of(365) }, spec, null, DecisionRules.Default);
        var point = result.Frontier[0];
        var other = point.Allocation[0] == 1 ? new[] { 0, 1 } : new[] { 1, 0 };
        Assert.Equal(1, point.Allocation.Amounts.Sum());
        Assert.Contains(point.IndistinguishableFrom, a => a.Amounts.SequenceEqual(other));
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_whatever_the_thread_count()
    {
        var spec = Spec(Downstream, [10_000, 20_000], max: 2, replications: 3);
        var one = Optimiser.Run(Blocked(Downstream), Run with { MaxDegreeOfParallelism = 1, Horizon = Days.Of(365) }, spec, null, DecisionRules.Default);
        var four = Optimiser.Run(Blocked(Downstream), Run with { MaxDegreeOfParallelism = 4, Horizon = Days.Of(365) }, spec, null, DecisionRules.Default);
        Assert.Equal(one.Frontier.Select(f => f.Allocation.ToString()), four.Frontier.Select(f => f.Allocation.ToString()));
        Assert.Equal(one.Frontier.Select(f => f.DelayedDaysAvoided.Mean), four.Frontier.Select(f => f.DelayedDaysAvoided.Mean));
        Assert.Equal(one.Candidates, four.Candidates);
        Assert.Equal(one.Marginal.Select(m => m.DelayedDaysAvoidedPer1000Pounds?.Mean), four.Marginal.Select(m => m.DelayedDaysAvoidedPer1000Pounds?.Mean));
    }
}
