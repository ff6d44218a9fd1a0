using System.Security.Cryptography;

namespace Bedflow.Data.Audit;

/// <summary>
/// The SHA-256 of some content, as 64 lower-case hex digits. It can only be made by hashing
/// (<see cref="Of"/>), never from text, so no one can type a value into it: that is why the audit log
/// keeps it whole (<see cref="AuditLog.WriteAsync(string, string, string, Sha256Digest, CancellationToken)"/>)
/// while it masks every digit run of ten or more in the rest of a detail — which a hex digest often
/// holds (its digits and its "e", which the masking takes for an exponent, run together).
/// </summary>
public sealed class Sha256Digest
{
    private Sha256Digest(string hex) => Hex = hex;

    /// <summary>The digest: 64 lower-case hex digits, as `sha256sum` prints it.</summary>
    public string Hex { get; }

    /// <summary>The SHA-256 of <paramref name="content"/>.</summary>
    public static Sha256Digest Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <inheritdoc/>
    public override string ToString() => Hex;
}
