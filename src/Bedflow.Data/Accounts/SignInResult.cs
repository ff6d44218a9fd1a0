namespace Bedflow.Data.Accounts;

/// <summary>How a sign-in went.</summary>
public enum SignInStatus
{
    /// <summary>The name and password are right.</summary>
    SignedIn,
    /// <summary>No such account, or the wrong password (the two are not told apart).</summary>
    Refused,
    /// <summary>Too many failures: sign-in is refused, even with the right password, until the lock ends.</summary>
    LockedOut,
}

/// <summary>The outcome of a sign-in.</summary>
/// <param name="Status">How it went.</param>
/// <param name="Account">The account signed in, when <see cref="SignInStatus.SignedIn"/>.</param>
/// <param name="LockedUntilUtc">When a lock-out ends (UTC), when <see cref="SignInStatus.LockedOut"/>.</param>
public sealed record SignInResult(SignInStatus Status, Account? Account, DateTime? LockedUntilUtc);
