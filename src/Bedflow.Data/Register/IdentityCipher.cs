using System.Security.Cryptography;
using System.Text;

namespace Bedflow.Data.Register;

/// <summary>
/// Encrypts a patient's identifiers at rest (the NHS number, a local hospital number) with AES-256-GCM
/// under a key from the environment (<see cref="KeyVariable"/>: 32 bytes in base64). Each value has
/// its own random 96-bit nonce and is bound to what it identifies (associated data: the column and the
/// patient's keyed hash), so a value copied to another row or column fails to decrypt. Stored as
/// "v1:" and base64 of nonce, ciphertext and tag. Thread-safe.
/// </summary>
public sealed class IdentityCipher
{
    /// <summary>The environment variable holding the key: 32 random bytes in base64 (openssl rand -base64 32).</summary>
    public const string KeyVariable = "BEDFLOW_REGISTER_ENCRYPTION_KEY";

    private const string Version = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    private IdentityCipher(byte[] key)
    {
        _key = key;
        Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(key, "bedflow-encryption-key-check"u8));
    }

    /// <summary>A keyed fingerprint of the key (never the key): the register remembers it and refuses another key.</summary>
    public string Fingerprint { get; }

    /// <summary>A cipher under a 32-byte key.</summary>
    public static IdentityCipher FromKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("the key must be 32 bytes (AES-256).", nameof(key));
        }
        return new([.. key]);
    }

    /// <summary>
    /// The cipher under <see cref="KeyVariable"/>; (null, null) when it is not set; (null, why) when it
    /// is set but is not 32 bytes in base64.
    /// </summary>
    public static (IdentityCipher? Cipher, string? Problem) FromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return (null, $"{KeyVariable} is not base64: set it to 32 random bytes in base64, e.g. export {KeyVariable}=$(openssl rand -base64 32).");
        }
        return key.Length == 32
            ? (new IdentityCipher(key), null)
            : (null, $"{KeyVariable} holds {key.Length} bytes, not 32: set it to 32 random bytes in base64, e.g. export {KeyVariable}=$(openssl rand -base64 32).");
    }

    /// <summary>What to say when the key is needed but not set.</summary>
    public static string Missing => $"{KeyVariable} is not set: the register keeps NHS numbers encrypted under that key; set it to the register's key (32 random bytes in base64, kept by your information governance lead).";

    /// <summary>The value encrypted, bound to <paramref name="context"/> (what it identifies and where it is stored).</summary>
    public string Seal(string value, string context)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] plain = Encoding.UTF8.GetBytes(value);
        byte[] sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(context));
        return Version + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The value <see cref="Seal"/> encrypted, or null when it was sealed under another key, for another context, or was altered.</summary>
    public string? Open(string? sealedText, string context)
    {
        if (sealedText is null || !sealedText.StartsWith(Version, StringComparison.Ordinal))
        {
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(sealedText[Version.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length < NonceSize + TagSize)
        {
            return null;
        }
        int length = bytes.Length - NonceSize - TagSize;
        byte[] plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, length), bytes.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }
}
