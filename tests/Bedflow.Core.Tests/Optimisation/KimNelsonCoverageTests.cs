using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Bedflow.Core.Tests.Optimisation;

/// <summary>
/// The selection's guarantee, checked by its coverage: on normal systems whose means are known, in
/// the least favourable configuration for an indifference zone δ (the best δ below all the others),
/// Kim and Nelson's procedure picks the best at least as often as the confidence it is given — and
/// with common random numbers (positively correlated systems) as well. Each macro-replication draws
/// fresh observations from its own seed; the count of correct selections must not be significantly
/// below the confidence.
/// </summary>
public class KimNelsonCoverageTests
{
    private static double CorrectSelections(int systems, double delta, double correlation, int macro, double confidence, int seed)
    {
        int correct = 0;
        for (int m = 0; m < macro; m++)
        {
            var rng = new Xoshiro256StarStar(seed * 100_000 + m);
            var data = Enumerable.Range(0, systems).Select(_ => new List<double>()).ToArray();
            // The best (system 0) has mean 0, every other δ; a shared term gives the correlation common random numbers bring.
            IReadOnlyList<double> Values(int i, int r)
            {
                while (data[0].Count < r)
                {
                    double common = Normal.Sample(rng, 0, 1);
                    for (int j = 0; j < systems; j++)
                    {
                        double own = Normal.Sample(rng, 0, 1);
                        data[j].Add((j == 0 ? 0 : delta) + (Math.Sqrt(correlation) * common) + (Math.Sqrt(1 - correlation) * own));
                    }
                }
                return data[i].Take(r).ToList();
            }
            var outcome = Core.Optimisation.KimNelson.Select(systems, Values, firstStage: 10, maxReplications: 100_000, delta, confidence);
            if (outcome.Best == 0)
            {
                correct++;
            }
        }
        return (double)correct / macro;
    }

    [Theory]
    [InlineData(5, 0.0)]
    [InlineData(5, 0.6)]
    [InlineData(2, 0.0)]
    public void Picks_the_best_in_the_least_favourable_configuration_at_least_as_often_as_its_confidence(int systems, double correlation)
    {
        const int macro = 400;
        double pcs = CorrectSelections(systems, delta: 0.5, correlation, macro, confidence: 0.95, seed: systems + (int)(correlation * 10));
        // One-sided: 0.95 less two standard errors of a proportion at 400 macro-replications (0.011).
        Assert.True(pcs >= 0.95 - (2 * Math.Sqrt(0.95 * 0.05 / macro)), $"correct selection {pcs:P1} at 95% confidence");
    }

    [Fact]
    public void A_lower_confidence_gives_fewer_correct_selections_so_the_test_can_see_the_difference()
    {
        // Teeth: at 60% confidence the same problem is got wrong far more often than at 95%.
        double low = CorrectSelections(5, 0.5, 0.0, 300, confidence: 0.6, seed: 77);
        double high = CorrectSelections(5, 0.5, 0.0, 300, confidence: 0.95, seed: 77);
        Assert.True(low < high - 0.05, $"60%: {low:P1}, 95%: {high:P1}");
        Assert.True(low < 0.95 - (2 * Math.Sqrt(0.95 * 0.05 / 300)), $"60%: {low:P1}");
    }
}

/// <summary>The selection's natural end: candidates alike to the last digit (common random numbers, a lever that changes nothing) stop it early.</summary>
public class KimNelsonEndTests
{
    [Fact]
    public void Identical_candidates_end_the_selection_long_before_the_replication_limit()
    {
        var rng = new Xoshiro256StarStar(5);
        var shared = new List<double>();
        IReadOnlyList<double> Values(int i, int r)
        {
            while (shared.Count < r)
            {
                shared.Add(Normal.Sample(rng, 100, 10));
            }
            return shared.Take(r).ToList();
        }
        var outcome = Core.Optimisation.KimNelson.Select(3, Values, firstStage: 5, maxReplications: 1_000, indifference: 1, confidence: 0.95);
        Assert.True(outcome.Replications < 50, $"{outcome.Replications} replications");
        Assert.Equal(0, outcome.Best);
        Assert.Equal([1, 2], outcome.Indistinguishable);
    }
}
