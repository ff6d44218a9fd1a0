using System.Security.Claims;
using Bedflow.Data.Accounts;

namespace Bedflow.Web.Security;

/// <summary>The claims of a signed-in account: its name and its role (code).</summary>
internal static class Principals
{
    public static ClaimsPrincipal For(Account account, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, RoleWords.Code(account.Role))], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The role of a signed-in principal, or null.</summary>
    public static Role? RoleOf(ClaimsPrincipal user) => RoleWords.Parse(user.FindFirstValue(ClaimTypes.Role));
}
