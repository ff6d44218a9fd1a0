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
        Assert.Equal(0, again.ReplicationsSimulated);
        Assert.Empty(more);
        Assert.Equal(first.ReplicationsSimulated, again.ReplicationsReused);
    }

    [Fact]
    public void A_search_stopped_part_way_resumes_to_the_same_answer()
    {
        var (first, records) = Search();
        // Stopped after a third of its records were written (a later record of one allocation holds more replications).
        var part = records.Take(records.Count / 3).ToList();
        var (resumed, more) = Search(part);
        Assert.Equal(Answer(first), Answer(resumed));
        Assert.True(resumed.ReplicationsSimulated > 0 && resumed.ReplicationsSimulated < first.ReplicationsSimulated);
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
        Assert.Equal(distinct, first.ReplicationsSimulated);
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
