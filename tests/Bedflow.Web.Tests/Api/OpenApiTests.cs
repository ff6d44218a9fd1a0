using System.Net.Http.Json;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json describes the API (and needs an account, like the rest).</summary>
public class OpenApiTests
{
    [Fact]
    public async Task The_document_lists_every_api_endpoint_and_its_query_parameters()
    {
        await using var server = await RunningServer.StartAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        var doc = await viewer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        foreach (string path in new[] { "/api/delays/current", "/api/audit", "/api/me", "/health" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var parameters = paths.GetProperty("/api/delays/current").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["at", "reason", "provider", "organisation", "page", "pageSize"], parameters);
        Assert.False(paths.TryGetProperty("/signin", out _)); // pages are not the API
    }
}
