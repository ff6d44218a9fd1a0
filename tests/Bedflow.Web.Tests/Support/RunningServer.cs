using System.Net;
using System.Text.RegularExpressions;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web.Tests.Support;

/// <summary>The web app on real Kestrel at 127.0.0.1, port 0, over a real register; clients are real HttpClients.</summary>
public sealed partial class RunningServer : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    public static readonly byte[] HashKey = "test-key-0123456789abcdef0123456789"u8.ToArray();

    public static readonly IdentityCipher Cipher = IdentityCipher.FromKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private readonly List<HttpClient> _clients = [];

    private RunningServer(WebApplication app, RegisterDatabase db, LogCapture logs, Uri address)
    {
        App = app;
        Db = db;
        Logs = logs;
        Address = address;
        Accounts = new AccountStore(db, TimeProvider.System);
    }

    public WebApplication App { get; }

    public RegisterDatabase Db { get; }

    public LogCapture Logs { get; }

    public Uri Address { get; }

    public AccountStore Accounts { get; }

    /// <summary>Starts a server over a new SQLite register (or <paramref name="location"/>), with both keys unless told otherwise.</summary>
    public static async Task<RunningServer> StartAsync(RegisterLocation? location = null, bool keys = true, TimeProvider? clock = null, Func<WebOptions, WebOptions>? configure = null)
    {
        var db = await RegisterDatabase.OpenAsync(location ?? RegisterLocation.Sqlite(Path.Combine(Path.GetTempPath(), $"bedflow-web-{Guid.NewGuid():N}.db")));
        var logs = new LogCapture();
        var options = new WebOptions
        {
            Register = db,
            Urls = ["http://127.0.0.1:0"],
            HashKey = keys ? HashKey : null,
            Cipher = keys ? Cipher : null,
            Clock = clock ?? TimeProvider.System,
            Logging = l => l.AddProvider(logs),
            RunsFolder = Path.Combine(Path.GetTempPath(), $"bedflow-runs-{Guid.NewGuid():N}"),
            Examples = Path.Combine(LayeringTests.RepoRoot(), "examples"),
        };
        var app = BedflowWeb.Build(configure is null ? options : configure(options));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, db, logs, new Uri(address));
    }

    /// <summary>The Oxfordshire example's synthetic extract, imported with both keys (40 episodes, 2016).</summary>
    public async Task ImportExampleAsync()
    {
        var report = await new DelayRegister(Db, Cipher).ImportAsync(Example.Path, HashKey, "test", skipInvalid: false);
        Assert.True(report.Imported, string.Join("; ", report.Problems));
    }

    /// <summary>A client that keeps cookies and does not follow redirects (the tests look at them).</summary>
    public HttpClient Client()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = Address };
        _clients.Add(client);
        return client;
    }

    /// <summary>A client holding a personal token of a new account with <paramref name="role"/>.</summary>
    public async Task<HttpClient> TokenClientAsync(string name, Role role)
    {
        await AddAsync(name, role);
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Accounts.IssueTokenAsync(name, "test"));
        return client;
    }

    /// <summary>Adds an account with <see cref="Password"/>.</summary>
    public async Task AddAsync(string name, Role role) => Assert.Null(await Accounts.AddAsync(name, role, Password, "test"));

    /// <summary>A client signed in through the sign-in form, as a browser would be.</summary>
    public async Task<HttpClient> SignedInAsync(string name, Role role)
    {
        await AddAsync(name, role);
        var client = Client();
        var response = await PostFormAsync(client, "/signin", "/signin", new() { ["name"] = name, ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form as the page at <paramref name="page"/> would: with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        string html = await client.GetStringAsync(page);
        fields["__antiforgery"] = AntiforgeryToken(html);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(Token().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery field on the page"));

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }
        await App.StopAsync();
        await App.DisposeAsync();
    }

    [GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
