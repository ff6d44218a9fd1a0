using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bedflow.Web.Tests.Api;

/// <summary>Every error from the API is problem details, never a stack trace; the server's own failures are 5xx.</summary>
public class ProblemDetailsTests
{
    [Fact]
    public async Task A_wrong_method_and_a_body_too_large_are_problem_details()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var method = await editor.DeleteAsync("/api/me");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("application/problem+json", method.Content.Headers.ContentType?.MediaType);
        using var large = await editor.PostAsync("/api/patients/search", new StringContent("{\"nhs_number\":\"" + new string('9', 2 << 20) + "\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_register_that_fails_under_the_server_is_a_500_problem_without_a_stack_trace_and_health_says_503()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bedflow-web-{Guid.NewGuid():N}.db");
        await using var server = await RunningServer.StartAsync(RegisterLocation.Sqlite(file));
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/delays/current")).StatusCode);
        // The register's tables vanish under the running server (a restore gone wrong): the token still works, the
        // query cannot — nor the count of writes the cached list checks on every request.
        await using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await c.OpenAsync();
            await using var drop = c.CreateCommand();
            drop.CommandText = "DROP TABLE delay_reasons; DROP TABLE register_changes; DROP TABLE schema_migrations;";
            await drop.ExecuteNonQueryAsync();
        }
        using var failed = await viewer.GetAsync("/api/delays/current");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        string body = await failed.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at Bedflow", body, StringComparison.Ordinal);
        Assert.DoesNotContain("delay_reasons", body, StringComparison.Ordinal);
        using var health = await server.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(503, (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }
}
