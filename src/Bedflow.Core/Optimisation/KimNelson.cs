namespace Bedflow.Core.Optimisation;

/// <summary>
/// Ranking and selection among a few candidates by the fully sequential procedure of Kim and Nelson
/// (KN; S.-H. Kim and B. L. Nelson, "A fully sequential procedure for indifference-zone selection
/// in simulation", ACM TOMACS 11(3), 2001, 251–273), minimising, with common random numbers: the
/// variance of each pair's difference is taken from the first stage, and a candidate is dropped as
/// soon as its running mean exceeds another's by more than a triangular continuation region
/// that narrows as replications are added. With probability at least the stated confidence, the
/// one left is the best or within the indifference zone δ of it. Candidates still not told apart
/// when the replication limit is reached are reported together as indistinguishable.
/// </summary>
internal static class KimNelson
{
    /// <summary>The outcome: the chosen index, the others not told apart from it, the last dropped (the runner-up), and the replications used.</summary>
    public sealed record Outcome(int Best, IReadOnlyList<int> Indistinguishable, int? RunnerUp, int Replications);

    /// <summary>
    /// Selects among <paramref name="count"/> candidates; <paramref name="values"/>(i, r) returns candidate
    /// i's first r observations (more simulated on demand). Ties go to the lower index.
    /// </summary>
    public static Outcome Select(int count, Func<int, int, IReadOnlyList<double>> values, int firstStage, int maxReplications, double indifference, double confidence)
    {
        Preconditions.InRange(firstStage, 2, int.MaxValue, nameof(firstStage));
        if (count == 1)
        {
            return new Outcome(0, [], null, firstStage);
        }
        double alpha = 1 - confidence;
        int n0 = firstStage;
        // KN's constants: η = ½[(2α/(k−1))^(−2/(n0−1)) − 1], h² = 2η(n0 − 1).
        double eta = 0.5 * (Math.Pow(2 * alpha / (count - 1), -2.0 / (n0 - 1)) - 1);
        double h2 = 2 * eta * (n0 - 1);
        var data = new IReadOnlyList<double>[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = values(i, n0);
        }
        var s2 = new double[count, count];
        for (int i = 0; i < count; i++)
        {
            for (int l = i + 1; l < count; l++)
            {
                double mean = 0;
                for (int r = 0; r < n0; r++)
                {
                    mean += data[i][r] - data[l][r];
                }
                mean /= n0;
                double ss = 0;
                for (int r = 0; r < n0; r++)
                {
                    double d = data[i][r] - data[l][r] - mean;
                    ss += d * d;
                }
                s2[i, l] = s2[l, i] = ss / (n0 - 1);
            }
        }
        var alive = Enumerable.Range(0, count).ToList();
        var sums = new double[count];
        for (int i = 0; i < count; i++)
        {
            for (int r = 0; r < n0; r++)
            {
                sums[i] += data[i][r];
            }
        }
        int? runnerUp = null;
        int at = n0;
        while (true)
        {
            var dropped = new List<int>();
            foreach (int i in alive)
            {
                foreach (int l in alive)
                {
                    if (l == i)
                    {
                        continue;
                    }
                    double w = Math.Max(0, indifference / (2.0 * at) * ((h2 * s2[i, l] / (indifference * indifference)) - at));
                    if (sums[i] / at > (sums[l] / at) + w)
                    {
                        dropped.Add(i);
                        break;
                    }
                }
            }
            if (dropped.Count > 0)
            {
                // The runner-up: of those dropped last, the one with the least mean.
                runnerUp = dropped.OrderBy(i => sums[i]).ThenBy(i => i).First();
                alive.RemoveAll(dropped.Contains);
            }
            if (alive.Count <= 1 || at >= maxReplications || Settled(alive, s2, at, h2, indifference))
            {
                break;
            }
            at++;
            foreach (int i in alive)
            {
                if (data[i].Count < at)
                {
                    data[i] = values(i, Math.Min(maxReplications, Math.Max(at, 2 * data[i].Count)));
                }
                sums[i] += data[i][at - 1];
            }
        }
        int best = alive.OrderBy(i => sums[i]).ThenBy(i => i).First();
        return new Outcome(best, [.. alive.Where(i => i != best)], runnerUp, at);
    }

    // KN's natural end: every surviving pair's continuation region has shrunk to nothing (r ≥ h²S²/δ²),
    // so more replications can tell them apart no further; those left are alike (exact ties under common random numbers).
    private static bool Settled(List<int> alive, double[,] s2, int at, double h2, double indifference)
    {
        foreach (int i in alive)
        {
            foreach (int l in alive)
            {
                if (l != i && at < h2 * s2[i, l] / (indifference * indifference))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
