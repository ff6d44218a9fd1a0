using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Cli.Tests;

public partial class RegisterJsonTests
{
    [Fact]
    public void A_benchmark_is_its_period_its_days_by_reason_and_organisation_with_missing_as_null_then_its_rank()
    {
        var byReason = new Dictionary<DelayReason, long?>
        {
            [DelayReason.A] = 1_200, [DelayReason.B] = 300, [DelayReason.C] = 0, [DelayReason.Di] = 45, [DelayReason.Dii] = 5, [DelayReason.E] = 0,
            [DelayReason.F] = 10, [DelayReason.G] = 40, [DelayReason.H] = 0, [DelayReason.I] = 0, [DelayReason.O] = null,
        };
        var byOrganisation = new Dictionary<Responsibility, long?> { [Responsibility.SocialCare] = 600, [Responsibility.Nhs] = 1_000, [Responsibility.Both] = null };
        var b = new Benchmark("E06000058", "Bournemouth, Christchurch & Poole", "2019-04", "2019-06", 1_600, byReason, byOrganisation,
            MissingValues: 3, Rank: 7, Councils: 150, RankedBy: "patients delayed per 100,000 adults", RatePer100kAdults: 5.25, Warning: null);
        Assert.Equal(Lines("""
            {
              "council": "E06000058",
              "name": "Bournemouth, Christchurch \u0026 Poole",
              "national": false,
              "from": "2019-04",
              "to": "2019-06",
              "delayed_days": 1600,
              "by_reason": {
                "A": 1200,
                "B": 300,
                "C": 0,
                "Di": 45,
                "Dii": 5,
                "E": 0,
                "F": 10,
                "G": 40,
                "H": 0,
                "I": 0,
                "O": null
              },
              "by_organisation": {
                "nhs": 1000,
                "social_care": 600,
                "both": null
              },
              "rank": 7,
              "councils": 150,
              "ranked_by": "patients delayed per 100,000 adults",
              "rate_per_100k_adults": 5.25,
              "missing_values": 3,
              "warning": null
            }

            """), Printed(w => PublishedOutput.Benchmark(b, json: true, w)));
    }

    [Fact]
    public void England_with_no_data_has_null_days_rank_and_rate_and_its_warning()
    {
        var none = new Dictionary<DelayReason, long?> { [DelayReason.A] = null };
        var noOrganisation = new Dictionary<Responsibility, long?> { [Responsibility.Nhs] = null, [Responsibility.SocialCare] = null, [Responsibility.Both] = null };
        var b = new Benchmark("E92000001", "England", "2013-02", "2013-02", null, none, noOrganisation, 12, null, 0, "delayed days", null, "England is the national total: it is not ranked.");
        Assert.Equal(Lines("""
            {
              "council": "E92000001",
              "name": "England",
              "national": true,
              "from": "2013-02",
              "to": "2013-02",
              "delayed_days": null,
              "by_reason": {
                "A": null
              },
              "by_organisation": {
                "nhs": null,
                "social_care": null,
                "both": null
              },
              "rank": null,
              "councils": 0,
              "ranked_by": "delayed days",
              "rate_per_100k_adults": null,
              "missing_values": 12,
              "warning": "England is the national total: it is not ranked."
            }

            """), Printed(w => PublishedOutput.Benchmark(b, json: true, w)));
    }

    /// <summary>
    /// 2016-01 to 2017-12, December 2017 missing: 10 plus a seasonal pattern summing to zero, so the
    /// centred 2×12 average is exactly 10 where its 13 months are all there (July 2016 to May 2017)
    /// and the seasonal effects are the pattern itself; June, whose only detrended month would be
    /// June 2017 (its window reaches the missing December), has none.
    /// </summary>
    private static PublishedSeries Series()
    {
        int[] pattern = [4, 2, 0, -2, -4, 0, 1, -1, 0, 0, 0, 0];
        double?[] values = [.. Enumerable.Range(0, 24).Select(i => i == 23 ? (double?)null : 10 + pattern[i % 12])];
        return new PublishedSeries("E06000058", "Bournemouth, Christchurch & Poole", new DateOnly(2016, 1, 1), values);
    }

    private static string Trend(string? from, string? to)
    {
        var series = Series();
        var (d, share) = PublishedFigures.Trend(series.First, series.Values, from, to);
        return Printed(w => PublishedOutput.Trend(series, d, share, from, to, json: true, w));
    }

    private static readonly string TrendStart = """
        {
          "council": "E06000058",
          "name": "Bournemouth, Christchurch \u0026 Poole",
          "first_month": "2016-01",
          "dtoc_beds": [
            14,
            12,
            10,
            8,
            6,
            10,
            11,
            9,
            10,
            10,
            10,
            10,
            14,
            12,
            10,
            8,
            6,
            10,
            11,
            9,
            10,
            10,
            10,
            null
          ],
          "trend": [
            null,
            null,
            null,
            null,
            null,
            null,
            10,
            10,
            10,
            10,
            10,
            10,
            10,
            10,
            10,
            10,
            10,
            null,
            null,
            null,
            null,
            null,
            null,
            null
          ],
          "seasonal_by_month": {
            "Jan": 4,
            "Feb": 2,
            "Mar": 0,
            "Apr": -2,
            "May": -4,
            "Jun": null,
            "Jul": 1,
            "Aug": -1,
            "Sep": 0,
            "Oct": 0,
            "Nov": 0,
            "Dec": 0
          },
        """;

    [Fact]
    public void A_trend_is_the_series_its_trend_and_seasonal_pattern_with_missing_as_null_and_the_split_of_a_change()
    {
        // January 14 to May 6: a change of -8, all of it seasonal (-4 - 4); one year per month gives no interval.
        Assert.Equal(Lines(TrendStart + """

              "change": {
                "from": "2016-01",
                "to": "2016-05",
                "no_data_for": [],
                "change": -8,
                "seasonal": -8,
                "seasonal_ci95": [
                  null,
                  null
                ],
                "seasonal_share": 1,
                "seasonal_share_ci95": [
                  null,
                  null
                ]
              }
            }

            """), Trend("2016-01", "2016-05"));
    }

    [Fact]
    public void A_trend_without_months_has_a_null_change_and_a_month_without_data_is_named_not_split()
    {
        Assert.Equal(Lines(TrendStart + """

              "change": null
            }

            """), Trend(null, null));
        Assert.EndsWith(Lines("""
              "change": {
                "from": "2016-01",
                "to": "2017-12",
                "no_data_for": [
                  "2017-12"
                ],
                "change": null,
                "seasonal": null,
                "seasonal_ci95": [
                  null,
                  null
                ],
                "seasonal_share": null,
                "seasonal_share_ci95": [
                  null,
                  null
                ]
              }
            }

            """), Trend("2016-01", "2017-12"), StringComparison.Ordinal);
    }
}
