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
        // Spaces of any kind (a non-breaking space pasted from a letter) and dashes may group the digits;
        // a leading apostrophe is how Excel marks a number kept as text.
        string digits = new([.. text.TrimStart('\'').Where(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.DashPunctuation)]);
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
    /// The text with everything that looks like an NHS number masked, wherever it sits: a run of
    /// ten or more digits (any script's digits), however they are grouped — by spaces, tabs,
    /// non-breaking spaces, dashes, dots, slashes, underscores, brackets or line breaks, up to three
    /// such characters between digits ("943 476 5919", "943.476.5919", "(943) 476 5919",
    /// "9.434765919E+09"). Dates and times written yyyy-mm-dd hh:mm(:ss) are not numbers and are
    /// kept. The one masking function for every value a message, a rejects file or an export echoes.
    /// </summary>
    public static string Redact(string? text) => Masked(text, standaloneOnly: false);

    /// <summary>
    /// As <see cref="Redact"/>, for a command's messages: only a run that stands apart — not
    /// touching a letter or a digit on either side, as a value typed into an option, a code or a
    /// file name does — so a file name's random part (a GUID's "…b5264414421a…") stays readable.
    /// </summary>
    public static string RedactMessage(string? text) => Masked(text, standaloneOnly: true);

    private static string Masked(string? text, bool standaloneOnly)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        StringBuilder? result = null;
        int copied = 0;
        foreach (var (start, end, last3) in NumberRuns(text))
        {
            if (standaloneOnly && ((start > 0 && char.IsLetterOrDigit(text[start - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end]))))
            {
                continue;
            }
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, start - copied).Append("*******").Append(last3);
            copied = end;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>True when the text holds something <see cref="Redact"/> would mask.</summary>
    public static bool ContainsNumberLike(string? text) => !string.IsNullOrEmpty(text) && NumberRuns(text).Any();

    /// <summary>The runs of ten or more digits (start, end, last three digits), outside dates and times.</summary>
    private static IEnumerable<(int Start, int End, string Last3)> NumberRuns(string text)
    {
        var kept = DateTimes(text);
        int i = 0;
        while (i < text.Length)
        {
            if (Kept(kept, i) is int skip)
            {
                i = skip;
                continue;
            }
            if (!char.IsDigit(text[i]))
            {
                i++;
                continue;
            }
            int start = i, end = i, j = i, digits = 0;
            var last = new char[3];
            while (j < text.Length && Kept(kept, j) is null)
            {
                if (char.IsDigit(text[j]))
                {
                    last[digits % 3] = (char)('0' + (int)char.GetNumericValue(text[j]));
                    digits++;
                    end = ++j;
                    continue;
                }
                int k = j;
                while (k < text.Length && k - j < 3 && IsSeparator(text[k]))
                {
                    k++;
                }
                if (k > j && k < text.Length && char.IsDigit(text[k]) && Kept(kept, k) is null)
                {
                    j = k;
                    continue;
                }
                break;
            }
            if (digits >= 10)
            {
                yield return (start, end, new string([last[digits % 3], last[(digits + 1) % 3], last[(digits + 2) % 3]]));
            }
            i = end;
        }
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DashPunctuation || c is '.' or '/' or '_' or '(' or ')' or '\'' or '+' or 'E' or 'e';

    /// <summary>The end of the kept date-time span that holds position <paramref name="i"/>, or null.</summary>
    private static int? Kept(List<(int Start, int End)> kept, int i)
    {
        foreach (var (start, end) in kept)
        {
            if (i >= start && i < end)
            {
                return end;
            }
        }
        return null;
    }

    /// <summary>Date-time spans not run together with other digits (which would make them part of a number).</summary>
    private static List<(int Start, int End)> DateTimes(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match m in DateTime().Matches(text))
        {
            int start = m.Index, end = m.Index + m.Length;
            bool joined = (start > 0 && char.IsDigit(text[start - 1])) || (end < text.Length && char.IsDigit(text[end]));
            if (!joined)
            {
                spans.Add((start, end));
            }
        }
        return spans;
    }

    // yyyy-mm-dd, optionally with hh:mm or hh:mm:ss (and fractions). Non-backtracking: linear time whatever a hostile cell holds.
    [GeneratedRegex(@"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateTime();
}
