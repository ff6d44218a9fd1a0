namespace Bedflow.Data.Scenarios;

/// <summary>
/// One thing wrong with a scenario file: where (file, line, column — 1-based — and the key
/// path) and what. Line and column 0 mean the file as a whole (it does not exist, cannot be
/// read). Immutable.
/// </summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message, bool IsWarning = false)
{
    /// <summary>The key path, anything in it that looks like an NHS number masked (as every message is).</summary>
    public string Path { get; init; } = Register.NhsNumber.RedactMessage(Path);

    /// <summary>What is wrong, in words; anything in it that looks like an NHS number masked, whatever the reader echoed.</summary>
    public string Message { get; init; } = Register.NhsNumber.RedactMessage(Message);

    /// <summary>"file:line:column: path: message", the form editors and terminals link; "file: message" for the file as a whole.</summary>
    public override string ToString() =>
        $"{File}:{(Line > 0 ? $"{Line}:{Math.Max(Column, 1)}: " : " ")}{(IsWarning ? "warning: " : "")}{(Path.Length == 0 ? "" : Path + ": ")}{Message}";
}
