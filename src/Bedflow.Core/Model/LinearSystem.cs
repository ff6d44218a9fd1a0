namespace Bedflow.Core.Model;

/// <summary>
/// A small dense linear solve by Gaussian elimination with partial pivoting, for the traffic
/// equations of a few dozen services (n³/3 operations; no library needed at this size).
/// </summary>
internal static class LinearSystem
{
    /// <summary>
    /// The inverse of the n×n matrix <paramref name="a"/> (row-major, left unchanged), by
    /// Gauss–Jordan elimination; null when it is singular to working precision.
    /// </summary>
    public static double[,]? Inverse(double[,] a)
    {
        int n = a.GetLength(0);
        var m = (double[,])a.Clone();
        var inv = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            inv[i, i] = 1;
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }
            // The matrices here are I − Pᵀ of a transient routing: diagonally dominant in columns, so a tiny pivot means a closed loop.
            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                return null;
            }
            Swap(m, pivot, col);
            Swap(inv, pivot, col);
            double d = m[col, col];
            for (int c = 0; c < n; c++)
            {
                m[col, c] /= d;
                inv[col, c] /= d;
            }
            for (int r = 0; r < n; r++)
            {
                double f = m[r, col];
                if (r == col || f == 0)
                {
                    continue;
                }
                for (int c = 0; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                    inv[r, c] -= f * inv[col, c];
                }
            }
        }
        return inv;
    }

    /// <summary>x = a⁻¹ b for a square <paramref name="a"/>; null when a is singular.</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var inv = Inverse(a);
        return inv is null ? null : Times(inv, b);
    }

    /// <summary>The product of an n×n matrix and a vector of n.</summary>
    public static double[] Times(double[,] a, double[] x)
    {
        int n = x.Length;
        var y = new double[n];
        for (int r = 0; r < n; r++)
        {
            double s = 0;
            for (int c = 0; c < n; c++)
            {
                s += a[r, c] * x[c];
            }
            y[r] = s;
        }
        return y;
    }

    private static void Swap(double[,] m, int r1, int r2)
    {
        if (r1 == r2)
        {
            return;
        }
        for (int c = 0; c < m.GetLength(1); c++)
        {
            (m[r1, c], m[r2, c]) = (m[r2, c], m[r1, c]);
        }
    }
}
