namespace Bedflow.Data.Scenarios;

/// <summary>
/// One thing wrong with a scenario file: where (file, line, column — 1-based — and the key
/// path) and what. Line and column 0 mean the file as a whole (it does not exist, cannot be
/// read). Immutable.
/// </summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message, bool IsWarning = false)
{
    /// <summary>"file:line:column: path: message", the form editors and terminals link; "file: message" for the file as a whole.</summary>
    public override string ToString() =>
        $"{File}:{(Line > 0 ? $"{Line}:{Math.Max(Column, 1)}: " : " ")}{(IsWarning ? "warning: " : "")}{(Path.Length == 0 ? "" : Path + ": ")}{Message}";
}
