using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Bedflow.Cli.Tests;

/// <summary>`bedflow serve`: bad arguments refused; the real command, in its own process, serving a register.</summary>
public class ServeCommandTests
{
    [Theory]
    [InlineData("nonsense", "is not an address such as http://127.0.0.1:5080")]
    [InlineData("https://127.0.0.1:5443", "serve speaks http only")]
    [InlineData("http://127.0.0.1:5080/app", "no path")]
    [InlineData("http://127.0.0.1", "has no port")]
    [InlineData(";", "is empty")]
    public void Bad_urls_are_exit_code_2_with_a_message_and_nothing_is_created(string urls, string message)
    {
        string db = Path.Combine(Path.GetTempPath(), $"serve-{Guid.NewGuid():N}.db");
        var (code, _, error) = Cli.Run("serve", "--urls", urls, "--db", db);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_bad_register_or_engine_is_exit_code_2()
    {
        Assert.Equal(2, Cli.Run("serve", "--urls", "http://127.0.0.1:0", "--engine", "postgres").Code);
        Assert.Equal(2, Cli.Run("serve", "--urls", "http://127.0.0.1:0", "--db", "Host=127.0.0.1;Username=x").Code);
        Assert.Equal(2, Cli.Run("serve", "--urls", "http://127.0.0.1:0", "--db", "/nonexistent-dir/x/register.db").Code);
    }

    [Fact]
    public void The_runs_folder_is_beside_an_sqlite_register_unless_runs_says_and_runs_may_not_be_a_file()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"serve-{Guid.NewGuid():N}");
        string db = Path.Combine(folder, "register.db");
        var sqlite = Data.Register.RegisterLocation.Sqlite(db);
        Assert.Equal(Path.Combine(folder, "runs"), ServeCommand.RunsFolder(null, sqlite, db));
        Assert.Equal(Path.GetFullPath("elsewhere"), ServeCommand.RunsFolder("elsewhere", sqlite, db));
        Assert.Equal(Path.GetFullPath("runs"), ServeCommand.RunsFolder(null, Data.Register.RegisterLocation.Postgres("Host=x;Username=y"), "Host=x;Username=y"));
        Assert.Null(ServeCommand.RunsFolder(" ", sqlite, db));
        string file = Path.GetTempFileName();
        Assert.Null(ServeCommand.RunsFolder(file, sqlite, db));
        string fresh = Path.Combine(Path.GetTempPath(), $"serve-{Guid.NewGuid():N}.db");
        var (code, _, error) = Cli.Run("serve", "--urls", "http://127.0.0.1:0", "--db", fresh, "--runs", file);
        Assert.Equal(2, code);
        Assert.Contains("give a folder for the runs", error, StringComparison.Ordinal);
        Assert.False(File.Exists(fresh)); // refused before the register was created
    }

    [Fact]
    public async Task The_command_creates_and_migrates_the_register_serves_health_and_takes_a_token_made_by_users_token()
    {
        string db = Path.Combine(Path.GetTempPath(), $"serve-{Guid.NewGuid():N}.db");
        Assert.Equal(0, Cli.RunWithInput("correct horse battery\n", "users", "add", "ann", "--role", "viewer", "--db", db).Code);
        string token = Cli.Run("users", "token", "ann", "--db", db).Out.Trim();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bedflow.exe" : "bedflow"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { "serve", "--urls", "http://127.0.0.1:0", "--db", db })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["BEDFLOW_REGISTER_KEY"] = null;
        start.Environment["BEDFLOW_REGISTER_ENCRYPTION_KEY"] = null;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var line = process.StandardOutput.ReadLineAsync();
            Assert.True(await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(60))) == line, "serve printed nothing within 60 s");
            string serving = (await line) ?? throw new InvalidOperationException("serve ended: " + await errors);
            Assert.StartsWith($"Serving the register at '{db}' on http://127.0.0.1:", serving, StringComparison.Ordinal);
            var address = new Uri(serving.Split(" on ")[1].Split(' ')[0]);
            using var client = new HttpClient { BaseAddress = address };
            var health = await client.GetFromJsonAsync<JsonElement>("/health");
            Assert.Equal("ok", health.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.Equal("ann", (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("name").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        string log = await errors;
        Assert.Contains("BEDFLOW_REGISTER_ENCRYPTION_KEY is not set", log, StringComparison.Ordinal);
        Assert.Contains("GET /api/me 200", log, StringComparison.Ordinal); // the request log, on standard error
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }
}
