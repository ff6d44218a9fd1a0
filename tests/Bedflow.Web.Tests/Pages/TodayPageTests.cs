using System.Net;
using System.Text.RegularExpressions;
using Bedflow.Data.Accounts;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bedflow.Web.Tests.Pages;

/// <summary>The Today page, signed in through the form as a browser is, over the example register.</summary>
public partial class TodayPageTests
{
    private static readonly DateTime At = new(2016, 11, 20, 12, 0, 0);

    [Fact]
    public async Task A_viewer_sees_everyone_delayed_with_the_as_at_time_the_bands_highlighted_and_no_nhs_number()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        using var response = await viewer.GetAsync("/today?at=2016-11-20T12:00");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string page = await response.Content.ReadAsStringAsync();
        var expected = Example.DelayedAt(At);
        Assert.Contains("<p class=\"asat\">As at Sunday 20 November 2016, 12:00</p>", page, StringComparison.Ordinal);
        Assert.Contains($"<strong>{expected.Count}</strong> patient(s) delayed", page, StringComparison.Ordinal);
        Assert.Contains("The register was last changed by an import at", page, StringComparison.Ordinal);
        var rows = Rows(page);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Count(e => e.Days(At) >= 21), rows.Count(r => r.Contains("class=\"band21\"", StringComparison.Ordinal)));
        Assert.Equal(expected.Count(e => e.Days(At) is >= 14 and < 21), rows.Count(r => r.Contains("class=\"band14\"", StringComparison.Ordinal)));
        Assert.Equal(expected.Count(e => e.Days(At) is >= 7 and < 14), rows.Count(r => r.Contains("class=\"band7\"", StringComparison.Ordinal)));
        Assert.DoesNotContain("NHS number", page, StringComparison.Ordinal);
        foreach (string nhs in Example.AllNhsNumbers())
        {
            Assert.DoesNotContain(nhs, page, StringComparison.Ordinal);
            Assert.DoesNotContain($"{nhs[..3]} {nhs[3..6]} {nhs[6..]}", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_editor_sees_the_nhs_numbers_and_each_one_shown_is_audited()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        string page = await editor.GetStringAsync("/today?at=2016-11-20T12:00&reason=Di");
        var expected = Example.DelayedAt(At).Where(e => e.Reason == "Di").ToList();
        Assert.Equal(expected.Count, Rows(page).Count);
        foreach (var e in expected)
        {
            Assert.Contains($"<td>{e.NhsNumber[..3]} {e.NhsNumber[3..6]} {e.NhsNumber[6..]}</td>", page, StringComparison.Ordinal);
        }
        var audit = (await server.App.Services.GetRequiredService<AuditLog>().ReadAsync(1, 100)).Entries.Where(a => a.Action == "viewed identifiers").ToList();
        Assert.Equal(expected.Count, audit.Count);
        Assert.All(audit, a => Assert.StartsWith("GET /today", a.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_filters_are_a_400_page_naming_the_field_and_values_are_html_encoded()
    {
        await using var server = await RunningServer.StartAsync();
        string file = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "provider,nhs_number,admitted,ready_for_transfer,discharged,service,bed_type,reason,responsible,reason_from\n" +
            "RTH,9434765919,2016-11-01 10:00,2016-11-10 10:00,,<script>alert(1)</script>,acute,A,NHS,2016-11-10 10:00\n");
        Assert.True((await new DelayRegister(server.Db).ImportAsync(file, RunningServer.HashKey, "test", false)).Imported);
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        string page = await viewer.GetStringAsync("/today?at=2016-11-20T12:00");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        using var bad = await viewer.GetAsync("/today?reason=D&organisation=%3Cb%3E");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string wrong = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<li>reason: &#x27;D&#x27; is not a SitRep reason", wrong, StringComparison.Ordinal);
        Assert.Contains("<li>organisation: &#x27;&lt;b&gt;&#x27; is not an organisation", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_link_to_each_other_keeping_the_filters()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        string first = await viewer.GetStringAsync("/today?at=2016-11-20T12:00&pageSize=3");
        Assert.Equal(3, Rows(first).Count);
        Assert.Contains("href=\"/today?at=2016-11-20T12%3A00&amp;page=2&amp;pageSize=3\"", first, StringComparison.Ordinal);
        string second = await viewer.GetStringAsync("/today?at=2016-11-20T12%3A00&page=2&pageSize=3");
        Assert.Equal(3, Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
    }

    private static List<string> Rows(string page)
    {
        int table = page.IndexOf("<table id=\"delays\">", StringComparison.Ordinal);
        string body = page[page.IndexOf("<tbody>", table, StringComparison.Ordinal)..page.IndexOf("</tbody>", table, StringComparison.Ordinal)];
        return [.. Row().Matches(body).Select(m => m.Value)];
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
