using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;
using Bedflow.Web.Api;
using Bedflow.Web.Runs;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Pages;

/// <summary>
/// `/options`: the board's options. Editors upload a scenario or pick an example, see every
/// problem with its line and column, and run it in the background; everyone signed in sees the
/// kept runs, each run's page (refreshing itself while it runs: no scripts), its board pack and
/// appraisal, for a scenario with an optimise: section its optimisation, and a forecast from the
/// register's census with its scenario (<see cref="ForecastSection"/>).
/// </summary>
internal static class OptionsPage
{
    /// <summary>Seconds between the refreshes of a run's page while it is queued or running.</summary>
    public const int RefreshSeconds = 2;

    public static IEndpointRouteBuilder MapOptionsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/options", List).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        app.MapPost("/options", PostAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        app.MapGet("/options/runs/{id}", RunAsync).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        app.MapPost("/options/runs/{id}/optimise", OptimiseAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        app.MapPost("/options/runs/{id}/forecast", ForecastAsync).RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        app.MapGet("/options/runs/{id}/files/{name}", (RunStore store, string id, string name) => RunFiles.Serve(store, id, name)).RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
        return app;
    }

    private static ContentHttpResult List(HttpContext http, RunStore store, Examples examples, string? page)
    {
        var problems = new Dictionary<string, string[]>();
        var (p, size) = Paging.Read(page, null, RunEndpoints.DefaultPageSize, RunEndpoints.MaxPageSize, problems);
        if (problems.Count > 0)
        {
            return Page(http, "<h1>Options</h1><p class=\"problem\" role=\"alert\">page: " + Html.Text(problems["page"][0]) + "</p>", 400);
        }
        return Page(http, "<h1>Options</h1>" + Form(http, examples, null) + Runs(store, p, size), 200);
    }

    private static async Task<IResult> PostAsync(HttpContext http, IFormCollection form, RunStarter starter, Examples examples, RunStore store)
    {
        string action = form["action"].ToString() == "run" ? "run" : "validate";
        string example = form["example"].ToString();
        ScenarioText? text;
        var file = form.Files.GetFile("scenario");
        if (file is { Length: > 0 })
        {
            if (file.Length > ScenarioText.MaxBytes)
            {
                return Page(http, $"<h1>Options</h1><p class=\"problem\" role=\"alert\">The scenario is too large: at most {ScenarioText.MaxBytes / 1024} KB.</p>" + Form(http, examples, null), 413);
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            text = new ScenarioText(buffer.ToArray(), ScenarioText.Plain(file.FileName));
        }
        else if (example.Length > 0)
        {
            text = examples.Read(example);
            if (text is null)
            {
                return Page(http, "<h1>Options</h1><p class=\"problem\" role=\"alert\">example: there is no example of that name.</p>" + Form(http, examples, null), 400);
            }
        }
        else
        {
            return Page(http, "<h1>Options</h1><p class=\"problem\" role=\"alert\">scenario: choose a scenario file to upload, or pick an example.</p>" + Form(http, examples, null), 400);
        }
        if (action == "validate")
        {
            var load = RunStarter.Validate(text);
            string verdict = load.IsValid
                ? $"<p class=\"ok\" role=\"status\">{Html.Text(text.FileName)} has no problems: '{Html.Text(load.Scenario!.Name)}', {load.Scenario.AllVariants.Count} option(s), {load.Scenario.Options.Replications} replications, seed {load.Scenario.Options.Seed}.</p>"
                : $"<p class=\"problem\" role=\"alert\">{Html.Text(text.FileName)} has {load.Problems.Count(x => !x.IsWarning)} problem(s); nothing was run.</p>";
            return Page(http, "<h1>Options</h1>" + verdict + ProblemTable(load.Problems) + Form(http, examples, example), load.IsValid ? 200 : 400);
        }
        var start = await starter.StartAsync(text, RunKinds.Run, null, http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted);
        return Started(http, start, examples, example);
    }

    private static async Task<IResult> OptimiseAsync(HttpContext http, IFormCollection form, RunStarter starter, RunStore store, Examples examples, string id)
    {
        _ = form; // bound so that the antiforgery token is checked
        if (store.Find(id) is not { } run)
        {
            return TypedResults.NotFound();
        }
        var text = new ScenarioText(await File.ReadAllBytesAsync(store.ScenarioPath(id), http.RequestAborted), run.File);
        return Started(http, await starter.StartAsync(text, RunKinds.Optimise, id, http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted), examples, null);
    }

    private static async Task<IResult> ForecastAsync(HttpContext http, IFormCollection form, RunStarter starter, RunStore store, Examples examples, string id)
    {
        if (store.Find(id) is not { } run)
        {
            return TypedResults.NotFound();
        }
        var (start, problems) = await starter.StartForecastAsync(run, form["as_of"], form["days"], form["replications"], [.. form["variant"].OfType<string>()],
            http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted);
        if (start is not null)
        {
            return Started(http, start, examples, null);
        }
        var h = new StringBuilder("<h1>Forecast</h1><p class=\"problem\" role=\"alert\">The forecast was not started:</p><ul id=\"problems\">");
        foreach (var (field, messages) in problems)
        {
            h.AppendJoin("", messages.Select(m => $"<li>{Html.Text(field)}: {Html.Text(m)}</li>"));
        }
        h.Append(CultureInfo.InvariantCulture, $"</ul><p><a href=\"/options/runs/{run.Id}\">Back to the run</a></p>");
        return Page(http, h.ToString(), 400);
    }

    private static IResult Started(HttpContext http, RunStart start, Examples examples, string? example)
    {
        if (start.Started is { } run)
        {
            return TypedResults.Redirect($"/options/runs/{run.Id}");
        }
        string body = start switch
        {
            { TooLarge: true } => $"<p class=\"problem\" role=\"alert\">The scenario is too large: at most {ScenarioText.MaxBytes / 1024} KB.</p>",
            { QueueFull: true } => $"<p class=\"problem\" role=\"alert\">Too many runs are waiting (at most {RunQueue.Capacity}): try again when one has finished.</p>",
            { Refused: { } why } => $"<p class=\"problem\" role=\"alert\">{Html.Text(why)}</p>",
            _ => $"<p class=\"problem\" role=\"alert\">The scenario has {start.Problems.Count(x => !x.IsWarning)} problem(s); nothing was run.</p>" + ProblemTable(start.Problems),
        };
        int status = start.TooLarge ? 413 : start.QueueFull ? 503 : 400;
        return Page(http, "<h1>Options</h1>" + body + Form(http, examples, example), status);
    }

    private static async Task<ContentHttpResult> RunAsync(HttpContext http, RunStore store, DelayRegister register, string id)
    {
        if (store.Find(id) is not { } run)
        {
            return Page(http, "<h1>Not found</h1><p>There is no run with that id.</p><p><a href=\"/options\">Options</a></p>", 404);
        }
        bool finished = RunStatus.IsFinished(run.Status);
        var h = new StringBuilder();
        string what = run.Kind switch { RunKinds.Optimise => "Optimisation", RunKinds.Forecast => "Forecast", _ => "Run" };
        h.Append(CultureInfo.InvariantCulture, $"<h1>{what} of '{Html.Text(run.Scenario)}'</h1>");
        if (run.Forecast is { } asked)
        {
            h.Append(ForecastSection.Headline(asked));
        }
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"status\" role=\"status\">Status: <strong id=\"status\">{Html.Text(run.Status)}</strong>")
            .Append(finished ? "" : string.Create(CultureInfo.InvariantCulture, $" — <progress max=\"100\" value=\"{run.Percent:0.#}\">{run.Percent:0.#}%</progress> <span id=\"percent\">{run.Percent:0.#}%</span> (this page refreshes itself every {RefreshSeconds} seconds)"))
            .Append("</p>");
        if (run.Message is { } message)
        {
            h.Append("<p class=\"problem\">").Append(Html.Text(message)).Append("</p>");
        }
        h.Append("<table><caption>To cite this run</caption><tbody>");
        foreach (var (k, v) in new (string, string?)[]
        {
            ("Run", run.Id), ("Scenario", run.Scenario), ("File", run.File), ("SHA-256 of the scenario", run.Sha256), ("Started by", run.StartedBy),
            ("Asked for (UTC)", run.CreatedUtc), ("Started (UTC)", run.StartedUtc), ("Finished (UTC)", run.FinishedUtc), ("Bedflow version", run.Version),
            ("Seed", run.Seed.ToString(CultureInfo.InvariantCulture)), ("Replications", run.Replications.ToString(CultureInfo.InvariantCulture)),
            ("Options", run.Variants.ToString(CultureInfo.InvariantCulture)), ($"{what} of", run.Of),
            ("As of (the register's census)", run.Forecast?.AsOf), ("Days ahead", run.Forecast?.Days.ToString(CultureInfo.InvariantCulture)),
            ("Variants forecast", run.Forecast is { } f ? string.Join(", ", f.Variants) : null),
        })
        {
            if (v is not null)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><th>{Html.Text(k)}</th><td>{(k == $"{what} of" ? $"<a href=\"/options/runs/{Html.Text(v)}\">{Html.Text(v)}</a>" : Html.Text(v))}</td></tr>");
            }
        }
        h.Append("</tbody></table>");
        string files = $"/options/runs/{run.Id}/files/";
        h.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{files}scenario.yaml\">The scenario as given</a></p>");
        if (run.Status == RunStatus.Done)
        {
            if (run.Kind == RunKinds.Forecast)
            {
                h.Append(ForecastSection.Result(run, store.OutputsPath(run.Id)));
                h.Append("<p class=\"downloads\">Downloads: ").AppendJoin(" · ", run.Outputs.Select(o => $"<a href=\"{files}{Html.Text(o)}\">{Html.Text(o)}</a>")).Append("</p>");
            }
            else
            {
                string pack = run.Kind == RunKinds.Optimise ? "The optimisation pages and frontier" : "The board pack";
                h.Append(CultureInfo.InvariantCulture, $"<p class=\"downloads\"><a id=\"board-pack\" href=\"{files}report.html\">{pack}</a>")
                    .AppendJoin("", run.Outputs.Where(o => o != "report.html").Select(o => $" · <a href=\"{files}{Html.Text(o)}\">{Html.Text(o)}</a>"))
                    .Append("</p>");
            }
            if (run.Outputs.Contains("appraisal.json"))
            {
                h.Append(Appraisal(Path.Combine(store.OutputsPath(run.Id), "appraisal.json")));
            }
            if (run.Kind == RunKinds.Run && Principals.RoleOf(http.User) >= Role.Editor && ScenarioFile.Load(store.ScenarioPath(run.Id)).Scenario is { } scenario)
            {
                if (scenario.Optimise is not null)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/options/runs/{run.Id}/optimise\">{Html.AntiforgeryField(http)}<p>The scenario has an optimise: section: <button type=\"submit\">Optimise</button> (the search of bedflow optimise, in the background).</p></form>");
                }
                h.Append(ForecastSection.Form(http, run, scenario, await register.SpanAsync(http.RequestAborted)));
            }
        }
        h.Append("<p><a href=\"/options\">All runs</a></p>");
        string head = "";
        if (!finished)
        {
            // Live progress without scripts: the page asks to be loaded again (the header, and the meta element for browsers that want it).
            http.Response.Headers["Refresh"] = RefreshSeconds.ToString(CultureInfo.InvariantCulture);
            head = $"<meta http-equiv=\"refresh\" content=\"{RefreshSeconds}\">";
        }
        return Page(http, head + h, 200);
    }

    private static string Appraisal(string path)
    {
        AppraisalDocument? a;
        try
        {
            a = JsonSerializer.Deserialize(File.ReadAllBytes(path), BoardJson.Default.AppraisalDocument);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return "<p class=\"problem\">The appraisal cannot be read.</p>";
        }
        if (a is null)
        {
            return "";
        }
        var h = new StringBuilder("<section id=\"appraisal\"><h2>Appraisal</h2><p>").Append(Html.Text(a.Verdict)).Append("</p>");
        if (a.Options.Count == 0)
        {
            return h.Append("</section>").ToString();
        }
        h.Append("<table><thead><tr><th>Option</th><th>Standing</th><th class=\"n\">Delayed days avoided a year</th><th>95% CI</th><th>Why</th></tr></thead><tbody>");
        foreach (var o in a.Options)
        {
            string ci = o.DelayedDaysAvoidedCi95 is [{ } lo, { } hi] ? string.Create(CultureInfo.InvariantCulture, $"{lo:N0} to {hi:N0}") : "–";
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Text(o.Variant)}</td><td>{Html.Text(o.Standing)}</td><td class=\"n\">{o.DelayedDaysAvoided:N0}</td><td>{Html.Text(ci)}</td><td>{Html.Text(string.Join(" ", o.Why))}</td></tr>");
        }
        return h.Append("</tbody></table></section>").ToString();
    }

    /// <summary>The upload form (editors), or a note (viewers): a scenario file or an example; validate, or run.</summary>
    private static string Form(HttpContext http, Examples examples, string? selected)
    {
        if (Principals.RoleOf(http.User) < Role.Editor)
        {
            return "<p>Editors may upload and run scenarios; you may look at the runs below.</p>";
        }
        string options = "<option value=\"\">(none: upload a file)</option>" + string.Concat(examples.Names().Select(n =>
            $"<option value=\"{Html.Text(n)}\"{(n == selected ? " selected" : "")}>{Html.Text(n)}</option>"));
        return $"""
            <form method="post" action="/options" enctype="multipart/form-data" class="filters">
            {Html.AntiforgeryField(http)}
            <p><label>Scenario file (YAML, at most {ScenarioText.MaxBytes / 1024} KB) <input type="file" name="scenario" accept=".yaml,.yml,text/yaml"></label></p>
            <p><label>or an example <select name="example">{options}</select></label></p>
            <p><button type="submit" name="action" value="validate">Validate</button> <button type="submit" name="action" value="run">Run</button></p>
            </form>
            """;
    }

    private static string ProblemTable(IReadOnlyList<ScenarioProblem> problems)
    {
        if (problems.Count == 0)
        {
            return "";
        }
        var h = new StringBuilder("<table id=\"problems\"><caption>Problems</caption><thead><tr><th class=\"n\">Line</th><th class=\"n\">Column</th><th>Key</th><th>Problem</th></tr></thead><tbody>");
        foreach (var p in problems)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr{(p.IsWarning ? " class=\"warning\"" : "")}><td class=\"n\">{p.Line}</td><td class=\"n\">{p.Column}</td><td>{Html.Text(p.Path)}</td><td>{(p.IsWarning ? "warning: " : "")}{Html.Text(p.Message)}</td></tr>");
        }
        return h.Append("</tbody></table>").ToString();
    }

    private static string Runs(RunStore store, int page, int size)
    {
        var (runs, total) = store.List(page, size);
        if (total == 0)
        {
            return "<h2>Runs</h2><p>No runs yet.</p>";
        }
        var h = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<h2>Runs</h2><p>{total} run(s), newest first.</p>"));
        h.Append("<table id=\"runs\"><thead><tr><th>Run</th><th>What</th><th>Scenario</th><th>Started by</th><th>Asked for (UTC)</th><th>Status</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/options/runs/{r.Id}\">{r.Id}</a></td><td>{Html.Text(r.Kind)}</td><td>{Html.Text(r.Scenario)}</td><td>{Html.Text(r.StartedBy)}</td><td>{Html.Text(r.CreatedUtc)}</td><td>{Html.Text(r.Status)}{(RunStatus.IsFinished(r.Status) ? "" : string.Create(CultureInfo.InvariantCulture, $" {r.Percent:0.#}%"))}</td></tr>");
        }
        h.Append("</tbody></table>");
        int pages = (total + size - 1) / size;
        if (pages > 1)
        {
            h.Append(CultureInfo.InvariantCulture, $"<nav><p>Page {page} of {pages}. ")
                .Append(page > 1 ? $"<a href=\"/options?page={page - 1}\">Previous</a> " : "")
                .Append(page < pages ? $"<a href=\"/options?page={page + 1}\">Next</a>" : "").Append("</p></nav>");
        }
        return h.ToString();
    }

    private static ContentHttpResult Page(HttpContext http, string body, int status) =>
        TypedResults.Content(Html.Page(http, "Options", body), "text/html; charset=utf-8", statusCode: status);
}
