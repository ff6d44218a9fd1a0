using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary><c>prices.unmet</c> and <c>funded_hour</c>: read, defaulted, and their mistakes reported at their file, line and key.</summary>
public class ScenarioUnmetTests
{
    private const string File = "unmet.yaml";

    // Line numbers below count from 1 in this text.
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
          home_care:
            kind: home_care
            capacity: 300
            demand: {empirical: [5, 10]}
            length_of_stay: {exponential: {mean: 30d}}
        arrivals:
          ed:
            service: acute
            rate: 5/d
        routing:
          acute: {home: 0.9, home_care: 0.1}
          home_care: {home: 1}
        prices:
          year: 2016/17
          elective: {bed_days: 3, price: £3684}
          unmet:
            elective_turned_away: £1,000
            hour_waiting_for_bed: £25
            paid_by: social_care
            in_total: true
          services:
            acute: {funded_day: £200, occupied_day: £150}
            home_care: {funded_hour: £16, per_hour: £2}
        """;

    [Fact]
    public void Unmet_demand_and_contracted_hours_are_read_in_friendly_pounds()
    {
        var load = ScenarioFile.Parse(Scenario, File);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var prices = load.Scenario!.Economy!.Prices;
        Assert.Equal(1000m, prices.Unmet.ElectiveTurnedAway!.Value.Pounds);
        Assert.Equal(1000m, prices.ElectiveTurnedAwayPrice.Pounds);
        Assert.Equal(25m, prices.Unmet.HourWaitingForBed.Pounds);
        Assert.Equal(Commissioner.SocialCare, prices.Unmet.PaidBy);
        Assert.True(prices.Unmet.InTotal);
        Assert.Equal((16m, 2m, 0m), (prices.Services["home_care"].FundedUnit.Pounds, prices.Services["home_care"].PerUnit.Pounds, prices.Services["home_care"].FundedDay.Pounds));
    }

    [Fact]
    public void Without_an_unmet_section_an_elective_turned_away_costs_the_elective_price_and_an_hour_waiting_nothing_outside_the_total()
    {
        string text = Scenario.Replace("""
              unmet:
                elective_turned_away: £1,000
                hour_waiting_for_bed: £25
                paid_by: social_care
                in_total: true

            """, "", StringComparison.Ordinal);
        var load = ScenarioFile.Parse(text, File);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var prices = load.Scenario!.Economy!.Prices;
        Assert.Null(prices.Unmet.ElectiveTurnedAway);
        Assert.Equal(3684m, prices.ElectiveTurnedAwayPrice.Pounds);
        Assert.Equal(0m, prices.Unmet.HourWaitingForBed.Pounds);
        Assert.Equal(Commissioner.Nhs, prices.Unmet.PaidBy);
        Assert.False(prices.Unmet.InTotal);
    }

    public static TheoryData<string, string, int, string, string> Broken => new()
    {
        { "    hour_waiting_for_bed: £25", "    hour_waiting_for_bed: a lot", 28, "prices.unmet.hour_waiting_for_bed", "'a lot' is not an amount of money: write pounds such as 313, £2m, £13.3m or £500k." },
        { "    paid_by: social_care", "    paid_by: pooled", 29, "prices.unmet.paid_by", "unmet demand is borne by nhs or social_care, not 'pooled'." },
        { "    in_total: true", "    in_total: yes please", 30, "prices.unmet.in_total", "expected true or false, but found 'yes please'." },
        { "    in_total: true", "    in_totl: true", 30, "prices.unmet.in_totl", "unknown key 'in_totl'. Did you mean 'in_total'? Allowed here: elective_turned_away, hour_waiting_for_bed, paid_by, in_total." },
        { "home_care: {funded_hour: £16, per_hour: £2}", "home_care: {funded_hour: £16, funded_unit: £16}", 33, "prices.services.home_care.funded_hour", "funded_hour is another name for funded_unit: give one." },
        { "acute: {funded_day: £200, occupied_day: £150}", "acute: {funded_hour: £200, occupied_day: £150}", 32, "prices.services.acute.funded_hour", "a funded price per unit needs a 'demand' on 'acute' (capacity in units, e.g. carer hours a week); price funded places with funded_day." },
        { "    capacity: 300", "    capacity: unlimited", 33, "prices.services.home_care.funded_hour", "'home_care' has unlimited capacity: there are no funded hours to price." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Unmet_and_funded_hour_mistakes_are_reported_at_their_file_line_and_key(string from, string to, int line, string path, string message)
    {
        Assert.Contains(from, Scenario, StringComparison.Ordinal); // the test changes what it means to
        var load = ScenarioFile.Parse(Scenario.Replace(from, to, StringComparison.Ordinal), File);
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems, p => p.Path == path);
        Assert.Equal((File, line, message), (p.File, p.Line, p.Message));
    }
}
