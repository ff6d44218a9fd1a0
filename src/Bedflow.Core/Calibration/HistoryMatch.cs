using Bedflow.Core.Experiments;
using Bedflow.Core.Randomness;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Bedflow.Core.Calibration;

/// <summary>One candidate set of the unknown parameters, simulated and held against the published months.</summary>
/// <param name="Values">The parameters' values, in the order of the scenario's <c>calibrate:</c> section.</param>
/// <param name="Fit">How well its simulated months reproduce the published ones.</param>
/// <param name="Stage">How it was chosen: the start (the scenario's own values), the space-filling design, or the search.</param>
public sealed record Candidate(IReadOnlyList<double> Values, PublishedFit Fit, CandidateStage Stage);

/// <summary>How a candidate was chosen.</summary>
public enum CandidateStage
{
    /// <summary>The scenario's own values (clamped to the ranges).</summary>
    Start,

    /// <summary>A point of the Latin-hypercube design over the ranges.</summary>
    Design,

    /// <summary>A point the Nelder–Mead search tried.</summary>
    Search,
}

/// <summary>
/// Fits a scenario's unknown parameters to a council's published months by simulation: history
/// matching without an emulator, then a derivative-free search (docs/calibration.md, "Fitting to
/// the published months"). Immutable.
/// </summary>
/// <remarks>
/// <para>
/// Every candidate is simulated (the caller's <c>simulate</c>: the same seed for every candidate,
/// so candidates are compared on common random numbers and the surface is smooth in the
/// parameters as far as the engine allows). First the scenario's own values and a Latin-hypercube
/// design of <c>designPoints</c> over the ranges; then Nelder–Mead (MathNet), from the best of
/// those, minimising the <see cref="PublishedFit.Discrepancy"/> on a logistic transform of each
/// range (so every point tried lies inside it); then, with what budget is left, the best point's
/// neighbours along each parameter, until <c>maxEvaluations</c> in all.
/// </para>
/// <para>
/// The uncertainty step is history matching's: a candidate is ruled out when its implausibility
/// exceeds 3 (<see cref="PublishedFit.Plausible"/>), and a parameter's plausible range is the
/// range of its values among the candidates not ruled out. With no emulator between the points
/// simulated, the range is of the points tried — a lower bound on the region — and says so.
/// </para>
/// </remarks>
public sealed class HistoryMatch
{
    private HistoryMatch(IReadOnlyList<UnknownParameter> parameters, IReadOnlyList<Candidate> evaluated)
    {
        Parameters = parameters;
        Evaluated = evaluated;
        Best = evaluated.MinBy(c => c.Fit.Discrepancy)!;
        var plausible = evaluated.Where(c => c.Fit.Plausible).ToList();
        PlausibleRanges = [.. parameters.Select((_, j) => plausible.Count == 0 ? ((double, double)?)null : (plausible.Min(c => c.Values[j]), plausible.Max(c => c.Values[j])))];
    }

    /// <summary>The parameters fitted.</summary>
    public IReadOnlyList<UnknownParameter> Parameters { get; }

    /// <summary>Every candidate simulated, in order.</summary>
    public IReadOnlyList<Candidate> Evaluated { get; }

    /// <summary>The candidate of least discrepancy.</summary>
    public Candidate Best { get; }

    /// <summary>Each parameter's range among the plausible candidates; null for all when none is plausible (the scenario's structure cannot reach the published figures).</summary>
    public IReadOnlyList<(double Min, double Max)?> PlausibleRanges { get; }

