using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Bedflow.Data.Tests.Register;

namespace Bedflow.Data.Tests.Accounts;

/// <summary>Accounts, sign-in, lock-out and tokens, the same on every engine (one-line subclasses below).</summary>
public abstract class AccountStoreTests<TEngine> where TEngine : IRegisterEngine, new()
{
    private const string Password = "correct horse battery";

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private async Task<(AccountStore Store, AuditLog Audit)> NewAsync()
    {
        var db = await RegisterDatabase.OpenAsync(await new TEngine().NewDatabaseAsync());
        return (new AccountStore(db, _clock), new AuditLog(db, _clock));
    }

    protected async Task An_account_signs_in_with_its_password_only_and_is_listed_without_its_hash()
    {
        var (store, audit) = await NewAsync();
        Assert.Null(await store.AddAsync("Hub.Lead", Role.Editor, Password, "admin-os-user"));
        Assert.Equal(SignInStatus.SignedIn, (await store.SignInAsync("hub.lead", Password)).Status);
        Assert.Equal(SignInStatus.Refused, (await store.SignInAsync("hub.lead", Password + "x")).Status);
        Assert.Equal(SignInStatus.Refused, (await store.SignInAsync("nobody", Password)).Status);
        var account = Assert.Single(await store.ListAsync());
        Assert.Equal(("hub.lead", Role.Editor, false, new DateTime(2026, 3, 2, 9, 0, 0)), (account.Name, account.Role, account.HasToken, account.CreatedUtc));
        var (entries, total) = await audit.ReadAsync(1, 10);
        Assert.Equal(1, total);
        Assert.Equal(("admin-os-user", "user added", "hub.lead (editor)"), (entries[0].Who, entries[0].Action, entries[0].Detail));
    }

    protected async Task Bad_names_short_passwords_and_a_name_taken_are_refused_in_words()
    {
        var (store, _) = await NewAsync();
        Assert.Contains("at least 12 characters", await store.AddAsync("ann", Role.Viewer, "short", "cli"), StringComparison.Ordinal);
        Assert.Contains("account name", await store.AddAsync("ann smith", Role.Viewer, Password, "cli"), StringComparison.Ordinal);
        Assert.Contains("NHS number", await store.AddAsync("9434765919", Role.Viewer, Password, "cli"), StringComparison.Ordinal);
        Assert.Null(await store.AddAsync("ann", Role.Viewer, Password, "cli"));
        Assert.Contains("already an account 'ann'", await store.AddAsync("ANN", Role.Admin, Password, "cli"), StringComparison.Ordinal);
        Assert.Equal(Role.Viewer, (await store.FindAsync("ann"))!.Role);
    }

