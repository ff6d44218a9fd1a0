using System.Security.Claims;
using Bedflow.Data.Scenarios;
using Bedflow.Web.Runs;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>
/// `/api/runs`: the kept runs (viewers and up may look), and starting one (editors): the scenario
/// in the body (or <c>?example=</c>), validated first — problems are a 400 with line and column —
/// then kept with its inputs and run in the background; `GET /api/runs/{id}` says how far it has got.
/// A kept run's scenario may be optimised, or forecast from the served register's census.
/// </summary>
internal static class RunEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").RequireAuthorization(Policies.Viewer).WithTags("Runs");
        group.MapGet("", List).WithSummary("The kept runs, newest first (?page=&pageSize=, at most 200).");
        group.MapGet("/{id}", Get).WithSummary("One run: its inputs (scenario name, SHA-256, who, when, version, seed), status and percent done, outputs.");
        group.MapGet("/{id}/files/{name}", (RunStore store, string id, string name) => RunFiles.Serve(store, id, name)).WithSummary("One of a run's outputs, or scenario.yaml.");
        group.MapPost("", StartAsync).RequireAuthorization(Policies.Editor)
            .WithSummary("Start a run of the scenario in the body (YAML; or ?example=NAME), ?kind=run|optimise; 202 with its address, or 400 with the scenario's problems.");
        group.MapPost("/{id}/optimise", OptimiseAsync).RequireAuthorization(Policies.Editor).WithSummary("Run bedflow optimise's search on a kept run's scenario (it needs an optimise: section).");
        group.MapPost("/{id}/forecast", ForecastAsync).RequireAuthorization(Policies.Editor)
            .WithSummary("Forecast from the register's census with a kept run's scenario, as bedflow forecast: ?as_of=yyyy-mm-dd hh:mm (default: the register's latest moment), days (1-365, default 28), replications (10-1000, default 100), variant (repeat; default: all).");
        return app;
    }

    private static Results<Ok<RunsPageDocument>, ValidationProblem> List(RunStore store, string? page, string? pageSize)
    {
        var problems = new Dictionary<string, string[]>();
        var (p, size) = Paging.Read(page, pageSize, DefaultPageSize, MaxPageSize, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The paging is wrong");
        }
        var (runs, total) = store.List(p, size);
        return TypedResults.Ok(new RunsPageDocument(p, size, total, runs));
    }

    private static Results<Ok<RunRecord>, NotFound> Get(RunStore store, string id) =>
        store.Find(id) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound();

    private static async Task<IResult> StartAsync(HttpContext http, RunStarter starter, Examples examples, string? example, string? kind, string? name)
    {
        string k = string.IsNullOrWhiteSpace(kind) ? RunKinds.Run : kind.Trim().ToLowerInvariant();
        if (k is not (RunKinds.Run or RunKinds.Optimise))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["must be run or optimise."] }, title: "The request is wrong");
        }
        ScenarioText? text;
        if (!string.IsNullOrWhiteSpace(example))
        {
            text = examples.Read(example.Trim());
            if (text is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["example"] = [$"no example of that name: {string.Join(", ", examples.Names())}."] }, title: "The request is wrong");
            }
        }
        else
        {
            var bytes = await ReadBodyAsync(http.Request, http.RequestAborted);
            if (bytes is null)
            {
                return TooLarge();
            }
            if (bytes.Length == 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = ["the body is empty: send the scenario (YAML), or name an ?example=."] }, title: "The request is wrong");
            }
            text = new ScenarioText(bytes, ScenarioText.Plain(name));
        }
        return Answer(await starter.StartAsync(text, k, null, http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted));
    }

    private static async Task<IResult> OptimiseAsync(HttpContext http, RunStarter starter, RunStore store, string id)
    {
        if (store.Find(id) is not { } run)
        {
            return TypedResults.NotFound();
        }
        var text = new ScenarioText(await File.ReadAllBytesAsync(store.ScenarioPath(id), http.RequestAborted), run.File);
        return Answer(await starter.StartAsync(text, RunKinds.Optimise, id, http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted));
    }

    private static async Task<IResult> ForecastAsync(HttpContext http, RunStarter starter, RunStore store, string id,
        [FromQuery(Name = "as_of")] string? asOf, string? days, string? replications, [FromQuery(Name = "variant")] string[]? variant)
    {
        if (store.Find(id) is not { } run)
        {
            return TypedResults.NotFound();
        }
        var (start, problems) = await starter.StartForecastAsync(run, asOf, days, replications, variant ?? [], http.User.FindFirstValue(ClaimTypes.Name)!, http.RequestAborted);
        return start is null ? TypedResults.ValidationProblem(problems, title: "The forecast cannot start") : Answer(start);
    }

    /// <summary>The outcome as the API says it: 202 with the run's address, or the problem.</summary>
    private static IResult Answer(RunStart start)
    {
        if (start.Started is { } run)
        {
            return TypedResults.Accepted($"/api/runs/{run.Id}", run);
        }
        if (start.TooLarge)
        {
            return TooLarge();
        }
        if (start.QueueFull)
        {
            return TypedResults.Problem(title: "Too many runs waiting", detail: $"At most {RunQueue.Capacity} runs may wait at once: try again when one has finished.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (start.Refused is { } why)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = [why] }, title: "The scenario cannot be run");
        }
        var errors = start.Problems.Where(p => !p.IsWarning).ToList();
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = [.. errors.Select(p => p.ToString())] },
            title: $"The scenario has {errors.Count} problem(s)", extensions: new Dictionary<string, object?> { ["problems"] = Problems(start.Problems) });
    }

    internal static ScenarioProblemDocument[] Problems(IEnumerable<ScenarioProblem> problems) =>
        [.. problems.Select(p => new ScenarioProblemDocument(p.Line, p.Column, p.Path, p.Message, p.IsWarning))];

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(title: "Scenario too large",
        detail: $"A scenario may be at most {ScenarioText.MaxBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body, at most <see cref="ScenarioText.MaxBytes"/>; null when it is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > ScenarioText.MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ScenarioText.MaxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }
}
