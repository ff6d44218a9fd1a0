using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>Benchmarks never show missing as zero, and England is the national comparator.</summary>
public abstract partial class RegisterTests<TEngine>
{
    protected async Task A_benchmark_over_months_without_data_has_no_figures_rather_than_zeros()
    {
        var db = await OpenAsync();
        Assert.True((await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons))).Imported);

        // BCP began in 2019: nothing in 2014.
        var before = (await PublishedFigures.BenchmarkAsync(db, "E06000058", "2014-01", "2014-12", null))!;
        Assert.True(before.NoData);
        Assert.Null(before.DelayedDays);
        Assert.Null(before.Rank);
        Assert.All(before.ByReason.Values, v => Assert.Null(v));
        Assert.All(before.ByOrganisation.Values, v => Assert.Null(v)); // the organisation file was not imported either
        Assert.StartsWith("no data for Bournemouth, Christchurch and Poole from 2014-01 to 2014-12", before.Warning, StringComparison.Ordinal);

        // Oxfordshire, March 2014: "Other" is NA, so no data for it, while the other reasons have figures.
        var march = (await PublishedFigures.BenchmarkAsync(db, "608", "2014-03", "2014-03", null))!;
        Assert.Null(march.ByReason[DelayReason.O]);
        Assert.Equal(0, march.ByReason[DelayReason.B]); // a published zero stays zero
        Assert.Equal(820, march.DelayedDays);
    }

    protected async Task A_council_unranked_for_a_missing_month_is_not_said_to_lack_a_population()
    {
        var db = await OpenAsync();
        await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons));
        // BCP reports August 2019 only: over July–August it is not ranked, for that reason alone.
        var adults = new Dictionary<string, long> { ["E06000058"] = 320_000, ["E10000025"] = 540_000 };
        var b = (await PublishedFigures.BenchmarkAsync(db, "E06000058", "2019-07", "2019-08", adults))!;
        Assert.Null(b.Rank);
        Assert.Contains("has data for 1 of the 2 months", b.Warning, StringComparison.Ordinal);
        Assert.DoesNotContain("population file has no adults", b.Warning, StringComparison.Ordinal);
        // A council the file really lacks is told so.
        var none = (await PublishedFigures.BenchmarkAsync(db, "E06000058", "2019-08", "2019-08", new Dictionary<string, long> { ["E10000025"] = 540_000 }))!;
        Assert.Contains("the population file has no adults for Bournemouth, Christchurch and Poole", none.Warning, StringComparison.Ordinal);
    }

    protected async Task England_is_reported_as_the_national_comparator_and_never_ranked()
    {
        var db = await OpenAsync();
        await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons));
        foreach (string code in new[] { "-", "E92000001", "England", "england" })
        {
            Assert.Equal((PublishedData.England, "England"), await PublishedFigures.ResolveAsync(db, code));
        }
        var england = (await PublishedFigures.BenchmarkAsync(db, "England", "2017-04", "2017-04", null))!;
        Assert.True(england.IsNational);
        Assert.Equal(130_773, england.DelayedDays); // the fixture's own total column
        Assert.Null(england.Rank);
        Assert.Equal(4, england.Councils); // the councils reporting that month; England is not among them
        Assert.Contains("national total", england.Warning, StringComparison.Ordinal);
        var leicester = (await PublishedFigures.BenchmarkAsync(db, "E06000016", "2017-04", "2017-04", null))!;
        Assert.Equal(4, leicester.Councils);

        // With its adults England gets a rate, and councils' ranks do not count it.
        var adults = new Dictionary<string, long> { ["E92000001"] = 44_000_000, ["E10000025"] = 510_000, ["E06000016"] = 270_000 };
        var rate = (await PublishedFigures.BenchmarkAsync(db, "-", "2017-04", "2017-04", adults))!;
        Assert.Equal(130_773.0 / 30 / 44_000_000 * 100_000, rate.RatePer100kAdults!.Value, 9);
        var ox = (await PublishedFigures.BenchmarkAsync(db, "E10000025", "2017-04", "2017-04", adults))!;
        Assert.Equal(2, ox.Councils);

        var series = (await PublishedFigures.SeriesAsync(db, "England"))!;
        Assert.Equal(130_773.0 / 30, Assert.Single(series.Values)!.Value, 9);
    }
}

public sealed class SqlitePublishedFigures : RegisterTests<SqliteEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [Fact] public Task No_data_is_not_zero() => A_benchmark_over_months_without_data_has_no_figures_rather_than_zeros();
    [Fact] public Task England() => England_is_reported_as_the_national_comparator_and_never_ranked();
    [Fact] public Task Unranked_with_a_population() => A_council_unranked_for_a_missing_month_is_not_said_to_lack_a_population();
}

public sealed class PostgresPublishedFigures : RegisterTests<PostgresEngine>
{
    protected override Task<RegisterDatabase> OpenAsync() => NewAsync();

    [PostgresFact] public Task No_data_is_not_zero() => A_benchmark_over_months_without_data_has_no_figures_rather_than_zeros();
    [PostgresFact] public Task England() => England_is_reported_as_the_national_comparator_and_never_ranked();
    [PostgresFact] public Task Unranked_with_a_population() => A_council_unranked_for_a_missing_month_is_not_said_to_lack_a_population();
}
