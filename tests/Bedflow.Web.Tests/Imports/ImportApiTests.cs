using System.Net;
using System.Text;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Imports;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Imports;

/// <summary>`POST /api/imports` on real Kestrel: the register import's own checks and rejects, all or nothing unless told, editors only, size-limited.</summary>
public class ImportApiTests
{
    internal const string Header = "provider,nhs_number,admitted,ready_for_transfer,discharged,service,bed_type,destination,reason,responsible,reason_from,adult";

    /// <summary>One good row (line 2), a bad NHS number (line 3), ready before admission (line 4).</summary>
    internal const string WithBadRows = Header + "\n"
        + "RTH,9434765919,2016-04-20 10:00,2016-04-27 10:00,,acute,acute,,A,Social Care,2016-04-27 10:00,yes\n"
        + "RTH,9434765871,2016-04-21 10:00,2016-04-28 10:00,,acute,acute,,C,NHS,2016-04-28 10:00,yes\n"
        + "RTH,4010232137,2016-04-26 08:00,2016-04-25 12:00,,acute,acute,,E,Both,2016-04-25 12:00,yes\n";

    internal static MultipartFormDataContent Upload(string csv, string? mode = null, string name = "hub extract.csv")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name } };
        if (mode is not null)
        {
            form.Add(new StringContent(mode), "mode");
        }
        return form;
    }

    [Fact]
    public async Task An_extract_with_bad_rows_imports_nothing_by_default_names_each_line_and_field_masked_and_offers_the_rows()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsync("/api/imports", Upload(WithBadRows));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("9434765871", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", body, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        var errors = json.GetProperty("errors");
        Assert.StartsWith("nhs_number: *******871 is not a valid NHS number", errors.GetProperty("line 3")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("ready_for_transfer: is before admission.", errors.GetProperty("line 4")[0].GetString());
        var import = json.GetProperty("import");
        Assert.Equal(("hub extract.csv", "all_or_nothing", false, 3, 0), (import.GetProperty("file").GetString(), import.GetProperty("mode").GetString(),
            import.GetProperty("imported").GetBoolean(), import.GetProperty("rows_read").GetInt32(), import.GetProperty("inserted").GetInt32()));
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
        // The rows with problems are offered all the same, masked, to correct: the file skip-invalid would have written.
        string rejects = await editor.GetStringAsync(import.GetProperty("rejects").GetString());
        Assert.StartsWith("line,problems,provider,nhs_number", rejects, StringComparison.Ordinal);
        Assert.Equal(3, rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the header and lines 3, 4
        Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_imports_the_good_rows_and_the_rejects_download_is_the_register_imports_own_file_masked()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsync("/api/imports", Upload(WithBadRows, "skip_invalid"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((true, 3, 1, 2), (json.GetProperty("imported").GetBoolean(), json.GetProperty("rows_read").GetInt32(), json.GetProperty("inserted").GetInt32(), json.GetProperty("rejected_lines").GetInt32()));
        Assert.Equal([3, 4], json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
        Assert.Equal((1L, 1L, 1L), await new DelayRegister(server.Db).CountsAsync());

        using var download = await editor.GetAsync(json.GetProperty("rejects").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hub extract.csv.rejects.csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        string rejects = await download.Content.ReadAsStringAsync();
        Assert.DoesNotContain("9434765871", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("4010232137", rejects, StringComparison.Ordinal);

        // The same file imported by the command line's code into another register writes the very same rejects.
        string file = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, WithBadRows);
        var other = await RegisterDatabase.OpenAsync(RegisterLocation.Sqlite(Path.Combine(Path.GetTempPath(), $"bedflow-other-{Guid.NewGuid():N}.db")));
        var cli = await new DelayRegister(other, RunningServer.Cipher).ImportAsync(file, RunningServer.HashKey, "cli", skipInvalid: true);
        Assert.Equal(await File.ReadAllTextAsync(cli.RejectsFile!), rejects);

        var audit = await new DelayRegister(server.Db).AuditAsync();
        Assert.Contains(audit, a => a.Who == "hub" && a.Action == "uploaded import" && a.Detail == "hub extract.csv (skip invalid): 3 row(s) read, imported: 1 new, 0 updated, 0 unchanged, 2 row(s) rejected");
        Assert.Contains(audit, a => a.Who == "hub" && a.Action == "downloaded rejects");
        Assert.DoesNotContain(audit, a => a.Detail.Contains("9434765871", StringComparison.Ordinal));
        Assert.DoesNotContain("9434765871", server.Logs.All, StringComparison.Ordinal);

        // Another editor cannot fetch them.
        var other2 = await server.TokenClientAsync("sam", Role.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await other2.GetAsync(json.GetProperty("rejects").GetString())).StatusCode);
    }

    [Fact]
    public async Task A_viewer_is_refused_and_a_missing_file_a_wrong_mode_and_an_extract_too_large_are_problem_details()
    {
        await using var server = await RunningServer.StartAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/imports", Upload(WithBadRows))).StatusCode);
        var editor = await server.TokenClientAsync("hub", Role.Editor);

        using var missing = await editor.PostAsync("/api/imports", new MultipartFormDataContent { { new StringContent("skip_invalid"), "mode" } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True(JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("file", out _));

        using var mode = await editor.PostAsync("/api/imports", Upload(WithBadRows, "some"));
        Assert.Equal(HttpStatusCode.BadRequest, mode.StatusCode);
        Assert.True(JsonDocument.Parse(await mode.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("mode", out _));

        // Sent as a careful client does (Expect: 100-continue), so the refusal arrives before the 17 MB would be sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Upload(WithBadRows + new string('x', 17 << 20)) };
        request.Headers.ExpectContinue = true;
        using var large = await editor.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
    }

    [Fact]
    public async Task A_third_upload_while_two_are_being_imported_is_told_to_try_again_and_writes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        var upload = server.App.Services.GetRequiredService<ExtractUpload>();
        upload.PlaceWait = TimeSpan.FromMilliseconds(200);
        Assert.True(await upload.EnterAsync(default));
        Assert.True(await upload.EnterAsync(default));
        using (var busy = await editor.PostAsync("/api/imports", Upload(WithBadRows, "skip_invalid")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
        upload.Leave();
        using var next = await editor.PostAsync("/api/imports", Upload(WithBadRows, "skip_invalid"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        upload.Leave();
    }

    [Fact]
    public async Task Without_the_register_key_an_import_is_503_and_writes_nothing()
    {
        await using var server = await RunningServer.StartAsync(keys: false);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        using var response = await editor.PostAsync("/api/imports", Upload(WithBadRows, "skip_invalid"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal((0L, 0L, 0L), await new DelayRegister(server.Db).CountsAsync());
    }
}