    protected async Task Five_failures_lock_the_account_for_fifteen_minutes_even_against_the_right_password()
    {
        var (store, audit) = await NewAsync();
        await store.AddAsync("ann", Role.Viewer, Password, "cli");
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(SignInStatus.Refused, (await store.SignInAsync("ann", "wrong password " + i)).Status);
        }
        var fifth = await store.SignInAsync("ann", "wrong password 5");
        Assert.Equal((SignInStatus.LockedOut, new DateTime(2026, 3, 2, 9, 15, 0)), (fifth.Status, fifth.LockedUntilUtc));
        _clock.Now = _clock.Now.AddMinutes(14);
        Assert.Equal(SignInStatus.LockedOut, (await store.SignInAsync("ann", Password)).Status);
        _clock.Now = _clock.Now.AddMinutes(1).AddSeconds(1);
        Assert.Equal(SignInStatus.SignedIn, (await store.SignInAsync("ann", Password)).Status);
        // A success clears the count: four more failures do not lock it again.
        for (int i = 0; i < 4; i++)
        {
            await store.SignInAsync("ann", "wrong again " + i);
        }
        Assert.Equal(SignInStatus.SignedIn, (await store.SignInAsync("ann", Password)).Status);
        Assert.Contains((await audit.ReadAsync(1, 10)).Entries, e => e.Action == "locked out" && e.Who == "ann");
    }

    protected async Task A_token_is_shown_once_stored_hashed_and_replaced_by_the_next()
    {
        var (store, _) = await NewAsync();
        await store.AddAsync("bot", Role.Viewer, Password, "cli");
        Assert.Null(await store.IssueTokenAsync("nobody", "cli"));
        string first = (await store.IssueTokenAsync("bot", "cli"))!;
        Assert.StartsWith(AccountStore.TokenPrefix, first, StringComparison.Ordinal);
        Assert.Equal(47, first.Length); // bft_ and 32 random bytes in base64url
        Assert.Equal("bot", (await store.FindByTokenAsync(first))!.Name);
        string second = (await store.IssueTokenAsync("bot", "cli"))!;
        Assert.NotEqual(first, second);
        Assert.Null(await store.FindByTokenAsync(first));
        Assert.Null(await store.FindByTokenAsync(second[..^1] + (second[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await store.FindByTokenAsync("not a token"));
        Assert.True((await store.FindByTokenAsync(second))!.HasToken);
        Assert.Equal(AccountChange.Done, await store.RemoveAsync("bot", "cli"));
        Assert.Null(await store.FindByTokenAsync(second));
        Assert.Equal(AccountChange.NotFound, await store.RemoveAsync("bot", "cli"));
    }

    protected async Task The_only_admin_can_be_neither_demoted_nor_removed_even_by_two_at_once()
    {
        var (store, _) = await NewAsync();
        await store.AddAsync("boss", Role.Admin, Password, "cli");
        Assert.Equal(AccountChange.LastAdmin, await store.SetRoleAsync("boss", Role.Editor, "cli"));
        Assert.Equal(AccountChange.LastAdmin, await store.RemoveAsync("boss", "cli"));
        Assert.Equal(Role.Admin, (await store.FindAsync("boss"))!.Role);
        await store.AddAsync("deputy", Role.Admin, Password, "cli");
        // Each demotes the other at the same moment: one goes through, the other finds the last admin.
        var outcomes = await Task.WhenAll(store.SetRoleAsync("boss", Role.Viewer, "deputy"), store.SetRoleAsync("deputy", Role.Viewer, "boss"));
        Assert.Equal([AccountChange.Done, AccountChange.LastAdmin], outcomes.Order());
        Assert.Single(await store.ListAsync(), a => a.Role == Role.Admin);
    }

    protected async Task An_admin_changes_a_role_lifts_a_lockout_and_sets_a_password_each_audited()
    {
        var (store, audit) = await NewAsync();
        await store.AddAsync("ann", Role.Viewer, Password, "cli");
        Assert.Equal(AccountChange.Done, await store.SetRoleAsync("ANN ", Role.Editor, "boss"));
        Assert.Equal(Role.Editor, (await store.FindAsync("ann"))!.Role);
        Assert.Equal(AccountChange.NotFound, await store.SetRoleAsync("nobody", Role.Admin, "boss"));
        for (int i = 0; i < AccountRules.FailuresBeforeLockout; i++)
        {
            await store.SignInAsync("ann", "wrong password " + i);
        }
        Assert.Equal(SignInStatus.LockedOut, (await store.SignInAsync("ann", Password)).Status);
        Assert.True(await store.UnlockAsync("ann", "boss"));
        Assert.Null((await store.FindAsync("ann"))!.LockedUntilUtc);
        Assert.Equal(SignInStatus.SignedIn, (await store.SignInAsync("ann", Password)).Status);
        Assert.False(await store.UnlockAsync("nobody", "boss"));
        Assert.Contains("at least 12", await store.SetPasswordAsync("ann", "short", "boss"), StringComparison.Ordinal);
        Assert.Contains("no account 'nobody'", await store.SetPasswordAsync("nobody", Password, "boss"), StringComparison.Ordinal);
        Assert.Null(await store.SetPasswordAsync("ann", "a quite different passphrase", "boss"));
        Assert.Equal(SignInStatus.Refused, (await store.SignInAsync("ann", Password)).Status);
        Assert.Equal(SignInStatus.SignedIn, (await store.SignInAsync("ann", "a quite different passphrase")).Status);
        var (entries, _) = await audit.ReadAsync(1, 20);
        Assert.Equal(
            [("boss", "password set", "ann"), ("boss", "unlocked", "ann"), ("boss", "role changed", "ann: viewer to editor")],
            entries.Where(e => e.Who == "boss").Select(e => (e.Who, e.Action, e.Detail)));
    }
}

public sealed class SqliteAccountStoreTests : AccountStoreTests<SqliteEngine>
{
    [Fact] public Task Sign_in() => An_account_signs_in_with_its_password_only_and_is_listed_without_its_hash();
    [Fact] public Task Refusals() => Bad_names_short_passwords_and_a_name_taken_are_refused_in_words();
    [Fact] public Task Lockout() => Five_failures_lock_the_account_for_fifteen_minutes_even_against_the_right_password();
    [Fact] public Task Tokens() => A_token_is_shown_once_stored_hashed_and_replaced_by_the_next();
    [Fact] public Task Admin_changes() => An_admin_changes_a_role_lifts_a_lockout_and_sets_a_password_each_audited();
    [Fact] public Task Last_admin() => The_only_admin_can_be_neither_demoted_nor_removed_even_by_two_at_once();

    [Fact]
    public async Task The_database_holds_neither_the_password_nor_the_token_in_clear()
    {
        var location = await new SqliteEngine().NewDatabaseAsync();
        var db = await RegisterDatabase.OpenAsync(location);
        var store = new AccountStore(db, TimeProvider.System);
        await store.AddAsync("ann", Role.Admin, "correct horse battery", "cli");
        string token = (await store.IssueTokenAsync("ann", "cli"))!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string file = location.ToString().Trim('\'');
        byte[] bytes = [.. File.ReadAllBytes(file), .. File.Exists(file + "-wal") ? File.ReadAllBytes(file + "-wal") : []];
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("correct horse battery", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token[4..], text, StringComparison.Ordinal);
    }
}

public sealed class PostgresAccountStoreTests : AccountStoreTests<PostgresEngine>
{
    [PostgresFact] public Task Sign_in() => An_account_signs_in_with_its_password_only_and_is_listed_without_its_hash();
    [PostgresFact] public Task Refusals() => Bad_names_short_passwords_and_a_name_taken_are_refused_in_words();
    [PostgresFact] public Task Lockout() => Five_failures_lock_the_account_for_fifteen_minutes_even_against_the_right_password();
    [PostgresFact] public Task Tokens() => A_token_is_shown_once_stored_hashed_and_replaced_by_the_next();
    [PostgresFact] public Task Admin_changes() => An_admin_changes_a_role_lifts_a_lockout_and_sets_a_password_each_audited();
    [PostgresFact] public Task Last_admin() => The_only_admin_can_be_neither_demoted_nor_removed_even_by_two_at_once();
}
