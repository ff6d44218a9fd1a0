using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Bedflow.Data.Accounts;

/// <summary>
/// The web app's accounts, in the register's own database (users and api_tokens tables): passwords
/// hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2), a lock-out
/// after <see cref="AccountRules.FailuresBeforeLockout"/> failed sign-ins in a row, and personal API
/// tokens stored only as their SHA-256 (a token is 256 random bits: a fast hash is enough). Every
/// change is audited, in the same transaction. Thread-safe.
/// </summary>
public sealed class AccountStore(RegisterDatabase db, TimeProvider clock)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>What every token starts with (so a leaked one is easy to recognise and search for).</summary>
    public const string TokenPrefix = "bft_";

    private static readonly PasswordHasher<Account> Hasher = new();

    private static readonly Account Decoy = new(0, "", Role.Viewer, DateTime.MinValue, null, false);

    // Verified against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Decoy, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    /// <summary>Adds an account; the problem in words (a bad name or password, a name taken), or null.</summary>
    public async Task<string?> AddAsync(string name, Role role, string password, string who, CancellationToken cancel = default)
    {
        var (normal, nameProblem) = AccountRules.Name(name);
        if (normal is null)
        {
            return nameProblem;
        }
        if (AccountRules.PasswordProblem(password) is { } passwordProblem)
        {
            return passwordProblem;
        }
        string hash = Hasher.HashPassword(Decoy, password);
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @normal", new { normal }, transaction).ConfigureAwait(false) > 0)
        {
            return $"there is already an account '{normal}' (remove it first to add it again).";
        }
        string now = AuditLog.Now(clock);
        await connection.ExecuteAsync($"INSERT INTO users (name, role, password_hash, failed_sign_ins, created_utc) VALUES (@normal, @role, @hash, 0, {db.Time("now")})",
            new { normal, role = RoleWords.Code(role), hash, now }, transaction).ConfigureAwait(false);
        await AuditLog.InsertAsync(db, connection, transaction, now, [(who, "user added", null, $"{normal} ({RoleWords.Code(role)})")]).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Removes an account, its token and its kept rejects files: <see cref="AccountChange.NotFound"/>
    /// when there is none of that name, <see cref="AccountChange.LastAdmin"/> (nothing removed) when
    /// it is the only admin.
    /// </summary>
    public async Task<AccountChange> RemoveAsync(string name, string who, CancellationToken cancel = default) =>
        await ChangeAsync(name, "user removed", r => r.Name, removesAdmin: true, async (connection, transaction, id) =>
        {
            await connection.ExecuteAsync("DELETE FROM api_tokens WHERE user_id = @id", new { id }, transaction).ConfigureAwait(false);
            await connection.ExecuteAsync("DELETE FROM import_rejects WHERE owner = (SELECT name FROM users WHERE id = @id)", new { id }, transaction).ConfigureAwait(false);
            await connection.ExecuteAsync("DELETE FROM users WHERE id = @id", new { id }, transaction).ConfigureAwait(false);
        }, who, cancel).ConfigureAwait(false);

    /// <summary>
    /// Gives an account another role (its sign-in cookie stops working at once: the next request needs
    /// a new sign-in): <see cref="AccountChange.NotFound"/> when there is none of that name,
    /// <see cref="AccountChange.LastAdmin"/> (nothing changed) when it would take the role from the only admin.
    /// </summary>
    public async Task<AccountChange> SetRoleAsync(string name, Role role, string who, CancellationToken cancel = default) =>
        await ChangeAsync(name, "role changed", r => $"{r.Name}: {r.RoleCode} to {RoleWords.Code(role)}", removesAdmin: role != Role.Admin,
            (connection, transaction, id) => connection.ExecuteAsync("UPDATE users SET role = @role WHERE id = @id", new { role = RoleWords.Code(role), id }, transaction), who, cancel).ConfigureAwait(false);

    /// <summary>Lifts a lock-out and clears the count of failed sign-ins; false when there is no account of that name.</summary>
    public async Task<bool> UnlockAsync(string name, string who, CancellationToken cancel = default) =>
        await ChangeAsync(name, "unlocked", r => r.Name, removesAdmin: false,
            (connection, transaction, id) => connection.ExecuteAsync("UPDATE users SET failed_sign_ins = 0, locked_until_utc = NULL WHERE id = @id", new { id }, transaction), who, cancel).ConfigureAwait(false)
            == AccountChange.Done;

    /// <summary>
    /// Sets a new password (lifting any lock-out); the problem in words (a password too short or too
    /// long, or no account of that name), or null.
    /// </summary>
    public async Task<string?> SetPasswordAsync(string name, string password, string who, CancellationToken cancel = default)
    {
        if (AccountRules.PasswordProblem(password) is { } problem)
        {
            return problem;
        }
        string hash = Hasher.HashPassword(Decoy, password);
        return await ChangeAsync(name, "password set", r => r.Name, removesAdmin: false,
            (connection, transaction, id) => connection.ExecuteAsync("UPDATE users SET password_hash = @hash, failed_sign_ins = 0, locked_until_utc = NULL WHERE id = @id", new { hash, id }, transaction), who, cancel).ConfigureAwait(false)
            == AccountChange.Done
            ? null
            : $"there is no account '{(name ?? "").Trim().ToLowerInvariant()}'.";
    }

    // One change to one account and its audit row, in one transaction under the register's write lock — so that two
    // admins demoting each other at once go one after the other, and the second finds the first was the last admin.
    private async Task<AccountChange> ChangeAsync(string name, string action, Func<UserRow, string> detail, bool removesAdmin,
        Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, long, Task> change, string who, CancellationToken cancel)
    {
        string normal = (name ?? "").Trim().ToLowerInvariant();
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancel).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(Select("WHERE u.name = @normal"), new { normal }, transaction).ConfigureAwait(false);
        if (row is null)
        {
            return AccountChange.NotFound;
        }
        string admin = RoleWords.Code(Role.Admin);
        if (removesAdmin && row.RoleCode == admin
            && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE role = @admin", new { admin }, transaction).ConfigureAwait(false) <= 1)
        {
            return AccountChange.LastAdmin;
        }
        await change(connection, transaction, row.Id).ConfigureAwait(false);
        await AuditLog.InsertAsync(db, connection, transaction, AuditLog.Now(clock), [(who, action, null, detail(row))]).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return AccountChange.Done;
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return [.. (await connection.QueryAsync<UserRow>(Select("ORDER BY u.name")).ConfigureAwait(false)).Select(r => r.Account)];
    }

    /// <summary>The account of that name, or null.</summary>
    public async Task<Account?> FindAsync(string name, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(Select("WHERE u.name = @name"), new { name = (name ?? "").Trim().ToLowerInvariant() }).ConfigureAwait(false);
        return row?.Account;
    }

    /// <summary>
    /// Issues a personal API token for the account, replacing any it had (the old one stops working),
    /// and returns it: the only time it is ever seen. Null when there is no such account.
    /// </summary>
    public async Task<string?> IssueTokenAsync(string name, string who, CancellationToken cancel = default)
    {
        string normal = (name ?? "").Trim().ToLowerInvariant();
        string token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        long? id = await connection.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE name = @normal", new { normal }, transaction).ConfigureAwait(false);
        if (id is null)
        {
            return null;
        }
        string now = AuditLog.Now(clock);
        await connection.ExecuteAsync("DELETE FROM api_tokens WHERE user_id = @id", new { id }, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync($"INSERT INTO api_tokens (token_hash, user_id, created_utc) VALUES (@hash, @id, {db.Time("now")})", new { hash = TokenHash(token), id, now }, transaction).ConfigureAwait(false);
        await AuditLog.InsertAsync(db, connection, transaction, now, [(who, "token issued", null, normal)]).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return token;
    }

    /// <summary>The account a token belongs to, or null (an unknown, replaced or malformed token).</summary>
    public async Task<Account?> FindByTokenAsync(string? token, CancellationToken cancel = default)
    {
        if (token is null || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(Select("JOIN api_tokens k ON k.user_id = u.id WHERE k.token_hash = @hash"), new { hash = TokenHash(token) }).ConfigureAwait(false);
        return row?.Account;
    }

    /// <summary>
    /// Checks a name and password. A failure counts towards the lock-out (counted in the database, so
    /// two attempts at once both count); the fifth in a row locks the account for 15 minutes, during
    /// which even the right password is refused. A success clears the count.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancel = default)
    {
        string normal = (name ?? "").Trim().ToLowerInvariant();
        if (normal.Length > AccountRules.MaxNameLength || (password ?? "").Length > AccountRules.MaxPasswordLength)
        {
            return new(SignInStatus.Refused, null, null);
        }
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(Select("WHERE u.name = @normal"), new { normal }).ConfigureAwait(false);
        if (row is null)
        {
            Hasher.VerifyHashedPassword(Decoy, DecoyHash.Value, password ?? "");
            return new(SignInStatus.Refused, null, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.Account.LockedUntilUtc is { } until && until > now)
        {
            return new(SignInStatus.LockedOut, null, until);
        }
        var verdict = Hasher.VerifyHashedPassword(row.Account, row.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            int failures = await connection.ExecuteScalarAsync<int>("UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @Id RETURNING failed_sign_ins", new { row.Id }).ConfigureAwait(false);
            if (failures < AccountRules.FailuresBeforeLockout)
            {
                return new(SignInStatus.Refused, null, null);
            }
            var lockedUntil = now + AccountRules.LockoutLength;
            await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
            await connection.ExecuteAsync($"UPDATE users SET failed_sign_ins = 0, locked_until_utc = {db.Time("until")} WHERE id = @Id",
                new { row.Id, until = T(lockedUntil) }, transaction).ConfigureAwait(false);
            await AuditLog.InsertAsync(db, connection, transaction, AuditLog.Now(clock), [(normal, "locked out", null, $"{failures} failed sign-ins in a row: locked until {T(lockedUntil)} UTC")]).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
            return new(SignInStatus.LockedOut, null, lockedUntil);
        }
        string? rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(row.Account, password!) : null;
        await connection.ExecuteAsync("UPDATE users SET failed_sign_ins = 0, locked_until_utc = NULL, password_hash = COALESCE(@rehash, password_hash) WHERE id = @Id", new { row.Id, rehash }).ConfigureAwait(false);
        return new(SignInStatus.SignedIn, row.Account with { LockedUntilUtc = null, Stamp = Stamp(rehash ?? row.PasswordHash) }, null);
    }

    private string Select(string rest) =>
        $"SELECT u.id AS Id, u.name AS Name, u.role AS RoleCode, u.password_hash AS PasswordHash, {db.TimeText("u.created_utc", "Created")}, {db.TimeText("u.locked_until_utc", "LockedUntil")}, " +
        $"(SELECT COUNT(*) FROM api_tokens t WHERE t.user_id = u.id) AS Tokens FROM users u {rest}";

    // Sixty-four bits of the password hash's SHA-256: enough to tell one password from the next, nothing to attack.
    private static string Stamp(string passwordHash) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)))[..16];

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string T(DateTime time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime P(string text) => DateTime.SpecifyKind(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private sealed class UserRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string RoleCode { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public string Created { get; set; } = "";

        public string? LockedUntil { get; set; }

        public long Tokens { get; set; }

        public Account Account => new(Id, Name,
            RoleWords.Parse(RoleCode) ?? throw new InvalidDataException($"the users table holds role '{RoleCode}', which is not a role: was the database edited by hand?"),
            P(Created), LockedUntil is null ? null : P(LockedUntil), Tokens > 0, Stamp(PasswordHash));
    }
}
