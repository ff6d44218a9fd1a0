using System.Security.Claims;
using Bedflow.Data.Accounts;

namespace Bedflow.Web.Security;

/// <summary>The claims of a signed-in account: its name, its role (code) and its password's stamp.</summary>
internal static class Principals
{
    /// <summary>The claim holding <see cref="Account.Stamp"/>.</summary>
    public const string StampClaim = "bedflow:stamp";

    public static ClaimsPrincipal For(Account account, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, RoleWords.Code(account.Role)), new Claim(StampClaim, account.Stamp)],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether a principal was made for the account as it is now: the same role, and signed in with its current password.</summary>
    public static bool Current(ClaimsPrincipal user, Account account) =>
        RoleOf(user) == account.Role && string.Equals(user.FindFirstValue(StampClaim), account.Stamp, StringComparison.Ordinal);

    /// <summary>The role of a signed-in principal, or null.</summary>
    public static Role? RoleOf(ClaimsPrincipal user) => RoleWords.Parse(user.FindFirstValue(ClaimTypes.Role));
}
