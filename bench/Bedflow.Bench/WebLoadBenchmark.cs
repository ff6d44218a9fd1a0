using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web;
using Npgsql;

namespace Bedflow.Bench;

/// <summary>
/// `web-load`: GET /api/delays/current under load on loopback. Seeds a register with 2,000 patients
/// delayed now (imported as an extract, as the hub's would be), starts the real server (Kestrel on
/// 127.0.0.1), and has 50 clients — in a process of their own — ask for the list as fast as they are answered — bounded: a warm-up,
/// then 10 seconds or 30,000 requests, whichever ends first. Reports requests a second and p50/p99
/// latency, on SQLite and, when BEDFLOW_TEST_POSTGRES is set, on PostgreSQL. Every answer must be 200.
/// </summary>
internal static class WebLoadBenchmark
{
    private const int Patients = 2_000, Clients = 50, MaxRequests = 30_000;

    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(10), WarmUp = TimeSpan.FromSeconds(3);

    private static readonly byte[] Key = "bench-key-0123456789abcdef0123456789"u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        string file = Path.Combine(Path.GetTempPath(), $"bedflow-load-{Guid.NewGuid():N}.db");
        await RunOneAsync("SQLite", RegisterLocation.Sqlite(file));
        if (Environment.GetEnvironmentVariable("BEDFLOW_TEST_POSTGRES") is { Length: > 0 } server)
        {
            string name = $"bedflow_load_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(server))
            {
                await c.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await create.ExecuteNonQueryAsync();
            }
            // The server's own pool (the test databases turn pooling off; a served register keeps it on).
            await RunOneAsync("PostgreSQL", RegisterLocation.Postgres(new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ToString()));
        }
        else
        {
            Console.WriteLine("PostgreSQL: skipped (set BEDFLOW_TEST_POSTGRES to a server's connection string to measure it too).");
        }
        return 0;
    }

    private static async Task RunOneAsync(string engine, RegisterLocation location)
    {
        var db = await RegisterDatabase.OpenAsync(location);
        string extract = Path.Combine(Path.GetTempPath(), $"bedflow-load-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(extract, Extract(DateTime.Now));
        var report = await new DelayRegister(db).ImportAsync(extract, Key, "bench", skipInvalid: false);
        File.Delete(extract);
        if (!report.Imported)
        {
            throw new InvalidOperationException(string.Join("; ", report.Problems.Take(5)));
        }
        var accounts = new AccountStore(db, TimeProvider.System);
        await accounts.AddAsync("load", Role.Viewer, "load test password 0123", "bench");
        string token = await accounts.IssueTokenAsync("load", "bench") ?? throw new InvalidOperationException("no token");
        await using var app = BedflowWeb.Build(new WebOptions { Register = db, Urls = ["http://127.0.0.1:0"], HashKey = Key });
        await app.StartAsync();
        // The clients run in a process of their own, as a hub's browsers would: they neither share the
        // server's thread pool nor its garbage collector, so the latencies are the server's.
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no process path")) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WebLoadBenchmark).Assembly.Location);
        }
        start.ArgumentList.Add(ClientVerb);
        start.ArgumentList.Add(engine);
        start.ArgumentList.Add(app.Urls.Single());
        start.Environment[TokenVariable] = token; // not an argument: arguments are visible to every user of the machine
        using var client = Process.Start(start) ?? throw new InvalidOperationException("the load client did not start");
        string line = await client.StandardOutput.ReadToEndAsync();
        await client.WaitForExitAsync();
        await app.StopAsync();
        if (client.ExitCode != 0)
        {
            throw new InvalidOperationException($"the load client failed (exit {client.ExitCode}): {line}");
        }
        Console.Write(line);
    }

    /// <summary>The verb the benchmark starts its client process with.</summary>
    public const string ClientVerb = "web-load-client";

    private const string TokenVariable = "BEDFLOW_LOAD_TOKEN";

    /// <summary>The client process: `web-load-client ENGINE URL`, the token in <see cref="TokenVariable"/>; prints one line of results.</summary>
    public static async Task<int> ClientAsync(string[] args)
    {
        string engine = args[0];
        var address = new Uri(args[1]);
        string token = Environment.GetEnvironmentVariable(TokenVariable) ?? throw new InvalidOperationException($"{TokenVariable} is not set");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var first = await http.GetAsync("/api/delays/current"))
        {
            string body = await first.Content.ReadAsStringAsync();
            if (!body.Contains($"\"total\":{Patients}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the list does not hold the {Patients} patients seeded: {body[..Math.Min(200, body.Length)]}");
            }
        }
        await LoadAsync(http, WarmUp, int.MaxValue);
        var (latencies, elapsed) = await LoadAsync(http, Measure, MaxRequests);
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: {Patients:N0} patients delayed, {Clients} clients (another process), {latencies.Count:N0} requests in {elapsed.TotalSeconds:F1} s: {latencies.Count / elapsed.TotalSeconds:N0} requests/s, p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {latencies[^1]:F1} ms"));
        return 0;
    }

    /// <summary>Clients asking in a loop until the time is up or the requests are made; each answer's latency in ms.</summary>
    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> LoadAsync(HttpClient http, TimeSpan duration, int maxRequests)
    {
        var clock = Stopwatch.StartNew();
        int made = 0;
        var all = new List<double>[Clients];
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var mine = all[c] = [];
            while (clock.Elapsed < duration && Interlocked.Increment(ref made) <= maxRequests)
            {
                long start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/api/delays/current", HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET /api/delays/current answered {(int)response.StatusCode}");
                }
            }
        })));
        return ([.. all.SelectMany(l => l)], clock.Elapsed);
    }

    /// <summary>An extract of <see cref="Patients"/> patients, each ready 1 to 30 days ago and still in, with a reason the SitRep allows.</summary>
    private static string Extract(DateTime now)
    {
        (string Reason, string Responsible)[] reasons = [("A", "Social Care"), ("C", "NHS"), ("Di", "Social Care"), ("Dii", "Both"), ("E", "Social Care"), ("F", "NHS"), ("G", "NHS")];
        var text = new StringBuilder("provider,nhs_number,admitted,ready_for_transfer,discharged,service,bed_type,destination,reason,responsible,reason_from,adult\n");
        int made = 0;
        for (long prefix = 900_000_000; made < Patients; prefix++)
        {
            string digits = prefix.ToString(CultureInfo.InvariantCulture);
            int sum = 0;
            for (int i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }
            int check = 11 - (sum % 11); // NHS number: modulus 11
            if (check == 10)
            {
                continue;
            }
            string nhs = digits + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
            var ready = now.AddHours(-(24 + (made * 7919 % (29 * 24))));
            var (reason, responsible) = reasons[made % reasons.Length];
            string T(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{(made % 2 == 0 ? "RTH" : "RNU")},{nhs},{T(ready.AddDays(-5))},{T(ready)},,{(made % 3 == 0 ? "community_hospital,non_acute" : "acute,acute")},,{reason},{responsible},{T(ready)},yes\n");
            made++;
        }
        return text.ToString();
    }
}
