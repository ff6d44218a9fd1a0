namespace Bedflow.Data.Accounts;

/// <summary>A web account as the register holds it (never its password hash or token).</summary>
/// <param name="Id">The account's key.</param>
/// <param name="Name">Its name, lower case.</param>
/// <param name="Role">What it may do.</param>
/// <param name="CreatedUtc">When it was added (UTC).</param>
/// <param name="LockedUntilUtc">Until when sign-in is refused after repeated failures (UTC), or null.</param>
/// <param name="HasToken">Whether it has a personal API token.</param>
/// <param name="Stamp">
/// Changes whenever the password does (a digest of its hash, not the hash): a sign-in cookie carries
/// the stamp it was made with, and one made before a password was set stops working.
/// </param>
public sealed record Account(long Id, string Name, Role Role, DateTime CreatedUtc, DateTime? LockedUntilUtc, bool HasToken, string Stamp = "");
