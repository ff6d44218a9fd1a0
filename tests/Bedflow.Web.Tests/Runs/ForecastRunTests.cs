using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Core.Forecasting;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Data.Results;
using Bedflow.Data.Scenarios;
using Bedflow.Web.Runs;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Runs;

/// <summary>
/// A forecast run (`POST /api/runs/{id}/forecast` and the run page's form) on real Kestrel over a
/// register seeded by importing the Oxfordshire example's extract: bedflow forecast's path and document.
/// </summary>
public class ForecastRunTests
{
    private const string AsOf = "2016-11-01 12:00";

    private static string Oxfordshire => Path.Combine(LayeringTests.RepoRoot(), "examples", "oxfordshire", "scenario.yaml");

    /// <summary>A finished run of <paramref name="path"/> kept in the server's store, as if run (a forecast needs only its scenario).</summary>
    private static string Kept(RunningServer server, string path)
    {
        var store = server.App.Services.GetRequiredService<RunStore>();
        string id = store.NewId();
        store.Create(new RunRecord(id, RunKinds.Run, null, "kept", Path.GetFileName(path), "00", "hub", store.Now(), "0", 1, 1, 1, RunStatus.Done, 100), File.ReadAllBytes(path));
        return id;
    }

    [Fact]
    public async Task A_forecast_over_the_imported_register_finishes_with_the_patients_delayed_at_its_moment_bedflow_forecasts_document_its_table_and_its_chart()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        string of = Kept(server, Oxfordshire);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var started = await editor.PostAsync($"/api/runs/{of}/forecast?as_of={Uri.EscapeDataString(AsOf)}&days=7&replications=10&variant=pilot_stopped", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var queued = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("forecast", queued.GetProperty("kind").GetString());
        Assert.Equal(of, queued.GetProperty("of").GetString());
        Assert.Equal(AsOf, queued.GetProperty("forecast").GetProperty("as_of").GetString());
        Assert.Equal(["baseline", "pilot_stopped"], queued.GetProperty("forecast").GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
        string id = queued.GetProperty("id").GetString()!;
        var run = await Support.Runs.WaitAsync(editor, id);
        Assert.True(run.GetProperty("status").GetString() == "done", run.ToString());
        Assert.Equal(["forecast.json", "forecast-delayed.svg"], run.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));

        // The patients delayed at the moment, counted from the extract itself (ready by then, not gone by then).
        var at = DateTime.ParseExact(AsOf, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        int delayed = Example.DelayedAt(at).Count;
        Assert.True(delayed > 0);
        string json = await editor.GetStringAsync($"/api/runs/{id}/files/forecast.json");
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Equal(delayed, doc.RootElement.GetProperty("delayed_now").GetInt32());
            Assert.Equal(7, doc.RootElement.GetProperty("days").GetInt32());
            Assert.Equal(10, doc.RootElement.GetProperty("replications").GetInt32());
        }
        // bedflow forecast's document: the same forecast made on one thread from the same register gives the same bytes.
        var scenario = ScenarioFile.Load(Oxfordshire).Scenario!;
        var stays = await new DelayRegister(server.Db, RunningServer.Cipher).StaysAsync();
        var settings = new ForecastSettings { Days = 7, Replications = 10, Seed = scenario.Options.Seed, Threads = 1 };
        var expected = RegisterForecast.Run([scenario.AllVariants[0], scenario.Variants.Single(v => v.Name == "pilot_stopped")], stays, at, settings, scenario.Options.Warmup).Result!;
        Assert.Equal(ForecastJson.Text(scenario.Name, expected) + Environment.NewLine, json);
        using var svg = await editor.GetAsync($"/api/runs/{id}/files/forecast-delayed.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);

        // The run's page: the moment, the chart inline, a table per variant on days 1 and 7, the bands' sentence, the downloads.
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        string page = await viewer.GetStringAsync($"/options/runs/{id}");
        Assert.Contains("<h1>Forecast of 'Oxfordshire", page, StringComparison.Ordinal);
        Assert.Contains($"<strong id=\"as-of\">{AsOf}</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"<strong id=\"delayed-now\">{delayed}</strong>", page, StringComparison.Ordinal);
        Assert.Matches("<figure id=\"forecast-delayed\">\\s*<svg", page);
        Assert.Contains(Web.Pages.Html.Text(Web.Pages.ForecastSection.BandsSentence), page, StringComparison.Ordinal);
        foreach (string variant in new[] { "baseline", "pilot_stopped" })
        {
            Assert.Contains($"<table class=\"forecast\" data-variant=\"{variant}\">", page, StringComparison.Ordinal);
        }
        Assert.Contains("<th>Day 1 (2016-11-01): mean (95% CI); 80% band; 95% band</th><th>Day 7 (2016-11-07)", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"delayed\">", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"acute-queue\">", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"reason-E\"><th>Delayed: E (", page, StringComparison.Ordinal); // a reason the register has patients delayed for, with its words
        Assert.Contains($"href=\"/options/runs/{id}/files/forecast-delayed.svg\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/options/runs/{id}/files/forecast.json\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("days=0", "days", "from 1 to 365")]
    [InlineData("days=366", "days", "from 1 to 365")]
    [InlineData("replications=5", "replications", "from 10 to 1000")]
    [InlineData("as_of=1%20May%202016", "as_of", "is not a moment")]
    [InlineData("as_of=2017-06-01%2000:00", "as_of", "is outside the register's data, which run from 2016-10-02 09:00 to 2016-12-07 00:00: forecast from a moment the register knows.")]
    [InlineData("variant=no_such", "variant", "has no variant 'no_such' (its variants: pilot_stopped")]
    [InlineData("variant=first_wrong&variant=pilot_stopped&variant=second_wrong", "variant", "has no variant 'first_wrong'")]
    public async Task A_bad_field_is_a_400_problem_naming_it_and_starts_nothing(string query, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        string of = Kept(server, Oxfordshire);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsync($"/api/runs/{of}/forecast?{query}", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(errors.GetProperty(field).EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(1, (await editor.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_forecast_whose_model_would_run_decades_to_reach_the_census_or_need_too_much_memory_is_refused_before_it_starts()
    {
        string early = Path.Combine(Path.GetTempPath(), $"bedflow-early-{Guid.NewGuid():N}.yaml");
        // The example with a 25-year warm-up: 9,125 days and the 214 from its start to the census before the forecast could begin.
        await File.WriteAllTextAsync(early, (await File.ReadAllTextAsync(Oxfordshire)).Replace("warmup: 2y", "warmup: 25y", StringComparison.Ordinal));
        await using var server = await RunningServer.StartAsync(configure: o => o with { MaxRunMemory = 300L << 20 });
        await server.ImportExampleAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var decades = await editor.PostAsync($"/api/runs/{Kept(server, early)}/forecast?as_of={Uri.EscapeDataString(AsOf)}&days=7&replications=10&variant=baseline", null);
        Assert.Equal(HttpStatusCode.BadRequest, decades.StatusCode);
        string why = (await decades.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("scenario")[0].GetString()!;
        Assert.Contains("the model would first run 9,339 days", why, StringComparison.Ordinal);
        Assert.Contains("2016-04-01", why, StringComparison.Ordinal);
        string of = Kept(server, Oxfordshire);
        using var big = await editor.PostAsync($"/api/runs/{of}/forecast?as_of={Uri.EscapeDataString(AsOf)}&days=365&replications=1000", null);
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("this forecast would need about", (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("scenario")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await editor.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("total").GetInt32()); // the two kept, nothing started
        using var small = await editor.PostAsync($"/api/runs/{of}/forecast?as_of={Uri.EscapeDataString(AsOf)}&days=7&replications=10&variant=baseline", null);
        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
    }

    [Fact]
    public async Task A_register_the_scenario_cannot_hold_or_an_empty_one_is_a_400_naming_it()
    {
        await using var server = await RunningServer.StartAsync();
        string tiny = Kept(server, Support.Runs.TinyPath);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var empty = await editor.PostAsync($"/api/runs/{tiny}/forecast", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("import an extract", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("register")[0].GetString(), StringComparison.Ordinal);
        await server.ImportExampleAsync();
        using var misfit = await editor.PostAsync($"/api/runs/{tiny}/forecast?as_of={Uri.EscapeDataString(AsOf)}", null);
        Assert.Equal(HttpStatusCode.BadRequest, misfit.StatusCode);
        string problem = (await misfit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("scenario")[0].GetString()!;
        Assert.Contains("'community_hospital'", problem, StringComparison.Ordinal); // the register's, which the tiny scenario lacks
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync("/api/runs/20260101T000000-aaaaaaaa/forecast", null)).StatusCode);
    }

    [Fact]
    public async Task An_editor_forecasts_from_the_run_page_with_the_registers_latest_moment_by_default_and_a_viewer_may_not()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        string of = Kept(server, Oxfordshire);
        // The latest moment the extract records: an admission, a ready time, a discharge or a reason's start.
        string latest = File.ReadAllLines(Example.Path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .SelectMany(r => new[] { r[2], r[3], r[4], r[10] }).Where(t => t.Length > 0).Max(StringComparer.Ordinal)!;
        var editor = await server.SignedInAsync("hub", Role.Editor);
        string page = await editor.GetStringAsync($"/options/runs/{of}");
        Assert.Contains($"<strong id=\"register-latest\">{latest}</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"as_of\" value=\"{latest.Replace(' ', 'T')}\"", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"variant\" value=\"pilot_stopped\" checked>", page, StringComparison.Ordinal);

        using var bad = await RunningServer.PostFormAsync(editor, $"/options/runs/{of}", $"/options/runs/{of}/forecast", new() { ["as_of"] = "", ["days"] = "0", ["variant"] = "baseline" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<li>days: must be a whole number from 1 to 365, but was &#x27;0&#x27;.</li>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var forged = await editor.PostAsync($"/options/runs/{of}/forecast", new FormUrlEncodedContent(new Dictionary<string, string> { ["days"] = "3" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // no antiforgery token: refused
        Assert.Single(server.App.Services.GetRequiredService<RunStore>().List(1, 10).Runs); // nothing started by either
        using var ok = await RunningServer.PostFormAsync(editor, $"/options/runs/{of}", $"/options/runs/{of}/forecast", new() { ["as_of"] = "", ["days"] = "3", ["replications"] = "10", ["variant"] = "baseline" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        string id = ok.Headers.Location!.ToString().Split('/')[^1];
        var api = await server.TokenClientAsync("api", Role.Viewer);
        var run = await Support.Runs.WaitAsync(api, id);
        Assert.Equal("done", run.GetProperty("status").GetString());
        Assert.Equal(latest, run.GetProperty("forecast").GetProperty("as_of").GetString()); // the default: the register's latest moment
        Assert.Equal(["baseline"], run.GetProperty("forecast").GetProperty("variants").EnumerateArray().Select(v => v.GetString())); // only the baseline sent: only the baseline

        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        Assert.DoesNotContain("/forecast\"", await viewer.GetStringAsync($"/options/runs/{of}"), StringComparison.Ordinal); // no form for a viewer
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/runs/{of}/forecast", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RunningServer.PostFormAsync(viewer, "/today", $"/options/runs/{of}/forecast", new() { ["days"] = "3" })).StatusCode);
    }
}
