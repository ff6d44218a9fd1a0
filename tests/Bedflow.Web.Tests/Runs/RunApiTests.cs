using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bedflow.Core.Experiments;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Data.Scenarios;
using Bedflow.Web.Runs;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Runs;

/// <summary>`/api/runs` on real Kestrel: a scenario kept with its inputs, run in the background on bedflow run's path.</summary>
public class RunApiTests
{
    [Fact]
    public async Task An_editors_run_is_kept_with_its_scenario_exactly_its_hash_who_and_when_and_ends_with_the_board_pack()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        byte[] bytes = await File.ReadAllBytesAsync(Support.Runs.TinyPath);
        using var started = await editor.PostAsync("/api/runs?name=tiny.yaml", new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var queued = await started.Content.ReadFromJsonAsync<JsonElement>();
        string id = queued.GetProperty("id").GetString()!;
        Assert.Equal($"/api/runs/{id}", started.Headers.Location?.ToString());
        var run = await Support.Runs.WaitAsync(editor, id);
        Assert.Equal("done", run.GetProperty("status").GetString());
        Assert.Equal(100, run.GetProperty("percent").GetDouble());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), run.GetProperty("sha256").GetString());
        Assert.Equal("hub", run.GetProperty("started_by").GetString());
        Assert.Equal("tiny.yaml", run.GetProperty("file").GetString());
        Assert.Equal("Optimise tiny", run.GetProperty("scenario").GetString());
        Assert.Equal(11UL, run.GetProperty("seed").GetUInt64());
        Assert.Equal(4, run.GetProperty("replications").GetInt32());
        Assert.Equal(typeof(RunOutputs).Assembly.GetName().Version!.ToString(3), run.GetProperty("version").GetString()![..5]);
        Assert.True(DateTime.Parse(run.GetProperty("finished_utc").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= DateTime.Parse(run.GetProperty("created_utc").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var outputs = run.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Contains("report.html", outputs);
        Assert.Contains("results.json", outputs);
        Assert.Contains("appraisal.json", outputs);
        // Kept on disk: the scenario byte for byte, the record, the outputs.
        var store = server.App.Services.GetRequiredService<RunStore>();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.ScenarioPath(id)));
        Assert.True(File.Exists(Path.Combine(store.Folder, id, "run.json")));
        using var pack = await editor.GetAsync($"/api/runs/{id}/files/report.html");
        Assert.Equal("text/html", pack.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Optimise tiny", await pack.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/runs/{id}/files/run.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/runs/{id}/files/..%2Frun.json")).StatusCode);
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 100)).Entries.Single(a => a.Action == "started run");
        Assert.Equal("hub", audit.Who);
        // The run id and the scenario's hash, whole: what a board paper cites can be matched to the log.
        Assert.Equal($"run {id}: 'Optimise tiny' (tiny.yaml); SHA-256 {run.GetProperty("sha256").GetString()}", audit.Detail);
    }

    [Fact]
    public async Task An_nhs_number_in_a_scenarios_file_name_never_reaches_the_audit_but_its_hash_does_whole()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        // (One in the scenario's name is refused with the file's problems: RunIdentifierTests.)
        string yaml = (await File.ReadAllTextAsync(Support.Runs.TinyPath)).Replace("name: Optimise tiny", "name: Plan for ward 7", StringComparison.Ordinal);
        // A scenario whose hash the masking would mangle (digits run together), so that keeping it whole is tested.
        static string Hex(byte[] b) => string.Concat(SHA256.HashData(b).Select(x => x.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        byte[] bytes = Encoding.UTF8.GetBytes(yaml);
        for (int extra = 1; Data.Register.NhsNumber.Redact(Hex(bytes)) == Hex(bytes); extra++)
        {
            bytes = Encoding.UTF8.GetBytes(yaml + new string(' ', extra) + "\n");
        }
        string sha = Hex(bytes);
        using var started = await editor.PostAsync("/api/runs?name=4010232137.yaml", new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var queued = await started.Content.ReadFromJsonAsync<JsonElement>();
        string id = queued.GetProperty("id").GetString()!;
        Assert.Equal(("*******137.yaml", sha), (queued.GetProperty("file").GetString(), queued.GetProperty("sha256").GetString())); // the run's record masks the file name too
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 100)).Entries.Single(a => a.Action == "started run");
        Assert.Equal($"run {id}: 'Plan for ward 7' (*******137.yaml); SHA-256 {sha}", audit.Detail);
        Assert.DoesNotContain("4010232137", audit.Detail, StringComparison.Ordinal);
        await Support.Runs.WaitAsync(editor, id);
    }

    [Fact]
    public async Task The_results_are_those_of_the_same_experiment_run_on_one_thread()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var started = await editor.PostAsync("/api/runs?example=optimise-tiny.yaml", null);
        string id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("done", (await Support.Runs.WaitAsync(editor, id)).GetProperty("status").GetString());
        var web = await editor.GetByteArrayAsync($"/api/runs/{id}/files/results.json");
        // Same seed, same numbers whatever the thread count: the web run (all cores) against one thread.
        var scenario = ScenarioFile.Load(Support.Runs.TinyPath).Scenario!;
        var one = scenario.Options with { MaxDegreeOfParallelism = 1 };
        var expected = RunOutputs.ResultsJson(scenario, one, Experiment.Run(scenario.AllVariants, one));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(web));
    }

    [Fact]
    public async Task A_malformed_scenario_gets_every_problem_with_line_and_column_and_no_run()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        var lines = (await File.ReadAllLinesAsync(Support.Runs.TinyPath)).ToList();
        Assert.StartsWith("  intermediate_care:", lines[10], StringComparison.Ordinal);
        lines[10] = lines[10].Replace("capacity: 4", "capacity: -4", StringComparison.Ordinal); // line 11
        lines[6] = "replications: many"; // line 7
        using var response = await editor.PostAsync("/api/runs", new StringContent(string.Join('\n', lines)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problems = body.GetProperty("problems").EnumerateArray().Where(p => !p.GetProperty("warning").GetBoolean()).ToList();
        Assert.Contains(problems, p => p.GetProperty("line").GetInt32() == 11 && p.GetProperty("path").GetString()!.Contains("capacity", StringComparison.Ordinal) && p.GetProperty("column").GetInt32() > 1);
        Assert.Contains(problems, p => p.GetProperty("line").GetInt32() == 7 && p.GetProperty("path").GetString() == "replications");
        Assert.Equal(problems.Count, body.GetProperty("errors").GetProperty("scenario").GetArrayLength());
        Assert.Equal(0, (await editor.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_oversized_scenario_is_a_413_problem_and_a_viewer_may_look_but_not_start()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var big = await editor.PostAsync("/api/runs", new ByteArrayContent(new byte[ScenarioText.MaxBytes + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var refused = await viewer.PostAsync("/api/runs?example=optimise-tiny.yaml", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var list = await viewer.GetAsync("/api/runs?page=1&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var badPage = await viewer.GetAsync("/api/runs?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/runs/20260101T000000-aaaaaaaa")).StatusCode);
    }

    [Fact]
    public async Task A_run_needing_more_memory_than_allowed_is_refused_before_it_is_kept()
    {
        await using var server = await RunningServer.StartAsync(configure: o => o with { MaxRunMemory = 1 << 20 });
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsync("/api/runs?example=optimise-tiny.yaml", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("scenario")[0].GetString()!;
        Assert.Contains("would need about", message, StringComparison.Ordinal);
        Assert.Equal(0, (await editor.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Optimising_a_kept_run_runs_the_search_and_writes_its_pages_and_the_optimised_scenario()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var started = await editor.PostAsync("/api/runs?example=optimise-tiny.yaml", null);
        string id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("done", (await Support.Runs.WaitAsync(editor, id)).GetProperty("status").GetString());
        using var optimise = await editor.PostAsync($"/api/runs/{id}/optimise", null);
        Assert.Equal(HttpStatusCode.Accepted, optimise.StatusCode);
        var queued = await optimise.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("optimise", queued.GetProperty("kind").GetString());
        Assert.Equal(id, queued.GetProperty("of").GetString());
        var run = await Support.Runs.WaitAsync(editor, queued.GetProperty("id").GetString()!);
        Assert.Equal("done", run.GetProperty("status").GetString());
        Assert.Equal(["optimise.json", "report.html", "report.xlsx", "optimised-scenario.yaml"], run.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
        // optimise.json is bedflow optimise's document: the same search on the same scenario and seed gives the same bytes.
        var scenario = ScenarioFile.Load(Support.Runs.TinyPath).Scenario!;
        string expected = Data.Results.OptimiseJson.Text(scenario.Name, Core.Optimisation.Optimiser.Run(scenario, 1)) + Environment.NewLine;
        Assert.Equal(expected, await editor.GetStringAsync($"/api/runs/{run.GetProperty("id").GetString()}/files/optimise.json"));
        string pages = await editor.GetStringAsync($"/api/runs/{run.GetProperty("id").GetString()}/files/report.html");
        Assert.Contains("<figure id=\"optimise-frontier\"", pages, StringComparison.Ordinal);
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 100)).Entries.First(a => a.Action == "started run");
        Assert.Equal($"optimise {run.GetProperty("id").GetString()} of run {id}: 'Optimise tiny' ({run.GetProperty("file").GetString()}); SHA-256 {run.GetProperty("sha256").GetString()}", audit.Detail);
    }

    [Fact]
    public async Task A_run_left_running_by_a_stopped_server_is_marked_interrupted_when_it_starts_again()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"bedflow-runs-{Guid.NewGuid():N}");
        var store = new RunStore(folder, TimeProvider.System);
        store.Create(new RunRecord("20260101T000000-abcdefgh", "run", null, "x", "x.yaml", "00", "hub", "2026-01-01T00:00:00Z", "0", 1, 1, 1, RunStatus.Running, 40), "name: x\n"u8.ToArray());
        await using var server = await RunningServer.StartAsync(configure: o => o with { RunsFolder = folder });
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        var run = await viewer.GetFromJsonAsync<JsonElement>("/api/runs/20260101T000000-abcdefgh");
        Assert.Equal("interrupted", run.GetProperty("status").GetString());
        Assert.Contains("the server stopped", run.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
