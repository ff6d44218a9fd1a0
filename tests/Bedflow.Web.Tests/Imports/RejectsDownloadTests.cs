using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Bedflow.Data.Accounts;
using Bedflow.Data.Register;
using Bedflow.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bedflow.Web.Tests.Imports;

/// <summary>The rejects of a web import, kept in the register: they outlive the server, and hold no NHS number in any column.</summary>
public class RejectsDownloadTests
{
    private static RegisterLocation NewFile(out string file)
    {
        file = Path.Combine(Path.GetTempPath(), $"bedflow-web-{Guid.NewGuid():N}.db");
        return RegisterLocation.Sqlite(file);
    }

    private static async Task<string> RejectsAddressAsync(HttpClient editor, string csv)
    {
        using var response = await editor.PostAsync("/api/imports", ImportApiTests.Upload(csv, "skip_invalid"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rejects").GetString()!;
    }

    [Fact]
    public async Task A_rejects_file_downloads_after_the_server_restarts_on_the_same_register_and_an_unknown_one_is_a_404_problem()
    {
        var location = NewFile(out _);
        string address, before;
        await using (var first = await RunningServer.StartAsync(location))
        {
            var editor = await first.TokenClientAsync("hub", Role.Editor);
            address = await RejectsAddressAsync(editor, ImportApiTests.WithBadRows);
            before = await editor.GetStringAsync(address);
        }
        await using var second = await RunningServer.StartAsync(location);
        var again = second.Client();
        again.DefaultRequestHeaders.Authorization = new("Bearer", await second.Accounts.IssueTokenAsync("hub", "test"));
        using var download = await again.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(before, await download.Content.ReadAsStringAsync());

        using var unknown = await again.GetAsync("/api/imports/rejects/" + new string('a', 32));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("kept for 7 days", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await new DelayRegister(second.Db).AuditAsync();
        Assert.Equal(2, audit.Count(a => a.Who == "hub" && a.Action == "downloaded rejects")); // once per server; not the 404
    }

    /// <summary>A valid NHS number (modulus 11) from nine digits, computed here.</summary>
    private static string Valid(int seed)
    {
        for (int n = seed; ; n++)
        {
            string nine = n.ToString("D9", CultureInfo.InvariantCulture);
            int sum = 0;
            for (int i = 0; i < 9; i++)
            {
                sum += (nine[i] - '0') * (10 - i);
            }
            int check = (11 - (sum % 11)) % 11;
            if (check < 10)
            {
                return nine + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    [Fact]
    public async Task An_nhs_number_typed_into_any_column_of_a_bad_row_is_neither_stored_nor_downloaded()
    {
        var location = NewFile(out string file);
        await using var server = await RunningServer.StartAsync(location);
        var editor = await server.TokenClientAsync("hub", Role.Editor);
        int columns = ImportApiTests.Header.Split(',').Length;
        string[] numbers = [.. Enumerable.Range(0, columns).Select(c => Valid(123_456_700 + (c * 1_000_003)))];
        // Each column its own number, each typed another way: plain, spaced, dashed, dotted, Excel's text and scientific forms, inside words.
        string[] styles = ["{0}", "{1} {2} {3}", "{1}-{2}-{3}", "{1}.{2}.{3}", "'{0}", "{4}E+09", "note {0} here", "({1}) {2} {3}", "x{0}y", "{1}\u00a0{2}\u00a0{3}", "{0}", "{1} {2} {3}"];
        string Cell(int c) => "\"" + string.Format(CultureInfo.InvariantCulture, styles[c % styles.Length],
            numbers[c], numbers[c][..3], numbers[c][3..6], numbers[c][6..], $"{numbers[c][0]}.{numbers[c][1..]}") + "\"";
        string good = ImportApiTests.WithBadRows.Split('\n')[1];
        string csv = ImportApiTests.Header + "\n" + good + "\n" + string.Join(",", Enumerable.Range(0, columns).Select(Cell)) + "\n";

        string address = await RejectsAddressAsync(editor, csv);
        string downloaded = await editor.GetStringAsync(address);
        Assert.StartsWith("line,problems,provider,nhs_number", downloaded, StringComparison.Ordinal);
        Assert.Equal(2, downloaded.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the header and the bad row

        string stored;
        await using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await c.OpenAsync();
            await using var read = c.CreateCommand();
            read.CommandText = "SELECT csv FROM import_rejects";
            stored = Encoding.UTF8.GetString((byte[])(await read.ExecuteScalarAsync())!);
        }
        Assert.Equal(downloaded, stored);
        foreach (string text in new[] { stored, downloaded })
        {
            Assert.False(NhsNumber.ContainsNumberLike(text), text); // no run of ten digits, however grouped
            string digitsOnly = new([.. text.Where(char.IsAsciiDigit)]);
            Assert.All(numbers, n => Assert.DoesNotContain(n, digitsOnly, StringComparison.Ordinal));
        }
    }
}
