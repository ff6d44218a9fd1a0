using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Maximises a family's censored log-likelihood over θ (the logarithms of its parameters) and
/// measures its curvature there. Nelder–Mead (MathNet's <see cref="NelderMeadSimplex"/>) finds the
/// peak from the moment start without derivatives; Newton steps on a central-difference gradient
/// and Hessian then settle it to the last digits, which Nelder–Mead's stopping rule (a relative
/// change in the likelihood) does not reach when the likelihood is large. Stateless.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>Step on the log-parameter scale for the finite differences: a relative change of 0.01% in each parameter.</summary>
    private const double Step = 1e-4;

    // A trial θ where the likelihood cannot be evaluated (overflow) is a very poor point, not a failure.
    private const double Penalty = 1e300;

    /// <summary>
    /// The maximising θ, or null when the search does not converge. With <paramref name="nearby"/>
    /// (a start already close, as a bootstrap replicate's refit from the data's estimate) Newton
    /// steps are tried first and Nelder–Mead only if they do not settle.
    /// </summary>
    public static double[]? Maximise(FamilyModel model, StaySample sample, double[] start, bool nearby = false)
    {
        if (model.ClosedForm(sample) is { } exact)
        {
            return exact;
        }
        if (nearby && Newton(model, sample, start) is { Converged: true } quick)
        {
            return quick.Theta;
        }
        double Objective(Vector<double> v)
        {
            double l = model.LogLikelihood(v.AsArray() ?? v.ToArray(), sample);
            return double.IsFinite(l) ? -l : Penalty;
        }
        double[] theta;
        try
        {
            var result = new NelderMeadSimplex(1e-10, 5_000).FindMinimum(
                ObjectiveFunction.Value(Objective), Vector<double>.Build.DenseOfArray(start), Vector<double>.Build.Dense(start.Length, 0.2));
            theta = result.MinimizingPoint.ToArray();
        }
        catch (MaximumIterationsException)
        {
            return null;
        }
        var (polished, _) = Newton(model, sample, theta);
        return polished.All(double.IsFinite) && double.IsFinite(model.LogLikelihood(polished, sample)) ? polished : null;
    }

    /// <summary>
    /// Newton ascent θ + (−H)⁻¹ g, each step halved until the likelihood does not fall; converged
    /// when the Newton decrement gᵀ(−H)⁻¹g (twice the gain a full step expects) is below 1e-9.
    /// </summary>
    private static (double[] Theta, bool Converged) Newton(FamilyModel model, StaySample sample, double[] theta)
    {
        double current = model.LogLikelihood(theta, sample);
        if (!double.IsFinite(current))
        {
            return (theta, false);
        }
        for (int iteration = 0; iteration < 30; iteration++)
        {
            var (gradient, hessian) = Derivatives(model, sample, theta);
            if (Information(hessian) is not { } covariance)
            {
                return (theta, false);
            }
            var step = new double[theta.Length];
            double decrement = 0;
            for (int i = 0; i < theta.Length; i++)
            {
                for (int j = 0; j < theta.Length; j++)
                {
                    step[i] += covariance[i, j] * gradient[j];
                }
                decrement += step[i] * gradient[i];
            }
            if (decrement < 1e-9)
            {
                return (theta, true);
            }
            bool moved = false;
            for (double scale = 1; scale > 1e-3; scale /= 2)
            {
                var trial = new double[theta.Length];
                for (int i = 0; i < theta.Length; i++)
                {
                    trial[i] = theta[i] + (scale * step[i]);
                }
                double value = model.LogLikelihood(trial, sample);
                if (value >= current)
                {
                    theta = trial;
                    current = value;
                    moved = true;
                    break;
                }
            }
            if (!moved)
            {
                // No step gains: as high as the differences can tell when the decrement is already small.
                return (theta, decrement < 1e-6);
            }
        }
        return (theta, false);
    }

    /// <summary>The gradient and Hessian of the log-likelihood at θ by central differences.</summary>
    public static (double[] Gradient, double[,] Hessian) Derivatives(FamilyModel model, StaySample sample, double[] theta)
    {
        int k = theta.Length;
        double h = Step;
        double L(int i, double di, int j, double dj)
        {
            var t = (double[])theta.Clone();
            t[i] += di;
            t[j] += dj;
            return model.LogLikelihood(t, sample);
        }
        double centre = model.LogLikelihood(theta, sample);
        var gradient = new double[k];
        var hessian = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            double plus = L(i, h, i, 0), minus = L(i, -h, i, 0);
            gradient[i] = (plus - minus) / (2 * h);
            hessian[i, i] = (plus - (2 * centre) + minus) / (h * h);
            for (int j = 0; j < i; j++)
            {
                double cross = (L(i, h, j, h) - L(i, h, j, -h) - L(i, -h, j, h) + L(i, -h, j, -h)) / (4 * h * h);
                hessian[i, j] = cross;
                hessian[j, i] = cross;
            }
        }
        return (gradient, hessian);
    }

    /// <summary>
    /// The inverse of the observed information −H (the asymptotic covariance of θ̂), or null when
    /// −H is not positive definite (not a maximum, or a flat likelihood). One or two parameters.
    /// </summary>
    public static double[,]? Information(double[,] hessian)
    {
        int k = hessian.GetLength(0);
        if (k == 1)
        {
            double a = -hessian[0, 0];
            return a > 0 && double.IsFinite(a) ? new double[,] { { 1 / a } } : null;
        }
        Preconditions.Check(k == 2, nameof(hessian), $"families here have one or two parameters, not {k}.");
        double p = -hessian[0, 0], q = -hessian[0, 1], r = -hessian[1, 1];
        double det = (p * r) - (q * q);
        if (!(p > 0 && det > 0 && double.IsFinite(det)))
        {
            return null;
        }
        return new double[,] { { r / det, -q / det }, { -q / det, p / det } };
    }
}
