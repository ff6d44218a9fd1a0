using Bedflow.Core.Distributions;

namespace Bedflow.Core.Model;

/// <summary>
/// One thing wrong with a model: where (a typed <see cref="ModelPath"/> such as
/// <c>services[acute].capacity</c>) and what. User mistakes are data, not exceptions; a reader
/// that knows where each part of the model came from (the scenario loader) maps the path to its
/// file, line and column. Immutable.
/// </summary>
public sealed record ModelProblem(ModelPath Path, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>A problem with the parameters of the distribution at <paramref name="distribution"/> (e.g. <c>services[acute].lengthOfStay</c>), at the parameter's path.</summary>
    public static ModelProblem Of(ModelPath distribution, DistributionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(problem);
        return new(distribution.Parameter(problem.Parameter, problem.Index), problem.Message);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string at = Path == ModelPath.Root ? "" : $"{Path}: ";
        return Severity == ProblemSeverity.Warning ? $"{at}warning: {Message}" : $"{at}{Message}";
    }
}

/// <summary>Whether a problem stops a run.</summary>
public enum ProblemSeverity
{
    /// <summary>The model cannot run.</summary>
    Error,
    /// <summary>The model runs, but a result may mislead (e.g. a warm-up too short).</summary>
    Warning,
}
