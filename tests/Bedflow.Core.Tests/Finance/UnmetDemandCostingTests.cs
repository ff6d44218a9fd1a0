using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Finance;

/// <summary>The price of unmet demand, by hand on a network whose queue and cancellations are known exactly.</summary>
public class UnmetDemandCostingTests
{
    // One day of warm-up, then 30 days reported; every patient arrives at −0.5 or on a scripted day.
    private static readonly RunOptions Thirty = new() { Warmup = Days.Of(1), Horizon = Days.Of(30), Replications = 1 };

    /// <summary>
    /// Two emergency patients at −0.5 who stay 100 days: with one bed, the second waits the whole
    /// period (the acute queue is 1 all month: 30 × 24 = 720 patient-hours); with two, nobody
    /// waits. Three electives come on days 2.5, 7.5 and 12.5 to a full hospital with no queue room:
    /// all three are turned away either way.
    /// </summary>
    private static Network Hospital(int beds) => new NetworkBuilder()
        .Service("acute", beds, Distribution.Deterministic(100), queueLimit: 0, kind: ServiceKind.Acute)
        .Arrivals("ed", "acute", ArrivalRate.Scripted(-0.5, -0.5))
        .Arrivals("list", "acute", ArrivalRate.Scripted(2.5, 7.5, 12.5), ArrivalKind.Planned)
        .Route("acute", "home")
        .Build();

    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);

    private static Economy Priced(UnmetDemandPrices unmet) => new()
    {
        Prices = new PriceList
        {
            ElectivePrice = Pounds(3684m),
            Unmet = unmet,
            Services = new Dictionary<string, ServicePrices> { ["acute"] = new() { OccupiedDay = Pounds(400m) } },
        },
    };

    [Fact]
    public void Electives_turned_away_and_hours_waited_are_priced_beside_the_total_by_default()
    {
        var rep = Simulator.RunOne(Hospital(1), Thirty);
        var cost = Costing.Of(Hospital(1), Priced(new UnmetDemandPrices { HourWaitingForBed = Pounds(50m) }), rep, Thirty.Horizon);
        Assert.Equal(3, cost.Unmet.ElectivesTurnedAway);
        Assert.Equal(720, cost.Unmet.HoursWaitedForBed);                      // one patient waiting × 24 h × 30 days
        Assert.Equal(Pounds(3 * 3684m), cost.Unmet.Electives);                 // the elective price by default
        Assert.Equal(Pounds(720 * 50m), cost.Unmet.Waiting);
        Assert.Equal(Pounds(11_052m + 36_000m), cost.UnmetDemand);
        Assert.Equal(Commissioner.Nhs, cost.Unmet.PaidBy);
        // Not in the total: one bed held all month at £400 is all that is spent.
        Assert.Equal(Pounds(30 * 400m), cost.Total);
        Assert.Equal(Pounds(30 * 400m), cost.Activity);
        Assert.Equal(Pounds(30 * 400m), cost.ByOrganisation[Commissioner.Nhs]);
    }

    [Fact]
    public void In_the_total_unmet_demand_falls_to_its_payer_and_its_year_but_is_not_activity()
    {
        var rep = Simulator.RunOne(Hospital(1), Thirty);
        var unmet = new UnmetDemandPrices { ElectiveTurnedAway = Pounds(1000m), HourWaitingForBed = Pounds(50m), PaidBy = Commissioner.SocialCare, InTotal = true };
        var cost = Costing.Of(Hospital(1), Priced(unmet), rep, Thirty.Horizon);
        Assert.Equal(Pounds(3000m + 36_000m), cost.UnmetDemand);
        Assert.Equal(Pounds(12_000m + 39_000m), cost.Total);
        Assert.Equal(Pounds(12_000m), cost.Activity);
        Assert.Equal(Pounds(12_000m), cost.ByOrganisation[Commissioner.Nhs]);          // the acute bed's commissioner
        Assert.Equal(Pounds(39_000m), cost.ByOrganisation[Commissioner.SocialCare]);   // who the scenario says bears unmet demand
        Assert.Equal(Pounds(51_000m), cost.ByYear[FinancialYear.Parse("2016/17")]);    // April 2016: one financial year
    }

    [Fact]
    public void Without_an_elective_price_or_an_hourly_price_unmet_demand_costs_nothing()
    {
        var rep = Simulator.RunOne(Hospital(1), Thirty);
        var economy = new Economy { Prices = new PriceList { Services = new Dictionary<string, ServicePrices> { ["acute"] = new() { OccupiedDay = Pounds(400m) } } } };
        var cost = Costing.Of(Hospital(1), economy, rep, Thirty.Horizon);
        Assert.Equal((3.0, 720.0), (cost.Unmet.ElectivesTurnedAway, cost.Unmet.HoursWaitedForBed)); // counted all the same
        Assert.Equal(Money.Zero, cost.UnmetDemand);
    }

    [Fact]
    public void The_costing_counts_what_the_harms_count_over_the_period_rather_than_a_year()
    {
        var results = Experiment.Run([new("one_bed", "", Hospital(1), Priced(new() { HourWaitingForBed = Pounds(50m) }))], Thirty);
        var cost = results[0].Costs!.Replications[0];
        double years = 30 / 365.25;
        Assert.Equal(8766, results[0].Harms[HarmMeasure.HoursWaitedForAcuteBed].Mean, 9);  // 1 × 24 × 365.25
        Assert.Equal(36.525, results[0].Harms[HarmMeasure.ElectivesTurnedAway].Mean, 9);   // 3 ÷ (30 ÷ 365.25)
        Assert.Equal(results[0].Harms[HarmMeasure.HoursWaitedForAcuteBed].Mean * years, cost.Unmet.HoursWaitedForBed, 9);
        Assert.Equal(results[0].Harms[HarmMeasure.ElectivesTurnedAway].Mean * years, cost.Unmet.ElectivesTurnedAway, 9);
    }

    [Theory]
    [InlineData(false, 12_000)]   // a second bed costs 30 × £400 more; the 720 hours it spares are reported, not counted
    [InlineData(true, -24_000)]   // counted: £12,000 more on beds, £36,000 less waiting
    public void The_appraisal_reads_unmet_demand_in_its_extra_cost_only_when_it_is_in_the_total(bool inTotal, double extraCost)
    {
        var economy = Priced(new UnmetDemandPrices { HourWaitingForBed = Pounds(50m), InTotal = inTotal });
        var options = Thirty with { Replications = 2 };
        var results = Experiment.Run([new("baseline", "", Hospital(1), economy), new("second_bed", "", Hospital(2), economy)], options);
        var c = results[1].VersusBaseline!;
        Assert.Equal(-36_000, c.UnmetDemand.Mean);                             // 720 hours × £50 spared; the electives are turned away either way
        Assert.Equal(extraCost, c.TotalCost.Mean);
        var decision = Core.Decisions.Decision.Of(results, DecisionRules.Default);
        Assert.Equal(extraCost, decision.For("second_bed")!.ExtraCostPerYear!.Mean * 30 / 365.25, 6);
    }
}
