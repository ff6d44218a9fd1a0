using Bedflow.Data.Accounts;

namespace Bedflow.Web.Admin;

/// <summary>What became of an admin's change to an account.</summary>
internal enum AdminOutcome
{
    /// <summary>Made (and audited).</summary>
    Done,

    /// <summary>Refused: <see cref="AdminResult.Problems"/> says which field is wrong and why.</summary>
    Invalid,

    /// <summary>There is no account of that name.</summary>
    NotFound,

    /// <summary>An account of that name exists already.</summary>
    Exists,
}

/// <summary>An admin's change: its outcome, the problems by field (snake_case, as the API's bodies name them), a token made.</summary>
internal sealed record AdminResult(AdminOutcome Outcome, IReadOnlyDictionary<string, string[]> Problems, string? Token = null)
{
    public static readonly AdminResult Done = new(AdminOutcome.Done, new Dictionary<string, string[]>());

    public static readonly AdminResult NotFound = new(AdminOutcome.NotFound, new Dictionary<string, string[]>());

    public static AdminResult Invalid(string field, string problem) => new(AdminOutcome.Invalid, new Dictionary<string, string[]> { [field] = [problem] });
}

/// <summary>
/// The admins' changes to accounts, shared by the Users page and `/api/users`: the same checks and
/// words for both. An admin may not change their own role or remove their own account here (so that
/// the web cannot be left without an admin by a slip); another admin, or `bedflow users` on the
/// server, can. Every change is audited by <see cref="AccountStore"/>.
/// </summary>
internal sealed class AccountAdmin(AccountStore accounts)
{
    /// <summary>What an admin is told when they try to demote or remove themselves.</summary>
    public const string NotYourself = "you cannot change your own role or remove your own account here: another admin can, or 'bedflow users' on the server.";

    public async Task<AdminResult> AddAsync(string? name, string? role, string? password, string who, CancellationToken cancel)
    {
        var problems = new Dictionary<string, string[]>();
        var (normal, nameProblem) = AccountRules.Name(name);
        if (normal is null)
        {
            problems["name"] = [nameProblem!];
        }
        if (RoleWords.Parse(role) is not { } r)
        {
            problems["role"] = [RoleProblem(role)];
            r = Role.Viewer;
        }
        if (AccountRules.PasswordProblem(password) is { } weak)
        {
            problems["password"] = [weak];
        }
        if (problems.Count > 0)
        {
            return new AdminResult(AdminOutcome.Invalid, problems);
        }
        if (await accounts.FindAsync(normal!, cancel) is not null)
        {
            return new AdminResult(AdminOutcome.Exists, new Dictionary<string, string[]> { ["name"] = [$"there is already an account '{normal}'."] });
        }
        return await accounts.AddAsync(normal!, r, password!, who, cancel) is { } problem
            ? new AdminResult(problem.StartsWith("there is already", StringComparison.Ordinal) ? AdminOutcome.Exists : AdminOutcome.Invalid, new Dictionary<string, string[]> { ["name"] = [problem] })
            : AdminResult.Done;
    }

    public async Task<AdminResult> SetRoleAsync(string name, string? role, string who, CancellationToken cancel)
    {
        if (RoleWords.Parse(role) is not { } r)
        {
            return AdminResult.Invalid("role", RoleProblem(role));
        }
        if (await accounts.FindAsync(name, cancel) is not { } account)
        {
            return AdminResult.NotFound;
        }
        if (account.Name == Normal(who))
        {
            return account.Role == r ? AdminResult.Done : AdminResult.Invalid("role", NotYourself);
        }
        return account.Role == r ? AdminResult.Done : await accounts.SetRoleAsync(account.Name, r, who, cancel) switch
        {
            AccountChange.Done => AdminResult.Done,
            AccountChange.LastAdmin => AdminResult.Invalid("role", LastAdmin(account.Name)),
            _ => AdminResult.NotFound,
        };
    }

