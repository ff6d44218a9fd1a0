using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

public class ScenarioMoneyTests
{
    private const string Money = """

        prices:
          year: 2016/17
          excess_bed_day: £313
          elective: {bed_days: 3.5, price: "£3,684"}
          services:
            acute: {occupied_day: 350, admission: £1590}
            intermediate_care: {per_week: £1.4k, funded_day: £20}
        budgets:
          nhs:
            name: CCG
            budget: {2016/17: £750m}
            savings:
              target: £22.4m
              schemes:
                found: £9.1m
                stop: {amount: £2m, variant: no_pilot}
        pooled_fund:
          contributions: {nhs: £30m, social_care: £100m}
          shares: {nhs: 25%, social_care: 75%}
        """;

    [Fact]
    public void Prices_budgets_and_the_pooled_fund_are_read_in_friendly_pounds()
    {
        var load = ScenarioFile.Parse(ScenarioValidationTests.Valid + Money, "money.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var e = load.Scenario!.Economy!;
        Assert.Equal("2016/17", e.Prices.Year.ToString());
        Assert.Equal(313m, e.Prices.ExcessBedDay!.Value.Pounds);
        Assert.Equal((3.5, 3684m), (e.Prices.ElectiveBedDays, e.Prices.ElectivePrice!.Value.Pounds));
        Assert.Equal(200m, e.Prices.Services["intermediate_care"].OccupiedDay.Pounds); // £1,400 a week
        Assert.Equal(1590m, e.Prices.Services["acute"].Admission.Pounds);
        var nhs = Assert.Single(e.Budgets);
        Assert.Equal(750e6m, nhs.ByYear[Core.Units.FinancialYear.Starting(2016)].Pounds);
        Assert.Equal(11.1e6m, nhs.Savings!.Identified.Pounds);
        Assert.Equal("no_pilot", nhs.Savings.Schemes[1].Variant);
        Assert.Equal(0.25m, e.Pool!.ShareOf(Commissioner.Nhs));
    }

    public static TheoryData<string, string, string, string> Broken => new()
    {
        { "    acute: {occupied_day: 350, admission: £1590}", "    acte: {occupied_day: 350}", "prices.services.acte", "'acte' is not a service. Did you mean 'acute'?" },
        { "excess_bed_day: £313", "excess_bed_day: three hundred", "prices.excess_bed_day", "'three hundred' is not an amount of money: write pounds such as 313, £2m, £13.3m or £500k." },
        { "    intermediate_care: {per_week: £1.4k, funded_day: £20}", "    intermediate_care: {per_week: £1.4k, occupied_day: £200}", "prices.services.intermediate_care.per_week", "give a price per occupied day or per week, not both." },
        { "  shares: {nhs: 25%, social_care: 75%}", "  shares: {nhs: 25%, social_care: 70%}", "pooled_fund.shares", "shares of the result must sum to 1, but sum to 0.95." },
        { "  nhs:\n    name: CCG", "  ccg:\n    name: CCG", "budgets.ccg", "budgets belong to nhs or social_care, not 'ccg'." },
        { "budget: {2016/17: £750m}", "budget: {2016: £750m}", "budgets.nhs.budget.2016", "'2016' is not a financial year: write it as 2016/17." },
        { "budget: {2016/17: £750m}", "budget: {2016-17: £750m}", "budgets.nhs.budget.2016-17", "'2016-17' is not a financial year here: write it with a slash, as 2016/17 (the hyphen is the SitRep extract's spelling)." },
        { "budget: {2016/17: £750m}", "budget: {2016/18: £750m}", "budgets.nhs.budget.2016/18", "'2016/18' is not a financial year: a financial year runs from April to the next March, so 2016 is followed by 17 (2016/17)." },
        { "year: 2016/17", "year: 2016", "prices.year", "'2016' is not a financial year: write it as 2016/17." },
        // (Ten digits or more are masked in every message, as an NHS number would be, whatever they are.)
        { "budget: {2016/17: £750m}", "budget: {2016/17: £79228162514264337593543950335bn}", "budgets.nhs.budget.2016/17", "'£*******335bn' is too large an amount (over £1,000bn)." },
        { "elective: {bed_days: 3.5,", "elective: {bed_days: 0,", "prices.elective.bed_days", "an elective case uses more than 0 bed-days, but was 0." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Money_mistakes_are_reported_with_their_key(string from, string to, string path, string message)
    {
        var load = ScenarioFile.Parse(ScenarioValidationTests.Valid + Money.Replace(from, to, StringComparison.Ordinal), "money.yaml");
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems, p => p.Path == path);
        Assert.Equal(message, p.Message);
    }

    [Fact]
    public void Budgets_without_prices_are_an_error()
    {
        var load = ScenarioFile.Parse(ScenarioValidationTests.Valid + "\nbudgets: {nhs: {name: CCG}}\n", "money.yaml");
        Assert.Contains(load.Problems, p => p.Path == "budgets" && p.Message == "budgets and a pooled fund need a price list: add 'prices'.");
    }
}
