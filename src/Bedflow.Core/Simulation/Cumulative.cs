namespace Bedflow.Core.Simulation;

/// <summary>Draws from a table of cumulative probabilities (the last exactly 1), as the compiled network stores them.</summary>
internal static class Cumulative
{
    /// <summary>
    /// The position, from <paramref name="offset"/>, of the first of <paramref name="count"/>
    /// cumulative probabilities above <paramref name="u"/> (a uniform draw in [0, 1)); the last if none is.
    /// A linear search: tables are a handful of entries long.
    /// </summary>
    public static int Pick(double[] cumulative, int offset, int count, double u)
    {
        int last = offset + count - 1;
        int i = offset;
        while (i < last && u >= cumulative[i])
        {
            i++;
        }
        return i - offset;
    }
}
