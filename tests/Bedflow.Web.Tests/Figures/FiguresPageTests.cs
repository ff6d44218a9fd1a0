using System.Net;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Figures;

/// <summary>The Figures page, signed in through the form as a browser is.</summary>
public class FiguresPageTests
{
    [Fact]
    public async Task A_viewer_sees_the_sitrep_benchmark_and_trend_each_with_its_svg_chart_and_downloads()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        await Published.ImportAsync(server.Db);
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        using var response = await viewer.GetAsync("/figures?month=2016-11&la=608&months=2018-04,2019-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2>SitRep, November 2016</h2>", page, StringComparison.Ordinal);
        foreach (string chart in new[] { "sitrep-month", "benchmark", "trend", "seasonal" })
        {
            Assert.Contains($"<figure id=\"{chart}\"", page, StringComparison.Ordinal);
        }
        Assert.Equal(4, CountOf(page, "<svg"));
        Assert.Contains("Oxfordshire (E10000025) against England and all councils", page, StringComparison.Ordinal);
        Assert.Contains("the seasonal pattern accounts for", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/figures/sitrep.csv?month=2016-11\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/figures/trend.xlsx?la=E10000025&amp;months=2018-04,2019-01\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        using var csv = await viewer.GetAsync("/figures/sitrep.csv?month=2016-11");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("Month,Beds,Reason code,Reason,NHS delayed days", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var xlsx = await viewer.GetAsync("/figures/benchmark.xlsx?la=608&from=2019-04&to=2019-06");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_query_is_a_400_page_naming_the_field()
    {
        await using var server = await RunningServer.StartAsync();
        await Published.ImportAsync(server.Db);
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        using var bad = await viewer.GetAsync("/figures?month=11-2016&la=%3Cb%3E");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<li>month: &#x27;11-2016&#x27; is not a month", page, StringComparison.Ordinal);
        Assert.Contains("<li>la: no council with code &#x27;&lt;b&gt;&#x27;", page, StringComparison.Ordinal);
        using var download = await viewer.GetAsync("/figures/trend.csv?la=608&months=bad");
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
        Assert.Contains("<li>months:", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
