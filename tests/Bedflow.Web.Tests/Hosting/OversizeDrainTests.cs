using System.Net;
using System.Text;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Hosting;
using Bedflow.Web.Imports;
using Bedflow.Web.Tests.Imports;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Hosting;

/// <summary>
/// Uploads over the limit sent without `Expect: 100-continue`, on real Kestrel: answered 413 with
/// problem details whether the client reads while it sends or only after, the connection kept; and
/// bounded — a body too large to drain, or one that never comes, is not waited for.
/// </summary>
public class OversizeDrainTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<(RunningServer Server, string Token)> StartAsync()
    {
        var server = await RunningServer.StartAsync();
        await server.AddAsync("hub", Role.Editor);
        return (server, (await server.Accounts.IssueTokenAsync("hub", "test"))!);
    }

    private static void AssertTooLargeProblem(RawUpload r)
    {
        Assert.Equal("HTTP/1.1 413 Payload Too Large", r.Status);
        Assert.Contains("Content-Type: application/problem+json", r.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("at most 16 MB", JsonDocument.Parse(r.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_twice_the_limit_without_expect_continue_is_told_413_whether_the_client_reads_while_sending_or_after()
    {
        var (server, token) = await StartAsync();
        await using var _ = server;
        long twice = 2 * ExtractUpload.MaxRequest;

        // A naive client writes all 32 MB before it reads: the server reads them (discarding), answers, and keeps the connection.
        var naive = await RawUpload.SendAsync(server.Address, "/api/imports", token, twice, readWhileWriting: false, Limit, thenHealth: true);
        Assert.Null(naive.WriteError);
        Assert.Equal(twice, naive.Written);
        AssertTooLargeProblem(naive);
        Assert.Equal("HTTP/1.1 200 OK", naive.Next);

        // One that reads while it sends (as curl does) has the answer at once and stops sending.
        var careful = await RawUpload.SendAsync(server.Address, "/api/imports", token, twice, readWhileWriting: true, Limit);
        Assert.Null(careful.WriteError);
        AssertTooLargeProblem(careful);

        // .NET's HttpClient without Expect: 100-continue: this was "Error while copying content to a stream" (a broken pipe).
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = ImportApiTests.Upload(ImportApiTests.WithBadRows + new string('x', 32 << 20)) };
        request.Headers.ExpectContinue = false;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
    }

    [Fact]
    public async Task The_import_page_and_a_scenario_over_their_limits_without_expect_continue_are_told_413_too()
    {
        var (server, token) = await StartAsync();
        await using var _ = server;
        var browser = await server.SignedInAsync("ann", Role.Editor);
        string html = await browser.GetStringAsync("/import");
        var form = ImportApiTests.Upload(ImportApiTests.WithBadRows + new string('x', 32 << 20));
        form.Add(new StringContent(RunningServer.AntiforgeryToken(html)), "__antiforgery");
        using var page = new HttpRequestMessage(HttpMethod.Post, "/import") { Content = form };
        page.Headers.ExpectContinue = false;
        using var pageResponse = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, pageResponse.StatusCode);
        Assert.Contains("larger than 16 MB", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = server.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var run = new HttpRequestMessage(HttpMethod.Post, "/api/runs?name=big.yaml") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('#', 2 << 20))) };
        run.Headers.ExpectContinue = false;
        using var runResponse = await api.SendAsync(run);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, runResponse.StatusCode);
        Assert.Equal("application/problem+json", runResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_too_large_to_drain_is_not_read_the_connection_closes_after_the_answer()
    {
        var (server, token) = await StartAsync();
        await using var _ = server;
        long huge = 2 * OversizeDrain.MaxBytes;
        var r = await RawUpload.SendAsync(server.Address, "/api/imports", token, huge, readWhileWriting: true, Limit);
        // The server reads none of it: what the client could write is what the sockets' buffers hold, far from 128 MB.
        Assert.True(r.Written < OversizeDrain.MaxBytes / 4, $"{r.Written} bytes written");
        Assert.True(r.Closed || r.WriteError is not null);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(10), $"{r.Elapsed}");
    }

    [Fact]
    public async Task A_refused_body_that_stops_coming_is_not_waited_for_beyond_the_drain_time()
    {
        var (server, token) = await StartAsync();
        await using var _ = server;
        // Says 32 MB, sends 1 MB, then nothing, keeping the connection open: the 413 still comes, and the server hangs up in time.
        var r = await RawUpload.SendAsync(server.Address, "/api/imports", token, 2 * ExtractUpload.MaxRequest, readWhileWriting: false, Limit, send: 1 << 20);
        AssertTooLargeProblem(r);
        Assert.True(r.Closed, "the server kept the connection");
        Assert.True(r.Elapsed < OversizeDrain.MaxTime + TimeSpan.FromSeconds(10), $"{r.Elapsed}");
    }
}
