namespace Bedflow.Data.Register;

/// <summary>
/// A problem with one line of an extract (line 1 is the header; 0 = the whole file). The column and
/// the message pass through <see cref="NhsNumber.Redact"/> as the problem is made, so no value a
/// problem echoes can carry an NHS number, whatever column it was typed into.
/// </summary>
public sealed record ImportProblem(string File, int Line, string Column, string Message)
{
    /// <summary>The column the problem is in, or "" (masked).</summary>
    public string Column { get; init; } = NhsNumber.Redact(Column);

    /// <summary>What is wrong (masked).</summary>
    public string Message { get; init; } = NhsNumber.Redact(Message);

    /// <summary>"file:line: column: message", or "file: message" for the whole file.</summary>
    public override string ToString() => $"{File}:{(Line > 0 ? $"{Line}:" : "")} {(Column.Length > 0 ? Column + ": " : "")}{Message}";
}