    /// <summary>
    /// A change of any of an account's role, password and lock-out (the API's PATCH): every part is
    /// checked before any is made, so a wrong password does not leave the role changed; then each is
    /// made in turn (role, password, unlock).
    /// </summary>
    public async Task<AdminResult> ChangeAsync(string name, string? role, string? password, bool? unlock, string who, CancellationToken cancel)
    {
        if (role is null && password is null && unlock is null)
        {
            return AdminResult.Invalid("role", "give at least one of role, password or unlock.");
        }
        if (unlock is false)
        {
            return AdminResult.Invalid("unlock", "only true means anything (lift the lock-out); leave it out otherwise.");
        }
        if (await accounts.FindAsync(name, cancel) is null)
        {
            return AdminResult.NotFound;
        }
        var problems = new Dictionary<string, string[]>();
        if (password is not null && AccountRules.PasswordProblem(password) is { } weak)
        {
            problems["password"] = [weak];
        }
        if (role is not null && RoleWords.Parse(role) is null)
        {
            problems["role"] = [RoleProblem(role)];
        }
        if (problems.Count > 0)
        {
            return new AdminResult(AdminOutcome.Invalid, problems);
        }
        foreach (var step in new Func<Task<AdminResult>>?[]
        {
            role is null ? null : () => SetRoleAsync(name, role, who, cancel),
            password is null ? null : () => SetPasswordAsync(name, password, who, cancel),
            unlock is true ? () => UnlockAsync(name, who, cancel) : null,
        })
        {
            if (step is not null && await step() is { Outcome: not AdminOutcome.Done } refused)
            {
                return refused;
            }
        }
        return AdminResult.Done;
    }

    public async Task<AdminResult> UnlockAsync(string name, string who, CancellationToken cancel) =>
        await accounts.UnlockAsync(name, who, cancel) ? AdminResult.Done : AdminResult.NotFound;

    public async Task<AdminResult> SetPasswordAsync(string name, string? password, string who, CancellationToken cancel)
    {
        if (AccountRules.PasswordProblem(password) is { } weak)
        {
            return AdminResult.Invalid("password", weak);
        }
        return await accounts.SetPasswordAsync(name, password!, who, cancel) is null ? AdminResult.Done : AdminResult.NotFound;
    }

    public async Task<AdminResult> RemoveAsync(string name, string who, CancellationToken cancel)
    {
        if (Normal(name) == Normal(who))
        {
            return AdminResult.Invalid("name", NotYourself);
        }
        return await accounts.RemoveAsync(name, who, cancel) switch
        {
            AccountChange.Done => AdminResult.Done,
            AccountChange.LastAdmin => AdminResult.Invalid("name", LastAdmin(Normal(name))),
            _ => AdminResult.NotFound,
        };
    }

    public async Task<AdminResult> IssueTokenAsync(string name, string who, CancellationToken cancel) =>
        await accounts.IssueTokenAsync(name, who, cancel) is { } token ? AdminResult.Done with { Token = token } : AdminResult.NotFound;

    private static string LastAdmin(string name) => $"{name} is the only admin: make another account an admin first.";

    /// <summary>Why <paramref name="role"/> is not a role, in words.</summary>
    public static string RoleProblem(string? role) =>
        $"must be {string.Join(", ", RoleWords.Table.Codes.SkipLast(1))} or {RoleWords.Table.Codes[^1]}{(string.IsNullOrEmpty(role) ? "" : $", but was '{Clip(role)}'")}.";

    // What the user typed, shortened and without anything that looks like an NHS number.
    private static string Clip(string text) => Data.Register.NhsNumber.ContainsNumberLike(text) ? "(a value holding a number like an NHS number)" : text.Length > 40 ? text[..40] + "…" : text;

    private static string Normal(string? name) => (name ?? "").Trim().ToLowerInvariant();
}
