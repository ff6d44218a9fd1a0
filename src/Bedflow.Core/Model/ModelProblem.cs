namespace Bedflow.Core.Model;

/// <summary>
/// One thing wrong with a model: where (a key path such as <c>services.acute.capacity</c>) and
/// what. User mistakes are data, not exceptions; the scenario loader adds file, line and column.
/// </summary>
public sealed record ModelProblem(string Path, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <inheritdoc/>
    public override string ToString() => Severity == ProblemSeverity.Warning ? $"{Path}: warning: {Message}" : $"{Path}: {Message}";
}

/// <summary>Whether a problem stops a run.</summary>
public enum ProblemSeverity
{
    /// <summary>The model cannot run.</summary>
    Error,
    /// <summary>The model runs, but a result may mislead (e.g. a warm-up too short).</summary>
    Warning,
}
