namespace Bedflow.Web.Runs;

/// <summary>A scenario as given: its bytes exactly, and the file name it came under (an upload's own name, cut to a plain name, or an example's path).</summary>
internal sealed record ScenarioText(byte[] Bytes, string FileName)
{
    /// <summary>The largest scenario accepted (the Oxfordshire example is about 20 KB).</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>An uploaded file's name as a plain file name: no folders, no control characters, no NHS number (masked), at most 100 characters; "scenario.yaml" when none is left.</summary>
    public static string Plain(string? name)
    {
        string plain = new([.. Path.GetFileName((name ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c))]);
        plain = Data.Register.NhsNumber.Redact(plain).Trim();
        return plain.Length == 0 ? "scenario.yaml" : plain.Length > 100 ? plain[..100] : plain;
    }
}
