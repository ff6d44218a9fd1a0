using Bedflow.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Bedflow.Web.Security;

/// <summary>
/// The authorization policies, one per role: each role may do everything the one below it may
/// (admin ⊃ editor ⊃ viewer). Every endpoint needs at least a viewer unless it says otherwise.
/// </summary>
internal static class Policies
{
    /// <summary>Any account: figures and pseudonymised lists.</summary>
    public const string Viewer = "viewer";

    /// <summary>Editors and admins: who the patient is, changes to records.</summary>
    public const string Editor = "editor";

    /// <summary>Admins: accounts and the audit log.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, p => p.RequireAuthenticatedUser().RequireRole(Roles(Role.Viewer)));
        options.AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(Roles(Role.Editor)));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles(Role.Admin)));
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }

    /// <summary>The roles that have at least <paramref name="least"/>'s rights.</summary>
    public static string[] Roles(Role least) => [.. RoleWords.Table.Rows.Where(r => r.Value >= least).Select(r => r.Code)];

    /// <summary>The role the endpoint of a refused request needs, in words.</summary>
    public static string Needed(HttpContext http)
    {
        var policies = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList() ?? [];
        return policies.Contains(Admin) ? "the admin role" : policies.Contains(Editor) ? "the editor (or admin) role" : "an account with a role";
    }
}
