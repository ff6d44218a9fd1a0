using System.CommandLine;
using Bedflow.Data.Register;
using Bedflow.Web;
using Bedflow.Web.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bedflow.Cli;

/// <summary>`bedflow serve`: the web app (pages and API) on the register the register commands use (docs/web.md).</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, http only (TLS belongs to a reverse proxy, docs/web.md); several separated by ';'. Default {WebOptions.DefaultUrl}; port 0 picks a free one.", DefaultValueFactory = _ => WebOptions.DefaultUrl };
        var db = RegisterCommand.Db();
        var engine = new Option<string?>(RegisterCommand.EngineOption) { Description = "sqlite (default) or postgres (default: BEDFLOW_DB_ENGINE)." };
        var runs = new Option<string?>("--runs") { Description = "The folder the Options page keeps its runs in, each with its scenario (default: runs beside an SQLite register, or in this folder for PostgreSQL)." };
        var command = new Command("serve", "Serve the web app (the day's list, the API) on the register, creating it and applying migrations as the register commands do. Stop with Ctrl+C.") { urls, db, engine, runs };
        command.SetAction(async (parse, cancel) =>
        {
            var (addresses, wrong) = Urls(parse.GetValue(urls) ?? "");
            if (addresses is null)
            {
                error.WriteLine($"bedflow: --urls {wrong}");
                return ExitCodes.UsageError;
            }
            // Checked before the register is opened (and perhaps created): a bad --runs changes nothing.
            string? runsFolder = RegisterLocation.From(parse.GetValue(engine), parse.GetValue(db)).Location is { } at ? RunsFolder(parse.GetValue(runs), at, parse.GetValue(db)) : "";
            if (runsFolder is null)
            {
                error.WriteLine($"bedflow: --runs '{parse.GetValue(runs)}' is empty or a file: give a folder for the runs.");
                return ExitCodes.UsageError;
            }
            byte[]? hashKey = null;
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NhsNumber.KeyVariable)))
            {
                var (key, keyProblem) = NhsNumber.KeyFromEnvironment();
                if (key is null)
                {
                    error.WriteLine($"bedflow: {keyProblem}");
                    return ExitCodes.UsageError;
                }
                hashKey = key;
            }
            var (cipher, cipherProblem) = IdentityCipher.FromEnvironment();
            if (cipherProblem is not null)
            {
                error.WriteLine($"bedflow: {cipherProblem}");
                return ExitCodes.UsageError;
            }
            var (database, failure) = await RegisterCommand.OpenAsync(parse.GetValue(engine), parse.GetValue(db), RegisterOptions.Default, error, cancel);
            if (database is null)
            {
                return failure;
            }
            var (location, _) = RegisterLocation.From(parse.GetValue(engine), parse.GetValue(db));
            if (hashKey is null)
            {
                error.WriteLine($"bedflow: warning: {NhsNumber.KeyVariable} is not set: finding a patient by NHS number will be refused until the server is started with the register's key.");
            }
            if (cipher is null)
            {
                error.WriteLine($"bedflow: warning: {IdentityCipher.KeyVariable} is not set: editors will be told NHS numbers cannot be shown until the server is started with the register's encryption key.");
            }
            await using var app = BedflowWeb.Build(new WebOptions
            {
                Register = database,
                Urls = addresses,
                HashKey = hashKey,
                Cipher = cipher,
                RunsFolder = runsFolder,
                Examples = Directory.Exists("examples") ? Path.GetFullPath("examples") : null,
                Logging = l => l.AddProvider(new WriterLoggerProvider(error)),
            });
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException e)
            {
                // Kestrel could not bind: the port is taken, or the address is not this machine's.
                error.WriteLine($"bedflow: cannot listen on {string.Join(", ", addresses)}: {e.Message}");
                return ExitCodes.Failure;
            }
            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            output.WriteLine($"Serving the register at {location} on {string.Join(", ", listening)} (Ctrl+C stops).");
            output.Flush();
            try
            {
                await app.WaitForShutdownAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop below.
            }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The runs folder: --runs, else "runs" beside an SQLite register's file (or here); null when --runs is empty or names a file.</summary>
    internal static string? RunsFolder(string? runs, RegisterLocation location, string? db)
    {
        if (runs is not null)
        {
            return string.IsNullOrWhiteSpace(runs) || File.Exists(runs) ? null : Path.GetFullPath(runs);
        }
        if (location.Engine != RegisterEngine.Sqlite)
        {
            return Path.GetFullPath("runs");
        }
        string file = db ?? (Environment.GetEnvironmentVariable(RegisterLocation.DbVariable) is { Length: > 0 } e ? e : "bedflow.db");
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "runs");
    }

    /// <summary>The addresses, or what is wrong with them.</summary>
    internal static (IReadOnlyList<string>? Urls, string? Problem) Urls(string text)
    {
        var list = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            return (null, $"is empty: give an address such as {WebOptions.DefaultUrl}.");
        }
        foreach (string url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                return (null, $"'{url}' is not an address such as {WebOptions.DefaultUrl} (scheme, host and port; no path).");
            }
            if (uri.Scheme == "https")
            {
                return (null, $"'{url}': serve speaks http only; put TLS in a reverse proxy in front of it (docs/web.md, \"Behind a reverse proxy\").");
            }
            if (uri.IsDefaultPort && !url.Contains($":{uri.Port}", StringComparison.Ordinal))
            {
                return (null, $"'{url}' has no port: say one, such as {WebOptions.DefaultUrl} (0 picks a free one).");
            }
        }
        return ([.. list], null);
    }
}