    /// <summary>Runs the design and the search.</summary>
    /// <param name="parameters">The unknown parameters, with their ranges.</param>
    /// <param name="start">The scenario's own values (clamped to the ranges).</param>
    /// <param name="simulate">Simulates the scenario with the values given (one per parameter) and returns its months.</param>
    /// <param name="published">The published months to fit.</param>
    /// <param name="designPoints">Latin-hypercube points (at least 2).</param>
    /// <param name="maxEvaluations">Candidates in all, start and design included.</param>
    /// <param name="seed">The design's seed.</param>
    public static HistoryMatch Run(IReadOnlyList<UnknownParameter> parameters, IReadOnlyList<double> start,
        Func<IReadOnlyList<double>, IReadOnlyList<MonthlyDelays>> simulate, IReadOnlyList<MonthlyDelays> published,
        int designPoints, int maxEvaluations, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(simulate);
        ArgumentNullException.ThrowIfNull(published);
        if (parameters.Count == 0 || start.Count != parameters.Count)
        {
            throw new ArgumentException("give at least one parameter, and a start value for each.", nameof(parameters));
        }
        Preconditions.InRange(designPoints, 2, 10_000, nameof(designPoints));
        Preconditions.InRange(maxEvaluations, designPoints + 1, 100_000, nameof(maxEvaluations));
        int d = parameters.Count;
        var evaluated = new List<Candidate>();
        var seen = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        Candidate Evaluate(double[] values, CandidateStage stage)
        {
            // Whole parameters round: the search may ask for a point it has already simulated.
            string key = string.Join(",", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (seen.TryGetValue(key, out var known))
            {
                return known;
            }
            var candidate = new Candidate(values, PublishedFit.Of(simulate(values), published), stage);
            seen[key] = candidate;
            evaluated.Add(candidate);
            return candidate;
        }
        Evaluate([.. parameters.Select((p, j) => p.At((Math.Clamp(start[j], p.Min, p.Max) - p.Min) / (p.Max - p.Min)))], CandidateStage.Start);
        foreach (var point in LatinHypercube(designPoints, d, seed))
        {
            Evaluate([.. parameters.Select((p, j) => p.At(point[j]))], CandidateStage.Design);
        }
        var best = evaluated.MinBy(c => c.Fit.Discrepancy)!;
        double[] z0 = [.. parameters.Select((p, j) => Logit((best.Values[j] - p.Min) / (p.Max - p.Min)))];
        double Objective(Vector<double> z)
        {
            if (evaluated.Count >= maxEvaluations)
            {
                return double.MaxValue; // out of evaluations: the search stops here
            }
            return Evaluate([.. parameters.Select((p, j) => p.At(Logistic(z[j])))], CandidateStage.Search).Fit.Discrepancy;
        }
        try
        {
            new NelderMeadSimplex(1e-6, maxEvaluations).FindMinimum(ObjectiveFunction.Value(Objective),
                Vector<double>.Build.DenseOfArray(z0), Vector<double>.Build.Dense(d, 0.5));
        }
        catch (MaximumIterationsException)
        {
            // The budget of evaluations is the stopping rule; the best point so far stands.
        }
        // What budget is left goes to the best point's neighbours, one parameter at a time (a whole
        // parameter ±1, ±2, …; another ±2.5%, ±5%, … of its range): where Nelder–Mead stalls on a
        // whole number, and to map the plausible range around the best.
        for (int step = 1; evaluated.Count < maxEvaluations && step <= 8; step++)
        {
            var around = evaluated.MinBy(c => c.Fit.Discrepancy)!;
            int tried = 0;
            for (int j = 0; j < d && evaluated.Count < maxEvaluations; j++)
            {
                var p = parameters[j];
                double delta = p.Whole ? step : 0.025 * step * (p.Max - p.Min);
                foreach (double v in new[] { around.Values[j] - delta, around.Values[j] + delta })
                {
                    if (v >= p.Min && v <= p.Max && evaluated.Count < maxEvaluations)
                    {
                        tried++;
                        double[] values = [.. around.Values];
                        values[j] = p.Whole ? Math.Round(v) : v;
                        Evaluate(values, CandidateStage.Search);
                    }
                }
            }
            if (tried == 0)
            {
                break; // every neighbour at this distance is outside the ranges
            }
        }
        return new HistoryMatch(parameters, evaluated);
    }

    /// <summary><paramref name="n"/> points in the unit cube of <paramref name="d"/> dimensions, one in each of n strata of every axis.</summary>
    internal static IReadOnlyList<double[]> LatinHypercube(int n, int d, ulong seed)
    {
        var points = Enumerable.Range(0, n).Select(_ => new double[d]).ToArray();
        for (int j = 0; j < d; j++)
        {
            var random = RandomStreams.ForResampling(seed, j, 0x1A7);
            int[] order = [.. Enumerable.Range(0, n)];
            for (int i = n - 1; i > 0; i--)
            {
                int k = random.NextInt(i + 1);
                (order[i], order[k]) = (order[k], order[i]);
            }
            for (int i = 0; i < n; i++)
            {
                points[i][j] = (order[i] + random.NextDouble()) / n;
            }
        }
        return points;
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    private static double Logit(double p)
    {
        double q = Math.Clamp(p, 1e-4, 1 - 1e-4);
        return Math.Log(q / (1 - q));
    }
}
