namespace Bedflow.Core.Statistics;

/// <summary>
/// The MSER-5 warm-up rule (White 1997; White, Cobb and Spratt 2000): batch the series in
/// fives, and truncate the d batches that minimise the marginal standard error of the rest,
/// MSER(d) = Σ_{i>d} (Z_i − Z̄_d)² / (k − d)², searching d over the first half.
/// </summary>
public static class Mser
{
    /// <summary>Batch size of MSER-5.</summary>
    public const int BatchSize = 5;

    /// <summary>
    /// How many leading observations to discard, a multiple of 5; 0 for a series too short to
    /// judge (fewer than 10 batches).
    /// </summary>
    public static int Truncation(IReadOnlyList<double> series)
    {
        int k = series.Count / BatchSize;
        if (k < 10)
        {
            return 0;
        }
        var z = new double[k];
        for (int i = 0; i < k; i++)
        {
            double sum = 0;
            for (int j = 0; j < BatchSize; j++)
            {
                sum += series[(i * BatchSize) + j];
            }
            z[i] = sum / BatchSize;
        }
        // Suffix sums make every MSER(d) O(1).
        var sum1 = new double[k + 1];
        var sum2 = new double[k + 1];
        for (int i = k - 1; i >= 0; i--)
        {
            sum1[i] = sum1[i + 1] + z[i];
            sum2[i] = sum2[i + 1] + (z[i] * z[i]);
        }
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int d = 0; d <= k / 2; d++)
        {
            int m = k - d;
            double mean = sum1[d] / m;
            double ss = Math.Max(0, sum2[d] - (m * mean * mean));
            double value = ss / ((double)m * m);
            if (value < bestValue - 1e-12)
            {
                bestValue = value;
                best = d;
            }
        }
        return best * BatchSize;
    }
}
