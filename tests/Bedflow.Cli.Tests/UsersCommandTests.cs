namespace Bedflow.Cli.Tests;

/// <summary>`bedflow users …`: accounts for the web app, the password from standard input only.</summary>
public class UsersCommandTests
{
    private static string NewDb() => Path.Combine(Path.GetTempPath(), $"users-{Guid.NewGuid():N}.db");

    [Fact]
    public void An_account_is_added_with_a_piped_password_listed_given_a_token_once_and_removed()
    {
        string db = NewDb();
        var (code, output, error) = Cli.RunWithInput("correct horse battery\n", "users", "add", "Hub.Lead", "--role", "editor", "--db", db);
        Assert.True(code == 0, error);
        Assert.Equal("Added hub.lead (editor).", output.Trim());
        var (tokenCode, token, tokenNote) = Cli.Run("users", "token", "hub.lead", "--db", db);
        Assert.Equal(0, tokenCode);
        Assert.Matches("^bft_[A-Za-z0-9_-]{43}$", token.Trim());
        Assert.Contains("shown once", tokenNote, StringComparison.Ordinal);
        var (_, list, _) = Cli.Run("users", "list", "--db", db);
        Assert.StartsWith("1 account(s).", list, StringComparison.Ordinal);
        Assert.Contains("hub.lead\teditor\ttoken\tadded ", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim(), list, StringComparison.Ordinal);
        Assert.Equal((0, "Removed hub.lead."), (Cli.Run("users", "remove", "hub.lead", "--db", db) is var r ? (r.Code, r.Out.Trim()) : default));
        Assert.StartsWith("0 account(s).", Cli.Run("users", "list", "--db", db).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no password on standard input")]
    [InlineData("short\n", "at least 12 characters")]
    public void A_missing_or_short_password_is_refused_with_exit_code_2_and_no_account(string input, string message)
    {
        string db = NewDb();
        var (code, _, error) = Cli.RunWithInput(input, "users", "add", "ann", "--role", "viewer", "--db", db);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(db)); // refused before the register was touched
    }

    [Fact]
    public void Bad_roles_names_duplicates_and_unknown_accounts_are_exit_code_2_in_words()
    {
        string db = NewDb();
        var (role, _, roleError) = Cli.RunWithInput("correct horse battery\n", "users", "add", "ann", "--role", "owner", "--db", db);
        Assert.Equal((2, "bedflow: --role must be viewer, editor or admin, but was 'owner'."), (role, roleError.Trim()));
        Assert.Equal(2, Cli.RunWithInput("correct horse battery\n", "users", "add", "ann smith", "--role", "viewer", "--db", db).Code);
        Assert.Equal(2, Cli.RunWithInput("correct horse battery\n", "users", "add", "ann", "--db", db).Code); // --role is required
        Assert.Equal(0, Cli.RunWithInput("correct horse battery\n", "users", "add", "ann", "--role", "viewer", "--db", db).Code);
        var (again, _, againError) = Cli.RunWithInput("correct horse battery\n", "users", "add", "ANN", "--role", "admin", "--db", db);
        Assert.Equal(2, again);
        Assert.Contains("already an account 'ann'", againError, StringComparison.Ordinal);
        Assert.Equal(2, Cli.Run("users", "token", "nobody", "--db", db).Code);
        Assert.Equal(2, Cli.Run("users", "remove", "nobody", "--db", db).Code);
        Assert.Equal(2, Cli.Run("users", "list", "--db", NewDb()).Code); // no register there: not created
    }

    [Fact]
    public void A_role_is_changed_a_password_set_from_standard_input_and_a_lockout_lifted()
    {
        string db = NewDb();
        Assert.Equal(0, Cli.RunWithInput("correct horse battery\n", "users", "add", "ann", "--role", "viewer", "--db", db).Code);
        Assert.Equal((0, "ann is now editor."), (Cli.Run("users", "role", "ANN", "--role", "editor", "--db", db) is var r ? (r.Code, r.Out.Trim()) : default));
        Assert.Contains("ann\teditor\t", Cli.Run("users", "list", "--db", db).Out, StringComparison.Ordinal);
        var (bad, _, badError) = Cli.Run("users", "role", "ann", "--role", "owner", "--db", db);
        Assert.Equal((2, "bedflow: --role must be viewer, editor or admin, but was 'owner'."), (bad, badError.Trim()));
        Assert.Equal(2, Cli.Run("users", "role", "nobody", "--role", "admin", "--db", db).Code);
        Assert.Equal((0, "Set the password of ann."), (Cli.RunWithInput("another long passphrase\n", "users", "password", "ann", "--db", db) is var p ? (p.Code, p.Out.Trim()) : default));
        Assert.Contains("at least 12 characters", Cli.RunWithInput("short\n", "users", "password", "ann", "--db", db).Err, StringComparison.Ordinal);
        Assert.Equal(2, Cli.RunWithInput("", "users", "password", "ann", "--db", db).Code);
        Assert.Equal(2, Cli.RunWithInput("another long passphrase\n", "users", "password", "nobody", "--db", db).Code);
        Assert.Equal((0, "Unlocked ann."), (Cli.Run("users", "unlock", "ann", "--db", db) is var u ? (u.Code, u.Out.Trim()) : default));
        Assert.Equal(2, Cli.Run("users", "unlock", "nobody", "--db", db).Code);
    }

    [Fact]
    public void The_only_admin_is_neither_demoted_nor_removed_until_there_is_another()
    {
        string db = NewDb();
        Assert.Equal(0, Cli.RunWithInput("correct horse battery\n", "users", "add", "boss", "--role", "admin", "--db", db).Code);
        var (demote, _, why) = Cli.Run("users", "role", "boss", "--role", "viewer", "--db", db);
        Assert.Equal((2, "bedflow: boss is the only admin: add another admin first (bedflow users add NAME --role admin); nothing was changed."), (demote, why.Trim()));
        Assert.Equal(2, Cli.Run("users", "remove", "boss", "--db", db).Code);
        Assert.Equal(0, Cli.RunWithInput("correct horse battery\n", "users", "add", "deputy", "--role", "admin", "--db", db).Code);
        Assert.Equal(0, Cli.Run("users", "remove", "boss", "--db", db).Code);
        Assert.Equal(2, Cli.Run("users", "remove", "deputy", "--db", db).Code);
    }

    [Fact]
    public void The_password_is_never_an_argument()
    {
        var (code, _, error) = Cli.Run("users", "add", "ann", "--role", "viewer", "--password", "correct horse battery", "--db", NewDb());
        Assert.Equal(2, code);
        Assert.Contains("--password", error, StringComparison.Ordinal);
    }
}
