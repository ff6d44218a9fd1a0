using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary><c>prices.unmet</c> written as an attacker would: each malformed value one problem at its line, column and key.</summary>
public class ScenarioHostileUnmetTests
{
    // Lines 20–22 are prices.unmet and its first key; the money is read at column 27.
    private const string Scenario = """
        name: Tiny
        start: 2016-04-01
        warmup: 30d
        horizon: 60d
        replications: 2
        services:
          acute:
            kind: acute
            capacity: 20
            length_of_stay: {exponential: {mean: 3d}}
        arrivals:
          ed:
            service: acute
            rate: 5/d
        routing:
          acute: {home: 1}
        prices:
          year: 2016/17
          elective: {bed_days: 3, price: £3684}
          unmet:
            UNMET
          services:
            acute: {funded_day: £200, occupied_day: £150}
        """;

    public static TheoryData<string, int, string, string> Broken => new()
    {
        { "elective_turned_away: -£5", 27, "prices.unmet.elective_turned_away", "'-£5' is negative: an amount of money here is at least £0." },
        { "elective_turned_away: £-5", 27, "prices.unmet.elective_turned_away", "'£-5' is negative" },
        { "elective_turned_away: £1e30", 27, "prices.unmet.elective_turned_away", "'£1e30' is written with a power of ten: write pounds in full or with k, m or bn" },
        { "hour_waiting_for_bed: 1e30", 27, "prices.unmet.hour_waiting_for_bed", "'1e30' is written with a power of ten" },
        { "hour_waiting_for_bed: £9999999999999999999999999999m", 27, "prices.unmet.hour_waiting_for_bed", "is too large an amount (over £1,000bn)." },
        { "hour_waiting_for_bed: .inf", 27, "prices.unmet.hour_waiting_for_bed", "'.inf' is not an amount of money" },
        { "hour_waiting_for_bed: [£5]", 27, "prices.unmet.hour_waiting_for_bed", "expected a single value here, but found a list." },
        { "paid_by: council", 14, "prices.unmet.paid_by", "unmet demand is borne by nhs or social_care, not 'council'." },
        { "paid_by: NHS", 14, "prices.unmet.paid_by", "Did you mean 'nhs'?" },
        { "paid_by: pooled", 14, "prices.unmet.paid_by", "not 'pooled'." },
        { "paid_by: {nhs: 1}", 14, "prices.unmet.paid_by", "expected a single value here, but found a mapping." },
        { "in_total: \"yes\"", 15, "prices.unmet.in_total", "expected true or false, but found 'yes'." },
        { "in_total: yes", 15, "prices.unmet.in_total", "expected true or false, but found 'yes'." },
        { "in_total: 1", 15, "prices.unmet.in_total", "expected true or false, but found '1'." },
        { "in_total: [true]", 15, "prices.unmet.in_total", "expected a single value here, but found a list." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_malformed_unmet_price_is_one_problem_at_its_line_column_and_key(string entry, int column, string path, string message)
    {
        var load = ScenarioFile.Parse(Scenario.Replace("UNMET", entry, StringComparison.Ordinal), "unmet.yaml");
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal(("unmet.yaml", 21, column, path), (p.File, p.Line, p.Column, p.Path));
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "a list")]
    [InlineData("5", "'5'")]
    public void Unmet_as_a_list_or_a_value_is_one_problem_at_its_place(string value, string found)
    {
        var load = ScenarioFile.Parse(Scenario.Replace("  unmet:\n    UNMET", "  unmet: " + value, StringComparison.Ordinal), "unmet.yaml");
        var p = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal((20, "prices.unmet"), (p.Line, p.Path));
        Assert.Equal($"expected a mapping of keys to values here, but found {found}.", p.Message);
    }

    [Fact]
    public void A_very_long_payer_is_quoted_back_cut_short()
    {
        var load = ScenarioFile.Parse(Scenario.Replace("UNMET", "paid_by: " + new string('x', 100_000), StringComparison.Ordinal), "unmet.yaml");
        var p = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Contains("… (100,000 characters)", p.Message, StringComparison.Ordinal);
        Assert.True(p.Message.Length < 300, $"{p.Message.Length} characters");
    }
}
