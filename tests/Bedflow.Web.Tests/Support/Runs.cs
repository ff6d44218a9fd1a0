using System.Net.Http.Json;
using System.Text.Json;

namespace Bedflow.Web.Tests.Support;

/// <summary>Helpers for the run tests: the small example scenario, and waiting (bounded) for a run to finish.</summary>
public static class Runs
{
    /// <summary>The tiny optimise example (3 services, 4 replications, an optimise: section): a run takes a second or two.</summary>
    public static string TinyPath => Path.Combine(LayeringTests.RepoRoot(), "examples", "optimise-tiny.yaml");

    /// <summary>GET /api/runs/{id} until it has finished, at most <paramref name="seconds"/>; its last document.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient api, string id, int seconds = 180)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = (await api.GetFromJsonAsync<JsonElement>($"/api/runs/{id}")).Clone();
            string status = run.GetProperty("status").GetString()!;
            if (status is "done" or "failed" or "interrupted")
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < until, $"run {id} still {status} after {seconds} s");
            await Task.Delay(200);
        }
    }
}
