namespace Bedflow.Data.Scenarios;

/// <summary>
/// One thing wrong with a scenario file: where (file, line, column — 1-based — and the key
/// path) and what. Line and column 0 mean the file as a whole (it does not exist, cannot be
/// read). Immutable.
/// </summary>
public sealed partial record ScenarioProblem(string File, int Line, int Column, string Path, string Message, bool IsWarning = false)
{
    /// <summary>The key path, anything in it that looks like an NHS number masked (as every message is).</summary>
    public string Path { get; init; } = Masked(Path);

    /// <summary>What is wrong, in words; anything in it that looks like an NHS number masked, whatever the reader echoed.</summary>
    public string Message { get; init; } = Masked(Message);

    // Ten digits or more however grouped, touching letters or not ("'9434765919x' is not a whole number"), and a valid
    // NHS number echoed back as a number with thousands commas ("9,434,765,919 a day"; "2,000,000,000" fails the
    // modulus-11 check and is kept): a scenario's messages quote what was typed.
    private static string Masked(string text) => Register.NhsNumber.Redact(Grouped().Replace(text ?? "", m => IsNhsNumber(m.Value) ? Register.NhsNumber.Redact(m.Value.Replace(",", "", StringComparison.Ordinal)) : m.Value));

    /// <summary>Whether a number written with thousands commas is a valid NHS number (ten digits, modulus 11).</summary>
    internal static bool IsNhsNumber(string grouped) => Register.NhsNumber.Normalise(grouped.Replace(",", "", StringComparison.Ordinal)) is not null;

    /// <summary>Ten digits or more written with thousands commas ("9,434,765,919").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9,])[0-9]{1,3}(?:,[0-9]{3}){3,}(?![0-9])")]
    internal static partial System.Text.RegularExpressions.Regex Grouped();

    /// <summary>"file:line:column: path: message", the form editors and terminals link; "file: message" for the file as a whole.</summary>
    public override string ToString() =>
        $"{File}:{(Line > 0 ? $"{Line}:{Math.Max(Column, 1)}: " : " ")}{(IsWarning ? "warning: " : "")}{(Path.Length == 0 ? "" : Path + ": ")}{Message}";
}
