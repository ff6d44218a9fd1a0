using Bedflow.Data.Register;

namespace Bedflow.Data.Accounts;

/// <summary>What an account name and a password must be, and the lock-out after failed sign-ins.</summary>
public static class AccountRules
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>The longest password accepted (hashing is deliberately slow: no input may make it slower).</summary>
    public const int MaxPasswordLength = 256;

    /// <summary>The longest account name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int FailuresBeforeLockout = 5;

    /// <summary>How long a lock-out lasts.</summary>
    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(15);

    /// <summary>The name in lower case, or null with why it cannot be an account name.</summary>
    public static (string? Name, string? Problem) Name(string? text)
    {
        string name = (text ?? "").Trim().ToLowerInvariant();
        if (name.Length is 0 or > MaxNameLength || !char.IsAsciiLetterOrDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            return (null, $"an account name is 1 to {MaxNameLength} letters, digits, '.', '_', '-' or '@', starting with a letter or digit.");
        }
        if (NhsNumber.ContainsNumberLike(name))
        {
            return (null, "an account name may not hold what looks like an NHS number.");
        }
        return (name, null);
    }

    /// <summary>Why the password cannot be used, or null.</summary>
    public static string? PasswordProblem(string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            return $"the password must be at least {MinPasswordLength} characters.";
        }
        if (password.Length > MaxPasswordLength)
        {
            return $"the password must be at most {MaxPasswordLength} characters.";
        }
        return password.Any(char.IsControl) ? "the password may not hold control characters." : null;
    }
}
