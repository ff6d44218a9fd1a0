using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Bedflow.Data.Register;

/// <summary>
/// NHS numbers: checked with their modulus-11 check digit, and turned into a keyed hash
/// (HMAC-SHA256) before anything is stored. The number itself is never stored, logged or exported.
/// </summary>
public static partial class NhsNumber
{
    /// <summary>The environment variable holding the register's HMAC key.</summary>
    public const string KeyVariable = "BEDFLOW_REGISTER_KEY";

    /// <summary>
    /// True when the text is ten digits (spaces allowed, as in "943 476 5919") whose check digit
    /// is right: weights 10 down to 2 on the first nine digits, check = 11 − (sum mod 11), 11 → 0,
    /// and 10 means the number is invalid.
    /// </summary>
    public static bool IsValid(string? text) => Normalise(text) is not null;

    /// <summary>The ten digits, or null when the text is not a valid NHS number.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null)
        {
            return null;
        }
        string digits = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        return check != 10 && check == digits[9] - '0' ? digits : null;
    }

    /// <summary>The keyed hash (lower-case hex HMAC-SHA256) of a valid NHS number.</summary>
    public static string Hash(string nhsNumber, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string digits = Normalise(nhsNumber) ?? throw new ArgumentException("not a valid NHS number.", nameof(nhsNumber));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(digits)));
    }

    /// <summary>The key from <see cref="KeyVariable"/>, or null with a message saying how to set one.</summary>
    public static (byte[]? Key, string? Error) KeyFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrEmpty(text))
        {
            return (null, $"the register stores NHS numbers only as a keyed hash, and no key is set: set {KeyVariable} to a secret of at least 32 characters kept by your information governance lead (e.g. export {KeyVariable}=$(openssl rand -hex 32)), and use the same key for every import into this register.");
        }
        if (text.Length < 32)
        {
            return (null, $"{KeyVariable} is too short ({text.Length} characters): use at least 32, e.g. $(openssl rand -hex 32).");
        }
        return (Encoding.UTF8.GetBytes(text), null);
    }

    /// <summary>A safe label for messages: only the last three digits.</summary>
    public static string Mask(string? text) =>
        text is { Length: >= 3 } t ? $"*******{t[^3..]}" : "***";

    /// <summary>
    /// The text with everything that looks like an NHS number masked, wherever it sits: ten digits
    /// in a row, or grouped 3-3-4 with spaces or hyphens ("943 476 5919", "943-476-5919"), valid
    /// check digit or not, inside a longer run of digits too (the whole run is masked). The one
    /// masking function for every value a message, a rejects file or an export echoes.
    /// </summary>
    public static string Redact(string? text)
    {
        if (text is null)
        {
            return "";
        }
        var matches = LooksLikeNumber().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        int copied = 0;
        foreach (Match m in matches)
        {
            int from = m.Index, to = m.Index + m.Length; // widen to the whole run of digits and single separators
            while (from > 0 && (char.IsAsciiDigit(text[from - 1]) || (from > 1 && text[from - 1] is ' ' or '-' && char.IsAsciiDigit(text[from - 2]))))
            {
                from--;
            }
            while (to < text.Length && (char.IsAsciiDigit(text[to]) || (to + 1 < text.Length && text[to] is ' ' or '-' && char.IsAsciiDigit(text[to + 1]))))
            {
                to++;
            }
            if (from < copied)
            {
                continue; // already masked as part of the previous run
            }
            result.Append(text, copied, from - copied).Append(Mask(new string([.. text[from..to].Where(char.IsAsciiDigit)])));
            copied = to;
        }
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>True when the text holds something <see cref="Redact"/> would mask.</summary>
    public static bool ContainsNumberLike(string? text) => text is not null && LooksLikeNumber().IsMatch(text);

    // Ten digits, grouped 3-3-4 by single spaces or hyphens or not at all. Non-backtracking: linear
    // time whatever a hostile cell holds.
    [GeneratedRegex(@"[0-9]{3}[ \-]?[0-9]{3}[ \-]?[0-9]{4}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LooksLikeNumber();
}
