using System.CommandLine;
using System.Globalization;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;

namespace Bedflow.Cli;

/// <summary>`bedflow users …`: the web app's accounts, in the register's database (docs/web.md).</summary>
internal static class UsersCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var command = new Command("users", "The web app's accounts (bedflow serve): add, token, list, role, password, unlock, remove. Kept in the register's database.");
        command.Options.Add(new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres (default: BEDFLOW_DB_ENGINE).", Recursive = true });
        command.Subcommands.Add(Add(input, output, error));
        command.Subcommands.Add(Token(output, error));
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(SetRole(output, error));
        command.Subcommands.Add(SetPassword(input, output, error));
        command.Subcommands.Add(Unlock(output, error));
        command.Subcommands.Add(Remove(output, error));
        return command;
    }

    /// <summary>Who the audit log says made a change from the command line.</summary>
    private static string Who => $"{Environment.UserName} (command line)";

    private static Command Add(TextReader input, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The account's name: letters, digits, '.', '_', '-', '@'." };
        var role = new Option<string>("--role") { Description = "viewer (figures, pseudonymised lists), editor (also who the patient is; may change records) or admin (also accounts, the audit log).", Required = true };
        var db = RegisterCommand.Db();
        var command = new Command("add", $"Add an account. The password is read from standard input (typed, or the first line piped in), never from an argument; at least {AccountRules.MinPasswordLength} characters.") { name, role, db };
        command.SetAction(async (parse, cancel) =>
        {
            if (RoleWords.Parse(parse.GetValue(role)) is not { } r)
            {
                error.WriteLine($"bedflow: --role must be {string.Join(", ", RoleWords.Table.Codes.SkipLast(1))} or {RoleWords.Table.Codes[^1]}, but was '{parse.GetValue(role)}'.");
                return ExitCodes.UsageError;
            }
            var (normal, nameProblem) = AccountRules.Name(parse.GetValue(name));
            if (normal is null)
            {
                error.WriteLine($"bedflow: NAME: {nameProblem}");
                return ExitCodes.UsageError;
            }
            string? password = PasswordInput.Read(input, error, normal);
            if (password is null)
            {
                error.WriteLine("bedflow: no password on standard input: type it when asked, or pipe it in (printf '%s\\n' \"$PASSWORD\" | bedflow users add …).");
                return ExitCodes.UsageError;
            }
            if (AccountRules.PasswordProblem(password) is { } weak)
            {
                error.WriteLine($"bedflow: {weak}");
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenAsync(RegisterCommand.Engine(parse), parse.GetValue(db), RegisterOptions.Default, error, cancel);
            if (database is null)
            {
                return failure;
            }
            if (await new AccountStore(database, TimeProvider.System).AddAsync(normal, r, password, Who, cancel) is { } problem)
            {
                error.WriteLine($"bedflow: {problem}");
                return ExitCodes.UsageError;
            }
            output.WriteLine($"Added {normal} ({RoleWords.Code(r)}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Token(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        var db = RegisterCommand.Db();
        var command = new Command("token", "Print a new personal API token for the account, once (only its hash is kept); the account's previous token stops working.") { name, db };
        command.SetAction(async (parse, cancel) =>
        {
            var (database, failure) = await RegisterCommand.OpenExistingAsync(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            string? token = await new AccountStore(database, TimeProvider.System).IssueTokenAsync(parse.GetValue(name)!, Who, cancel);
            if (token is null)
            {
                error.WriteLine($"bedflow: there is no account '{parse.GetValue(name)}' (bedflow users list shows them).");
                return ExitCodes.UsageError;
            }
            output.WriteLine(token);
            error.WriteLine("This token is shown once: keep it like a password. Send it as 'Authorization: Bearer TOKEN'. 'bedflow users token' again replaces it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var db = RegisterCommand.Db();
        var command = new Command("list", "The accounts: name, role, whether they have a token, a lock-out in force.") { db };
        command.SetAction(async (parse, cancel) =>
        {
            var (database, failure) = await RegisterCommand.OpenExistingAsync(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var accounts = await new AccountStore(database, TimeProvider.System).ListAsync(cancel);
            output.WriteLine($"{accounts.Count} account(s).");
            foreach (var a in accounts)
            {
                string locked = a.LockedUntilUtc is { } until && until > DateTime.UtcNow ? string.Create(CultureInfo.InvariantCulture, $", locked until {until:yyyy-MM-dd HH:mm} UTC") : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Name}\t{RoleWords.Code(a.Role)}\t{(a.HasToken ? "token" : "no token")}\tadded {a.CreatedUtc:yyyy-MM-dd HH:mm} UTC{locked}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetRole(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        var role = new Option<string>("--role") { Description = "viewer, editor or admin.", Required = true };
        var db = RegisterCommand.Db();
        var command = new Command("role", "Give an account another role: its sign-in cookie stops working at once (it signs in again); its token carries the new role.") { name, role, db };
        command.SetAction(async (parse, cancel) =>
        {
            if (RoleWords.Parse(parse.GetValue(role)) is not { } r)
            {
                error.WriteLine($"bedflow: --role must be {string.Join(", ", RoleWords.Table.Codes.SkipLast(1))} or {RoleWords.Table.Codes[^1]}, but was '{parse.GetValue(role)}'.");
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenExistingAsync(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            switch (await new AccountStore(database, TimeProvider.System).SetRoleAsync(parse.GetValue(name)!, r, Who, cancel))
            {
                case AccountChange.NotFound:
                    return NoSuch(parse.GetValue(name), error);
                case AccountChange.LastAdmin:
                    return LastAdmin(parse.GetValue(name), error);
            }
            output.WriteLine($"{Normal(parse.GetValue(name))} is now {RoleWords.Code(r)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetPassword(TextReader input, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        var db = RegisterCommand.Db();
        var command = new Command("password", $"Set an account's password (and lift any lock-out), read from standard input as for add; at least {AccountRules.MinPasswordLength} characters.") { name, db };
        command.SetAction(async (parse, cancel) =>
        {
            var (database, failure) = await RegisterCommand.OpenExistingAsync(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var store = new AccountStore(database, TimeProvider.System);
            if (await store.FindAsync(parse.GetValue(name)!, cancel) is not { } account)
            {
                return NoSuch(parse.GetValue(name), error);
            }
            string? password = PasswordInput.Read(input, error, account.Name);
            if (password is null)
            {
                error.WriteLine("bedflow: no password on standard input: type it when asked, or pipe it in (printf '%s\\n' \"$PASSWORD\" | bedflow users password …).");
                return ExitCodes.UsageError;
            }
            if (await store.SetPasswordAsync(account.Name, password, Who, cancel) is { } problem)
            {
                error.WriteLine($"bedflow: {problem}");
                return ExitCodes.UsageError;
            }
            output.WriteLine($"Set the password of {account.Name}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Unlock(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        var db = RegisterCommand.Db();
        var command = new Command("unlock", "Lift an account's lock-out (after repeated failed sign-ins) and clear its count of failures.") { name, db };
        command.SetAction(async (parse, cancel) =>
        {
            var (database, failure) = await RegisterCommand.OpenExistingAsync(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            if (!await new AccountStore(database, TimeProvider.System).UnlockAsync(parse.GetValue(name)!, Who, cancel))
            {
                return NoSuch(parse.GetValue(name), error);
            }
            output.WriteLine($"Unlocked {Normal(parse.GetValue(name))}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int NoSuch(string? name, TextWriter error)
    {
        error.WriteLine($"bedflow: there is no account '{name}' (bedflow users list shows them).");
        return ExitCodes.UsageError;
    }

    private static int LastAdmin(string? name, TextWriter error)
    {
        error.WriteLine($"bedflow: {Normal(name)} is the only admin: add another admin first (bedflow users add NAME --role admin); nothing was changed.");
        return ExitCodes.UsageError;
    }

    private static string Normal(string? name) => (name ?? "").Trim().ToLowerInvariant();

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        var db = RegisterCommand.Db();
        var command = new Command("remove", "Remove an account and its token: its sign-in and token stop working at once.") { name, db };
        command.SetAction(async (parse, cancel) =>
        {
            var (database, failure) = await RegisterCommand.OpenExistingAsync(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            switch (await new AccountStore(database, TimeProvider.System).RemoveAsync(parse.GetValue(name)!, Who, cancel))
            {
                case AccountChange.NotFound:
                    return NoSuch(parse.GetValue(name), error);
                case AccountChange.LastAdmin:
                    return LastAdmin(parse.GetValue(name), error);
            }
            output.WriteLine($"Removed {parse.GetValue(name)!.Trim().ToLowerInvariant()}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
