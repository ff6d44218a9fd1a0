using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>What the published-data importer refuses: cells that are not counts, rows that disagree, columns named twice.</summary>
public abstract partial class RegisterTests<TEngine>
{
    // Line 3 of the fixture: Oxfordshire, April 2017, "Awaiting public funding" = 0.
    private const string OxfordshireApril = "\"E10000025\",\"Oxfordshire\",\"90\",\"0\",";

    protected async Task Published_cells_that_are_not_counts_are_errors_at_their_line_and_column_not_missing_values()
    {
        foreach (string bad in new[] { "abc", "63.5", "-63", "1e20", "", "99999999999999999999", "1,23" })
        {
            var db = await OpenAsync();
            string file = PublishedFixtures.Reasons.Replace(OxfordshireApril, $"\"E10000025\",\"Oxfordshire\",\"90\",\"{bad}\",", StringComparison.Ordinal);
            var result = await PublishedData.ImportAsync(db, await WriteAsync(file));
            Assert.False(result.Imported, $"'{bad}' was imported");
            var p = Assert.Single(result.Problems);
            Assert.Equal((3, "Awaiting public funding"), (p.Line, p.Column));
            Assert.Null(await PublishedFigures.ResolveAsync(db, "E10000025")); // nothing imported
        }

        // Grouped thousands are a count; "-" and "NA" are missing, not zero, and not errors.
        var good = await OpenAsync();
        var grouped = await PublishedData.ImportAsync(good, await WriteAsync(PublishedFixtures.Reasons.Replace(OxfordshireApril, "\"E10000025\",\"Oxfordshire\",\"90\",\"1,000\",", StringComparison.Ordinal)));
        Assert.True(grouped.Imported, string.Join("\n", grouped.Problems));
        Assert.Equal(840 + 1000, (await PublishedFigures.BenchmarkAsync(good, "E10000025", "2017-04", "2017-04", null))!.DelayedDays);

        // The organisation file too.
        var orgDb = await OpenAsync();
        await PublishedData.ImportAsync(orgDb, await WriteAsync(PublishedFixtures.Reasons));
        var orgs = await PublishedData.ImportAsync(orgDb, await WriteAsync(PublishedFixtures.Organisations.Replace("\"Oxfordshire\",\"500\"", "\"Oxfordshire\",\"5O0\"", StringComparison.Ordinal)));
        var o = Assert.Single(orgs.Problems);
        Assert.Equal((2, "NHS"), (o.Line, o.Column));
    }

    protected async Task Two_published_rows_for_one_council_and_month_that_disagree_are_an_error_and_identical_ones_count_once()
    {
        const string leicester = "\"E06000016\",\"Leicester\",\"7\",\"43\",\"51\",\"64\",\"47\",\"20\",\"11\",\"87\",\"15\",\"61\",\"0\",\"406\",\"April 2017\"";
        var db = await OpenAsync();
        var repeated = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons + leicester + "\n"));
        Assert.True(repeated.Imported, string.Join("\n", repeated.Problems));
        Assert.Contains(repeated.Notes, n => n.StartsWith("1 row(s) repeated", StringComparison.Ordinal));
        Assert.Equal(406, (await PublishedFigures.BenchmarkAsync(db, "E06000016", "2017-04", "2017-04", null))!.DelayedDays); // not 812

        var other = await OpenAsync();
        string disagreeing = leicester.Replace("\"64\"", "\"65\"", StringComparison.Ordinal);
        var clash = await PublishedData.ImportAsync(other, await WriteAsync(PublishedFixtures.Reasons + disagreeing + "\n"));
        var p = Assert.Single(clash.Problems);
        Assert.Equal((11, "Awaiting residential home placement or availability"), (p.Line, p.Column));
        Assert.Contains("also on line 9, with 64 there and 65 here", p.Message, StringComparison.Ordinal);
        Assert.Null(await PublishedFigures.ResolveAsync(other, "E06000016"));

        // The same council under its old code in the same month is the same council.
        var third = await OpenAsync();
        string oldCode = "\"608\",\"Oxfordshire\",\"90\",\"0\",\"280\",\"40\",\"70\",\"260\",\"5\",\"70\",\"0\",\"15\",\"11\",\"841\",\"April 2017\"";
        var codes = await PublishedData.ImportAsync(third, await WriteAsync(PublishedFixtures.Reasons + oldCode + "\n"));
        Assert.Equal((11, "Other"), (Assert.Single(codes.Problems).Line, Assert.Single(codes.Problems).Column));

        // The organisation file: Oxfordshire twice in April 2017, NHS 500 and 501.
        var orgDb = await OpenAsync();
        await PublishedData.ImportAsync(orgDb, await WriteAsync(PublishedFixtures.Reasons));
        var orgs = await PublishedData.ImportAsync(orgDb, await WriteAsync(PublishedFixtures.Organisations + "\"Oxfordshire\",\"501\",\"200\",\"140\",\"April 2017\"\n"));
        var o = Assert.Single(orgs.Problems);
        Assert.Equal((7, "NHS"), (o.Line, o.Column));
    }

    protected async Task A_published_file_with_a_column_named_twice_is_refused()
    {
        var db = await OpenAsync();
        string[] lines = PublishedFixtures.Reasons.TrimEnd('\n').Split('\n');
        string twice = string.Join("\n", lines.Select((l, i) => i == 0 ? l + ",\"Other\"" : l + ",\"5\"")) + "\n";
        var result = await PublishedData.ImportAsync(db, await WriteAsync(twice));
        var p = Assert.Single(result.Problems);
        Assert.Equal((1, "Other"), (p.Line, p.Column));
        Assert.Contains("more than once", p.Message, StringComparison.Ordinal);

        var orgs = await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Organisations.Replace("\"Both\",\"Period_year\"", "\"NHS\",\"Period_year\"", StringComparison.Ordinal)));
        Assert.Equal((1, "NHS"), (Assert.Single(orgs.Problems).Line, Assert.Single(orgs.Problems).Column));
    }
}

public sealed class SqlitePublishedChecks : RegisterTests<SqliteEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [Fact] public Task Cells_that_are_not_counts() => Published_cells_that_are_not_counts_are_errors_at_their_line_and_column_not_missing_values();
    [Fact] public Task Rows_that_disagree() => Two_published_rows_for_one_council_and_month_that_disagree_are_an_error_and_identical_ones_count_once();
    [Fact] public Task Columns_named_twice() => A_published_file_with_a_column_named_twice_is_refused();
}

public sealed class PostgresPublishedChecks : RegisterTests<PostgresEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [PostgresFact] public Task Cells_that_are_not_counts() => Published_cells_that_are_not_counts_are_errors_at_their_line_and_column_not_missing_values();
    [PostgresFact] public Task Rows_that_disagree() => Two_published_rows_for_one_council_and_month_that_disagree_are_an_error_and_identical_ones_count_once();
    [PostgresFact] public Task Columns_named_twice() => A_published_file_with_a_column_named_twice_is_refused();
}
