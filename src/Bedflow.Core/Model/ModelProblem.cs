namespace Bedflow.Core.Model;

/// <summary>
/// One thing wrong with a model: where (a key path such as <c>services.acute.capacity</c>) and
/// what. User mistakes are data, not exceptions; the scenario loader adds file, line and column.
/// </summary>
public sealed record ModelProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
