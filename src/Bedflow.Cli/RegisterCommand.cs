using System.CommandLine;
using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>`bedflow register …`: the delay register — import an extract, the month's SitRep figures, who is delayed now.</summary>
internal static class RegisterCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("register", "The delay register: real delayed patients in SQLite (default bedflow.db) or PostgreSQL (--engine postgres --db \"Host=…\").");
        command.Options.Add(new Option<string?>(EngineOption) { Description = "sqlite (default) or postgres (default: BEDFLOW_DB_ENGINE).", Recursive = true });
        command.Subcommands.Add(Import(output, error));
        command.Subcommands.Add(Sitrep(output, error));
        command.Subcommands.Add(List(output, error));
        foreach (var sub in RegisterPublishedCommands.Create(output, error, OpenAsync, OpenExistingAsync, Db))
        {
            command.Subcommands.Add(sub);
        }
        return command;
    }

    internal static Option<string?> Db() => new("--db") { Description = "The SQLite file (default bedflow.db), or with --engine postgres a connection string \"Host=…;Username=…;Database=…\" (default: BEDFLOW_DB)." };

    /// <summary>`--engine sqlite|postgres`, on every register command (default: BEDFLOW_DB_ENGINE, else sqlite).</summary>
    internal const string EngineOption = "--engine";

    /// <summary>The --engine given, or null.</summary>
    internal static string? Engine(ParseResult parse) => parse.GetValue<string?>(EngineOption);

    /// <summary>`--wait`: how long a write waits for another import to finish (30s, 10m, 1h; 0 = do not wait).</summary>
    internal static Option<TimeSpan> Wait() => new("--wait")
    {
        Description = "How long to wait for another import into the same register to finish: 30s, 10m, 1h, or 0 not to wait (default 10m).",
        DefaultValueFactory = _ => RegisterOptions.DefaultLockWait,
        CustomParser = r =>
        {
            string token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (ParseDuration(token) is { } t)
            {
                return t;
            }
            r.AddError($"--wait must be a duration such as 30s, 10m or 1h (at most 24h), or 0, but was '{token}'.");
            return TimeSpan.Zero;
        },
    };

    /// <summary>A duration "90s", "10m", "1h" or "0"; null if it is not one (or more than a day).</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim().ToLowerInvariant();
        if (text == "0")
        {
            return TimeSpan.Zero;
        }
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > 86_400)
        {
            return null;
        }
        TimeSpan? t = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => null,
        };
        return t is { } v && v <= TimeSpan.FromDays(1) ? v : null;
    }

    /// <summary>Register options that say on stderr when a write waits for another.</summary>
    internal static RegisterOptions Waiting(TimeSpan wait, TextWriter error)
    {
        bool first = true;
        return new(wait, waited =>
        {
            error.WriteLine(first || waited < TimeSpan.FromSeconds(5)
                ? $"bedflow: waiting for another import into this register to finish (up to {Describe(wait)}; --wait changes it)…"
                : $"bedflow: still waiting for another import ({waited.TotalSeconds:0} s so far, up to {Describe(wait)})…");
            first = false;
        });
    }

    private static string Describe(TimeSpan t) => t.TotalHours >= 1 ? $"{t.TotalHours:0.#} h" : t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0} s";

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "A patient-level extract (CSV, UTF-8; columns in docs/register.md)." };
        var db = Db();
        var skip = new Option<bool>("--skip-invalid") { Description = "Import the good episodes and write the bad rows to FILE.rejects.csv (default: import nothing if any row is bad)." };
        var user = new Option<string?>("--user") { Description = "Who is importing, for the audit log (default: the operating-system user)." };
        var rejects = new Option<string?>("--rejects") { Description = "With --skip-invalid: where the bad rows go (default FILE.rejects.csv)." };
        var wait = Wait();
        var command = new Command("import", "Import a patient-level extract: every row checked, all or nothing, idempotent, audited.") { file, db, skip, user, rejects, wait };
        command.SetAction(async (parse, cancel) =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(file)))
            {
                error.WriteLine("bedflow: FILE is empty: give the extract's path.");
                return ExitCodes.UsageError;
            }
            var (key, keyError) = NhsNumber.KeyFromEnvironment();
            if (key is null)
            {
                error.WriteLine($"bedflow: {keyError}");
                return ExitCodes.UsageError;
            }
            string who = parse.GetValue(user) ?? Environment.UserName;
            if (string.IsNullOrWhiteSpace(who) || who.Length > 100 || NhsNumber.ContainsNumberLike(who) || who.Any(char.IsControl))
            {
                error.WriteLine("bedflow: --user must name who is importing, for the audit log: 1 to 100 characters, and not an NHS number.");
                return ExitCodes.UsageError;
            }
            if (parse.GetValue(rejects) is { } r0 && string.IsNullOrWhiteSpace(r0))
            {
                error.WriteLine("bedflow: --rejects is empty: give a file path (or leave it out for FILE.rejects.csv).");
                return ExitCodes.UsageError;
            }
            var (cipher, cipherProblem) = IdentityCipher.FromEnvironment();
            if (cipherProblem is not null)
            {
                error.WriteLine($"bedflow: {cipherProblem}");
                return ExitCodes.UsageError;
            }
            if (cipher is null)
            {
                error.WriteLine($"bedflow: note: {IdentityCipher.KeyVariable} is not set: NHS numbers are kept only as their keyed hash, so the web app cannot show them to editors (docs/register.md).");
            }
            var (database, failure) = await OpenAsync(Engine(parse), parse.GetValue(db), Waiting(parse.GetValue(wait), error), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var register = new DelayRegister(database, cipher);
            var report = await register.ImportAsync(parse.GetValue(file)!, key, who.Trim(), parse.GetValue(skip), parse.GetValue(rejects), cancel);
            foreach (var p in report.Problems.Take(200))
            {
                error.WriteLine(p.ToString());
            }
            if (report.Problems.Count > 200)
            {
                error.WriteLine($"… and {report.Problems.Count - 200} more problem(s).");
            }
            if (report.Failure is { } why)
            {
                if (report.Imported)
                {
                    output.WriteLine($"Imported: {report.Inserted} new episode(s), {report.Updated} updated, {report.Unchanged} unchanged.");
                }
                error.WriteLine($"bedflow: {why}");
                return ExitCodes.Failure;
            }
            if (!report.Imported)
            {
                bool rowProblems = report.Problems.All(p => p.Line > 1) && !parse.GetValue(skip);
                error.WriteLine($"{report.Problems.Count} problem(s); nothing was imported." + (rowProblems ? " Fix them, or use --skip-invalid to import the good rows." : ""));
                return ExitCodes.UsageError;
            }
            output.WriteLine($"Imported: {report.Inserted} new episode(s), {report.Updated} updated, {report.Unchanged} unchanged"
                + (report.RejectsFile is { } r ? $"; {report.RejectedLines} bad row(s) written to {r}." : "."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Sitrep(TextWriter output, TextWriter error)
    {
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM.", Required = true };
        var db = Db();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("sitrep", "The month's SitRep figures from the register's patient-level data.") { month, db, json };
        command.SetAction(async (parse, cancel) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(month) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year is < 1900 or > 2999)
            {
                error.WriteLine($"bedflow: --month must be YYYY-MM, such as 2016-11, but was '{parse.GetValue(month)}'.");
                return ExitCodes.UsageError;
            }
            var (database, failure) = await OpenExistingAsync(Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var m = await new DelayRegister(database).SitRepMonthAsync(first, cancel);
            if (parse.GetValue(json))
            {
                RegisterJson.SitRepMonth(output, m);
                return ExitCodes.Ok;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{first:MMMM yyyy}: {m.DelayedDays()} delayed days, {m.DtocBeds():F1} DTOC beds (delayed days ÷ {m.DaysCovered} days), {m.SnapshotPatients()} patients delayed at the snapshot ({m.SnapshotDate:ddd d MMM} 24:00)."));
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("Reason", "Beds", "NHS days", "Social care days", "Both days", "NHS at snapshot", "Social care at snapshot", "Both at snapshot");
            foreach (var beds in new[] { SitRepBeds.Acute, SitRepBeds.NonAcute })
            {
                foreach (var r in SitRep.Reasons.Where(r => m.DelayedDays(beds, r) > 0))
                {
                    table.AddRow([Markup.Escape(DelayReasonWords.Label(r)), SitRepBedsWords.Display(beds),
                        .. SitRep.Responsibilities.Select(o => m.DelayedDays(beds, r, o).ToString(CultureInfo.InvariantCulture)),
                        .. SitRep.Responsibilities.Select(o => m.SnapshotPatients(beds, r, o).ToString(CultureInfo.InvariantCulture))]);
                }
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            console.Profile.Width = 160;
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var db = Db();
        var reason = new Option<string?>("--reason") { Description = $"Only this SitRep reason ({string.Join(", ", DelayReasonWords.Table.Codes)})." };
        var organisation = new Option<string?>("--organisation") { Description = $"Only delays the responsibility of {Formatting.Or(ResponsibilityWords.Table.Codes)}." };
        var at = new Option<string?>("--at") { Description = "As at this time (yyyy-mm-dd hh:mm; default now)." };
        var command = new Command("list", "Who is delayed now, for how long and why (no NHS numbers: patients by their register key).") { db, reason, organisation, at };
        command.SetAction(async (parse, cancel) =>
        {
            DelayReason? only = null;
            if (parse.GetValue(reason) is { } rt)
            {
                if (SitRepCodes.Reason(rt) is not { } parsed)
                {
                    error.WriteLine($"bedflow: --reason must be one of {string.Join(", ", DelayReasonWords.Table.Codes)}, but was '{rt}'.");
                    return ExitCodes.UsageError;
                }
                only = parsed;
            }
            if (!TryResponsibility(parse.GetValue(organisation), out var who))
            {
                error.WriteLine($"bedflow: --organisation must be {Formatting.Or(ResponsibilityWords.Table.Codes)}, but was '{parse.GetValue(organisation)}'.");
                return ExitCodes.UsageError;
            }
            DateTime now = DateTime.Now;
            if (parse.GetValue(at) is { } atText && !DateTime.TryParseExact(atText, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out now))
            {
                error.WriteLine($"bedflow: --at must be yyyy-mm-dd hh:mm, but was '{atText}'.");
                return ExitCodes.UsageError;
            }
            var (database, failure) = await OpenExistingAsync(Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var register = new DelayRegister(database);
            var delays = (await register.CurrentDelaysAsync(now, cancel)).Where(d => (only is null || d.Reason == only) && (who is null || d.Responsible == who)).ToList();
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("Patient (register key)", "Provider", "Service", "Ready since", "Days delayed", "Reason", "Responsible");
            foreach (var d in delays)
            {
                table.AddRow(d.Patient.ToString(CultureInfo.InvariantCulture), Markup.Escape(d.Provider), Markup.Escape(d.Service), d.Ready.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    d.Days.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(DelayReasonWords.Label(d.Reason)), ResponsibilityWords.ExtractColumn(d.Responsible));
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            console.Profile.Width = 160;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{delays.Count} patient(s) delayed at {now:yyyy-MM-dd HH:mm}."));
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Opens (creating if need be) the register for a write, or says why it cannot (never printing a connection string: it may hold a password).</summary>
    internal static Task<(RegisterDatabase? Db, int Failure)> OpenAsync(string? engine, string? db, RegisterOptions options, TextWriter error, CancellationToken cancel) =>
        OpenAsync(engine, db, error, async location => (await RegisterDatabase.OpenAsync(location, options, cancel), null));

    /// <summary>Opens an existing register for reading: a missing one is "no register at PATH" (exit 2), never created.</summary>
    internal static Task<(RegisterDatabase? Db, int Failure)> OpenExistingAsync(string? engine, string? db, TextWriter error, CancellationToken cancel) =>
        OpenAsync(engine, db, error, location => RegisterDatabase.OpenExistingAsync(location, Waiting(RegisterOptions.DefaultLockWait, error), cancel));

    private static async Task<(RegisterDatabase? Db, int Failure)> OpenAsync(string? engine, string? db, TextWriter error, Func<RegisterLocation, Task<(RegisterDatabase? Database, string? Problem)>> open)
    {
        var (location, wrong) = RegisterLocation.From(engine, db);
        if (location is null)
        {
            error.WriteLine($"bedflow: {wrong}");
            return (null, ExitCodes.UsageError);
        }
        try
        {
            var (database, problem) = await open(location);
            if (problem is not null)
            {
                error.WriteLine($"bedflow: {problem}");
                return (null, ExitCodes.UsageError);
            }
            return (database, ExitCodes.Ok);
        }
        catch (RegisterBusyException e)
        {
            error.WriteLine($"bedflow: {e.Message}");
            return (null, ExitCodes.Failure);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / LOCKED: another process holds the register (an import by an older Bedflow, a tool with it open).
            error.WriteLine($"bedflow: the register at {location} is busy: another process has held it for longer than 30 seconds. Try again when it has finished.");
            return (null, ExitCodes.Failure);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is "3D000" or "28000" or "28P01" or "42501")
        {
            // The server answered: no such database, an unknown role or password, no permission — a mistake in --db.
            error.WriteLine($"bedflow: cannot open the register at {location}: {e.MessageText}. Check --db (database, user, password) and what the user may do.");
            return (null, ExitCodes.UsageError);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // The server is down or unreachable: the environment, not the user's input.
            error.WriteLine($"bedflow: cannot reach the PostgreSQL server given: {e.Message.Split('\n')[0]}");
            return (null, ExitCodes.Failure);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"bedflow: cannot open the register at {location}: {e.Message.Split('\n')[0]}");
            return (null, ExitCodes.UsageError);
        }
    }

    private static bool TryResponsibility(string? text, out Responsibility? who)
    {
        who = SitRepCodes.Responsible(text);
        return text is null || who is not null;
    }
}
