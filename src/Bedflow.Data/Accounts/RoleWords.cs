using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Accounts;

/// <summary>The words of the roles: the one table for <see cref="Role"/>.</summary>
public static class RoleWords
{
    /// <summary>A role's words.</summary>
    /// <param name="Value">The role.</param>
    /// <param name="Code">Its stable code: the users table, `--role`, the role claim.</param>
    public sealed record Row(Role Value, string Code) : IVocabularyRow<Role>;

    /// <summary>The table, from the least to the most a role may do.</summary>
    public static VocabularyTable<Role, Row> Table { get; } = new(
    [
        new(Role.Viewer, "viewer"),
        new(Role.Editor, "editor"),
        new(Role.Admin, "admin"),
    ]);

    /// <summary>The role's code: viewer, editor, admin.</summary>
    public static string Code(Role role) => Table.Code(role);

    /// <summary>The role a code names (any case), or null.</summary>
    public static Role? Parse(string? code) => Table.TryParse(code?.Trim(), StringComparison.OrdinalIgnoreCase, out var role) ? role : null;
}
