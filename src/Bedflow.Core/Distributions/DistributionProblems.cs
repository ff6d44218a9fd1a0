namespace Bedflow.Core.Distributions;

/// <summary>
/// The checks of each family's parameters, as data: every problem with the values given, empty
/// when <see cref="Distribution"/>'s factory of the same name will accept them. The factories run
/// these same checks and throw on the first problem (a programming error in code that passes
/// unchecked values); a reader of user input calls these first and never needs to catch.
/// </summary>
public static class DistributionProblems
{
    /// <summary>Problems with <see cref="Distribution.Exponential"/>'s mean.</summary>
    public static IReadOnlyList<DistributionProblem> Exponential(double mean) =>
        [.. Positive(mean, DistributionParameter.Mean, "mean")];

    /// <summary>Problems with <see cref="Distribution.Deterministic"/>'s value.</summary>
    public static IReadOnlyList<DistributionProblem> Deterministic(double value) =>
        [.. NonNegative(value, DistributionParameter.Value, "value")];

    /// <summary>Problems with <see cref="Distribution.Uniform"/>'s bounds.</summary>
    public static IReadOnlyList<DistributionProblem> Uniform(double min, double max)
    {
        List<DistributionProblem> problems = [.. NonNegative(min, DistributionParameter.Min, "min"), .. Finite(max, DistributionParameter.Max, "max")];
        if (problems.Count == 0 && !(max >= min))
        {
            problems.Add(new(DistributionParameter.Max, null, $"max must be at least min ({Preconditions.Show(min)}), but was {Preconditions.Show(max)}."));
        }
        return problems;
    }

    /// <summary>Problems with <see cref="Distribution.Triangular"/>'s bounds and mode.</summary>
    public static IReadOnlyList<DistributionProblem> Triangular(double min, double mode, double max)
    {
        List<DistributionProblem> problems =
            [.. NonNegative(min, DistributionParameter.Min, "min"), .. Finite(mode, DistributionParameter.Mode, "mode"), .. Finite(max, DistributionParameter.Max, "max")];
        if (problems.Count > 0)
        {
            return problems;
        }
        if (!(min <= mode && mode <= max))
        {
            problems.Add(new(DistributionParameter.Mode, null,
                $"triangular needs min ≤ mode ≤ max, but got min {Preconditions.Show(min)}, mode {Preconditions.Show(mode)}, max {Preconditions.Show(max)}."));
        }
        else if (!(max > min))
        {
            problems.Add(new(DistributionParameter.Max, null, $"triangular needs max greater than min, but both were {Preconditions.Show(min)}."));
        }
        return problems;
    }

    /// <summary>Problems with <see cref="Distribution.LogNormal"/>'s mean and standard deviation.</summary>
    public static IReadOnlyList<DistributionProblem> LogNormal(double mean, double standardDeviation) =>
        [.. Positive(mean, DistributionParameter.Mean, "mean"), .. Positive(standardDeviation, DistributionParameter.StandardDeviation, "standard deviation")];

    /// <summary>Problems with <see cref="Distribution.Gamma"/>'s shape and scale.</summary>
    public static IReadOnlyList<DistributionProblem> Gamma(double shape, double scale) =>
        [.. Positive(shape, DistributionParameter.Shape, "shape"), .. Positive(scale, DistributionParameter.Scale, "scale")];

    /// <summary>Problems with <see cref="Distribution.Weibull"/>'s shape and scale.</summary>
    public static IReadOnlyList<DistributionProblem> Weibull(double shape, double scale) => Gamma(shape, scale);

    /// <summary>Problems with <see cref="Distribution.Erlang"/>'s phases and mean.</summary>
    public static IReadOnlyList<DistributionProblem> Erlang(int phases, double mean)
    {
        List<DistributionProblem> problems = phases < 1 ? [new(DistributionParameter.Phases, null, $"the number of phases must be at least 1, but was {phases}.")] : [];
        problems.AddRange(Positive(mean, DistributionParameter.Mean, "mean"));
        return problems;
    }

    /// <summary>Problems with <see cref="Distribution.Empirical"/>'s observed values (each by position).</summary>
    public static IReadOnlyList<DistributionProblem> Empirical(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [new(DistributionParameter.Values, null, "empirical needs at least one observed value, but none were given.")];
        }
        var problems = new List<DistributionProblem>();
        for (int i = 0; i < values.Count; i++)
        {
            if (!(double.IsFinite(values[i]) && values[i] >= 0))
            {
                problems.Add(new(DistributionParameter.Values, i, $"empirical values must be finite and at least 0, but value {i + 1} was {Preconditions.Show(values[i])}."));
            }
        }
        return problems;
    }

    /// <summary>Problems with <see cref="Distribution.Mixture"/>'s weights (each by position); its components are distributions already checked.</summary>
    public static IReadOnlyList<DistributionProblem> Mixture(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            return [new(DistributionParameter.Parts, null, "a mixture needs at least one component.")];
        }
        var problems = new List<DistributionProblem>();
        for (int i = 0; i < weights.Count; i++)
        {
            if (!(double.IsFinite(weights[i]) && weights[i] > 0))
            {
                problems.Add(new(DistributionParameter.Weight, i, $"mixture weights must be greater than 0, but weight {i + 1} was {Preconditions.Show(weights[i])}."));
            }
        }
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> for the first problem, naming the factory's argument: for code that passes unchecked values.</summary>
    internal static void ThrowIfAny(IReadOnlyList<DistributionProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0].Message, Argument(problems[0].Parameter));
        }
    }

    // The factories' argument names, for the exception's ParamName.
    private static string Argument(DistributionParameter p) => p switch
    {
        DistributionParameter.Parts or DistributionParameter.Weight or DistributionParameter.Component => "parts",
        _ => char.ToLowerInvariant(p.ToString()[0]) + p.ToString()[1..],
    };

    private static IEnumerable<DistributionProblem> Positive(double value, DistributionParameter p, string what)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            yield return new(p, null, $"{what} must be a finite number greater than 0, but was {Preconditions.Show(value)}.");
        }
    }

    private static IEnumerable<DistributionProblem> NonNegative(double value, DistributionParameter p, string what)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            yield return new(p, null, $"{what} must be a finite number of at least 0, but was {Preconditions.Show(value)}.");
        }
    }

    private static IEnumerable<DistributionProblem> Finite(double value, DistributionParameter p, string what)
    {
        if (!double.IsFinite(value))
        {
            yield return new(p, null, $"{what} must be a finite number, but was {Preconditions.Show(value)}.");
        }
    }
}
