using System.Globalization;
using System.Security.Claims;
using Bedflow.Data.Accounts;
using Bedflow.Web.Admin;
using Bedflow.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bedflow.Web.Api;

/// <summary>
/// `/api/users` (admins): the accounts — list, add, change a role, lift a lock-out, set a password,
/// issue a token (shown once), remove. The same checks as the Users page (<see cref="AccountAdmin"/>);
/// passwords travel only in bodies. Every change is audited.
/// </summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Policies.Admin).WithTags("Users");
        group.MapGet("/", ListAsync).WithSummary("The accounts, by name (?page=&pageSize=): role, when added, a lock-out in force, whether they have a token.");
        group.MapPost("/", AddAsync).WithSummary("Add an account: {\"name\", \"role\": viewer|editor|admin, \"password\"}.");
        group.MapGet("/{name}", GetAsync).WithSummary("One account.");
        group.MapPatch("/{name}", ChangeAsync).WithSummary("Change an account: any of {\"role\", \"password\", \"unlock\": true}; not your own role.");
        group.MapDelete("/{name}", RemoveAsync).WithSummary("Remove an account and its token (not your own).");
        group.MapPost("/{name}/token", TokenAsync).WithSummary("Issue the account a new personal API token, shown once in the answer; its previous token stops working.");
        return app;
    }

    private static async Task<Results<Ok<UsersPageDocument>, ValidationProblem>> ListAsync(AccountStore accounts, TimeProvider clock, string? page, string? pageSize, CancellationToken cancel)
    {
        var problems = new Dictionary<string, string[]>();
        var (p, size) = Paging.Read(page, pageSize, 100, 500, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The paging is wrong");
        }
        var all = await accounts.ListAsync(cancel);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new UsersPageDocument(p, size, all.Count, [.. all.Skip((int)Math.Min(int.MaxValue, (long)(p - 1) * size)).Take(size).Select(a => Document(a, now))]));
    }

    private static async Task<Results<Ok<UserDocument>, ProblemHttpResult>> GetAsync(AccountStore accounts, TimeProvider clock, string name, CancellationToken cancel) =>
        await accounts.FindAsync(name, cancel) is { } a ? TypedResults.Ok(Document(a, clock.GetUtcNow().UtcDateTime)) : NoSuch(name);

    private static async Task<Results<Created<UserDocument>, ValidationProblem, ProblemHttpResult>> AddAsync(
        HttpContext http, UserAddDocument body, AccountAdmin admin, AccountStore accounts, TimeProvider clock)
    {
        var result = await admin.AddAsync(body.Name, body.Role, body.Password, Who(http), http.RequestAborted);
        return result.Outcome switch
        {
            AdminOutcome.Done when await accounts.FindAsync(body.Name!, http.RequestAborted) is { } a => TypedResults.Created($"/api/users/{a.Name}", Document(a, clock.GetUtcNow().UtcDateTime)),
            AdminOutcome.Exists => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The account exists", detail: result.Problems["name"][0]),
            AdminOutcome.Invalid => TypedResults.ValidationProblem(result.Problems, title: "The account is wrong"),
            _ => NoSuch(body.Name),
        };
    }

    private static async Task<Results<Ok<UserDocument>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        HttpContext http, string name, UserChangeDocument body, AccountAdmin admin, AccountStore accounts, TimeProvider clock)
    {
        var result = await admin.ChangeAsync(name, body.Role, body.Password, body.Unlock, Who(http), http.RequestAborted);
        return result.Outcome switch
        {
            AdminOutcome.Invalid => TypedResults.ValidationProblem(result.Problems, title: "The change is wrong"),
            AdminOutcome.Done when await accounts.FindAsync(name, http.RequestAborted) is { } a => TypedResults.Ok(Document(a, clock.GetUtcNow().UtcDateTime)),
            _ => NoSuch(name),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(HttpContext http, string name, AccountAdmin admin)
    {
        var result = await admin.RemoveAsync(name, Who(http), http.RequestAborted);
        return result.Outcome switch
        {
            AdminOutcome.Done => TypedResults.NoContent(),
            AdminOutcome.Invalid => TypedResults.ValidationProblem(result.Problems, title: "The account cannot be removed"),
            _ => NoSuch(name),
        };
    }

    private static async Task<Results<Ok<UserTokenDocument>, ProblemHttpResult>> TokenAsync(HttpContext http, string name, AccountAdmin admin)
    {
        var result = await admin.IssueTokenAsync(name, Who(http), http.RequestAborted);
        return result.Token is { } token ? TypedResults.Ok(new UserTokenDocument(name.Trim().ToLowerInvariant(), token)) : NoSuch(name);
    }

    private static ProblemHttpResult NoSuch(string? name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such account", detail: $"There is no account '{Data.Register.NhsNumber.Redact(name)}'.");

    private static string Who(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name)!;

    /// <summary>An account as the API shows it: never its password hash or token.</summary>
    public static UserDocument Document(Account a, DateTime nowUtc) => new(a.Name, RoleWords.Code(a.Role), T(a.CreatedUtc),
        a.LockedUntilUtc is { } until && until > nowUtc ? T(until) : null, a.HasToken);

    private static string T(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
