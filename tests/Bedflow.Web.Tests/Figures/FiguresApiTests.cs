using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Figures;

/// <summary>`/api/figures/…` on real Kestrel, against the example extract and the published samples read independently.</summary>
public class FiguresApiTests
{
    private static readonly string[] Reasons = ["A", "B", "C", "Di", "Dii", "E", "F", "G", "H", "I", "O"];

    [Fact]
    public async Task The_months_sitrep_figures_are_the_delayed_days_and_snapshot_counted_from_the_extract()
    {
        await using var server = await RunningServer.StartAsync();
        await server.ImportExampleAsync();
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var json = JsonDocument.Parse(await viewer.GetStringAsync("/api/figures/sitrep?month=2016-11"));
        var root = json.RootElement;
        var (days, snapshot) = Counted(new DateOnly(2016, 11, 1), new DateOnly(2016, 11, 24));
        Assert.Equal("2016-11", root.GetProperty("month").GetString());
        Assert.Equal(days, root.GetProperty("delayed_days").GetInt64());
        Assert.Equal(days / 30.0, root.GetProperty("dtoc_beds").GetDouble(), 9);
        Assert.Equal("2016-11-24", root.GetProperty("snapshot_date").GetString()); // the last Thursday of November 2016
        Assert.Equal(snapshot, root.GetProperty("snapshot").GetInt64());
        Assert.Equal(days, root.GetProperty("by_reason").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal(Reasons, root.GetProperty("by_reason").EnumerateObject().Select(p => p.Name));
        Assert.Equal(days, root.GetProperty("by_organisation").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.True(days > 0);
    }

    [Fact]
    public async Task The_benchmark_is_the_councils_published_days_beside_englands_over_the_same_months()
    {
        await using var server = await RunningServer.StartAsync();
        await Published.ImportAsync(server.Db);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var json = JsonDocument.Parse(await viewer.GetStringAsync("/api/figures/benchmark?la=608&from=2019-04&to=2019-06"));
        var council = json.RootElement.GetProperty("council");
        var england = json.RootElement.GetProperty("england");
        string[] periods = ["April 2019", "May 2019", "June 2019"];
        long Sum(string name, int reason) => periods.Sum(p => Published.Reasons(name, p)[reason] ?? 0);
        Assert.Equal("E10000025", council.GetProperty("council").GetString());
        Assert.Equal("Oxfordshire", council.GetProperty("name").GetString());
        for (int r = 0; r < Reasons.Length; r++)
        {
            Assert.Equal(Sum("Oxfordshire", r), council.GetProperty("by_reason").GetProperty(Reasons[r]).GetInt64());
            Assert.Equal(Sum("England", r), england.GetProperty("by_reason").GetProperty(Reasons[r]).GetInt64());
        }
        Assert.Equal(Enumerable.Range(0, 11).Sum(r => Sum("Oxfordshire", r)), council.GetProperty("delayed_days").GetInt64());
        Assert.True(england.GetProperty("national").GetBoolean());
        Assert.False(england.TryGetProperty("rank", out _)); // England is not ranked: left out
        // Ranked among the councils of the sample with every month: 1 + those with fewer days.
        int rank = council.GetProperty("rank").GetInt32();
        Assert.InRange(rank, 1, council.GetProperty("councils").GetInt32());
    }

    [Fact]
    public async Task The_trend_is_the_published_series_per_day_with_twelve_seasonal_effects_and_their_intervals()
    {
        await using var server = await RunningServer.StartAsync();
        await Published.ImportAsync(server.Db);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var json = JsonDocument.Parse(await viewer.GetStringAsync("/api/figures/trend?la=E10000025&months=2018-04,2019-01"));
        var root = json.RootElement;
        var periods = Published.Periods("Oxfordshire");
        var first = DateTime.ParseExact(root.GetProperty("first_month").GetString()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var series = root.GetProperty("dtoc_beds").EnumerateArray().ToList();
        Assert.Equal(periods.Count, series.Count(v => v.ValueKind != JsonValueKind.Null));
        foreach (string period in periods)
        {
            var month = DateTime.ParseExact(period, "MMMM yyyy", CultureInfo.InvariantCulture);
            int i = ((month.Year - first.Year) * 12) + month.Month - first.Month;
            double expected = Published.Reasons("Oxfordshire", period).Sum(v => v ?? 0) / (double)DateTime.DaysInMonth(month.Year, month.Month);
            Assert.Equal(expected, series[i].GetDouble(), 9);
        }
        var seasonal = root.GetProperty("seasonal_by_month").EnumerateObject().ToList();
        Assert.Equal(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], seasonal.Select(s => s.Name));
        Assert.Equal(0, seasonal.Sum(s => s.Value.GetProperty("effect").GetDouble()), 9); // effects are centred
        Assert.All(seasonal, s =>
        {
            var ci = s.Value.GetProperty("ci95").EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.True(ci[0] < s.Value.GetProperty("effect").GetDouble() && s.Value.GetProperty("effect").GetDouble() < ci[1], s.Name);
        });
        var change = root.GetProperty("change");
        Assert.Equal(series[Index(first, 2019, 1)].GetDouble() - series[Index(first, 2018, 4)].GetDouble(), change.GetProperty("change").GetDouble(), 9);
        Assert.Equal(seasonal[0].Value.GetProperty("effect").GetDouble() - seasonal[3].Value.GetProperty("effect").GetDouble(), change.GetProperty("seasonal").GetDouble(), 9);
    }

    [Fact]
    public async Task Downloads_are_csv_with_one_line_per_row_and_an_excel_workbook_with_a_sheet_per_table()
    {
        await using var server = await RunningServer.StartAsync();
        await Published.ImportAsync(server.Db);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        using var csv = await viewer.GetAsync("/api/figures/benchmark?la=608&from=2019-04&to=2019-06&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("benchmark-E10000025-2019-04-2019-06.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Reason code,Reason,Oxfordshire delayed days,Oxfordshire share (%),England delayed days,England share (%)", lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.StartsWith($"A,A: Awaiting completion of assessment,{new[] { "April 2019", "May 2019", "June 2019" }.Sum(p => Published.Reasons("Oxfordshire", p)[0])},", lines[1], StringComparison.Ordinal);
        using var xlsx = await viewer.GetAsync("/api/figures/trend?la=608&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        string workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains("name=\"Series\"", workbook, StringComparison.Ordinal);
        Assert.Contains("name=\"Seasonal by month\"", workbook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_are_a_400_problem_naming_each_field()
    {
        await using var server = await RunningServer.StartAsync();
        await Published.ImportAsync(server.Db);
        var viewer = await server.TokenClientAsync("vera", Role.Viewer);
        async Task<JsonElement> Errors(string url)
        {
            using var r = await viewer.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").Clone();
        }
        Assert.Contains("'2016-13' is not a month", (await Errors("/api/figures/sitrep?month=2016-13")).GetProperty("month")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'pdf' is not a format", (await Errors("/api/figures/sitrep?format=pdf")).GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        var council = await Errors("/api/figures/benchmark?la=Oxfordshir&from=2019-06&to=2019-04");
        Assert.Contains("did you mean E10000025 (Oxfordshire)?", council.GetProperty("la")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("must not be after to.", council.GetProperty("from")[0].GetString());
        Assert.Contains("must lie within the series", (await Errors("/api/figures/trend?la=608&months=2001-01,2019-01")).GetProperty("months")[0].GetString(), StringComparison.Ordinal);
        var masked = await Errors("/api/figures/trend?la=9434765919");
        Assert.DoesNotContain("9434765919", masked.GetProperty("la")[0].GetString(), StringComparison.Ordinal);
    }

    private static int Index(DateTime first, int year, int month) => ((year - first.Year) * 12) + month - first.Month;

    /// <summary>
    /// The month's delayed days and the snapshot from the extract itself: each midnight (the end of
    /// a day of the month) after an adult in a SitRep bed was ready and at or before they left (docs/delays.md: ready < D 24:00 ≤ exit), and those
    /// delayed at the end of <paramref name="snapshot"/>.
    /// </summary>
    private static (long Days, long Snapshot) Counted(DateOnly first, DateOnly snapshot)
    {
        static DateTime? T(string s) => s.Length == 0 ? null : DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var episodes = File.ReadAllLines(Example.Path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(r => r[6] is "acute" or "non_acute" && r[11] == "yes" && r[3].Length > 0)
            .GroupBy(r => (r[0], r[1], r[2])).Select(g => (Ready: T(g.First()[3])!.Value, Exit: T(g.First()[4]) ?? DateTime.MaxValue)).ToList();
        long days = 0;
        for (var d = first; d.Month == first.Month; d = d.AddDays(1))
        {
            var midnight = d.AddDays(1).ToDateTime(TimeOnly.MinValue);
            days += episodes.Count(e => e.Ready < midnight && e.Exit >= midnight);
        }
        var end = snapshot.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return (days, episodes.Count(e => e.Ready < end && e.Exit >= end));
    }
}
