namespace Bedflow.Data.Scenarios;

/// <summary>
/// One thing wrong with a scenario file: where (file, line, column — 1-based — and the key
/// path) and what. Immutable.
/// </summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message, bool IsWarning = false)
{
    /// <summary>"file:line:column: path: message", the form editors and terminals link.</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsWarning ? "warning: " : "")}{(Path.Length == 0 ? "" : Path + ": ")}{Message}";
}
