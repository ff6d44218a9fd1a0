using Bedflow.Core.Distributions;
using Bedflow.Core.Examples;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Finance;

/// <summary>Costs computed by hand on networks whose occupancy is known exactly.</summary>
public class CostingTests
{
    // Warm-up of one day: scripted patients arrive at −0.5 and stay put for the whole 30-day horizon.
    private static readonly RunOptions Thirty = new() { Warmup = Days.Of(1), Horizon = Days.Of(30), Replications = 1 };

    private static Network Fixed() => new NetworkBuilder()
        .Service("acute", 5, Distribution.Deterministic(1), kind: ServiceKind.Acute)
        .Service("care_home", 0, Distribution.Deterministic(100), kind: ServiceKind.ResidentialHome) // no places: acute patients stay blocked
        .Service("ward", 12, Distribution.Deterministic(100), kind: ServiceKind.CommunityHospital)
        .Service(new ServiceDefinition { Name = "home_care", Kind = ServiceKind.HomeCare, Capacity = 100, Demand = Distribution.Deterministic(10), LengthOfStay = Distribution.Deterministic(100) })
        .Arrivals("to_acute", "acute", ArrivalRate.Scripted(-0.5, -0.5, -0.5))
        .Arrivals("to_ward", "ward", ArrivalRate.Scripted([.. Enumerable.Repeat(-0.5, 10), 5.5]))
        .Arrivals("to_home_care", "home_care", ArrivalRate.Scripted(-0.5, -0.5))
        .Route("acute", "care_home").Route("care_home", "home").Route("ward", "home").Route("home_care", "home")
        .Build();

    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);

    private static readonly Economy Prices = new()
    {
        Prices = new PriceList
        {
            Year = FinancialYear.Starting(2016),
            ExcessBedDay = Pounds(300m),
            Services = new Dictionary<string, ServicePrices>
            {
                ["acute"] = new() { OccupiedDay = Pounds(400m) },
                ["ward"] = new() { OccupiedDay = Pounds(100m), FundedDay = Pounds(10m), Admission = Pounds(1000m) },
                ["home_care"] = new() { PerUnit = Pounds(18m) },
            },
        },
        FixedCosts = [new FixedCost("pilot", 10, 20, Pounds(3000m), Commissioner.Nhs), new FixedCost("half_in", 25, 35, Pounds(1000m), Commissioner.SocialCare)],
    };

    [Fact]
    public void A_service_with_known_occupancy_is_costed_exactly_and_a_delayed_acute_day_at_the_excess_price_only()
    {
        var rep = Simulator.RunOne(Fixed(), Thirty);
        var cost = Costing.Of(Fixed(), Prices, rep, Thirty.Horizon);
        Assert.Equal(Pounds(3 * 30 * 300m), cost.ByService["acute"]);                           // three delayed patients: excess price, never also the occupied price
        // Ten patients all month, an eleventh admitted on day 5.5: 5 midnights × 10 + 25 × 11 bed-days; 12 funded places; one admission.
        Assert.Equal(Pounds(((5 * 10) + (25 * 11)) * 100m + (12 * 30 * 10m) + 1000m), cost.ByService["ward"]);
        Assert.Equal(2 * 10 * 18m / 7 * 30, cost.ByService["home_care"].Pounds, 20);           // 20 carer hours a week at £18
        Assert.Equal(Pounds(3000m + 500m), cost.FixedCosts);                                    // the second is half inside the horizon
        // Sums agree to a millionth of a penny (decimal rounds in its 28th digit).
        Assert.Equal(decimal.Round(cost.ByService.Values.Sum().Pounds + 3500m, 8), decimal.Round(cost.Total.Pounds, 8));
        Assert.Equal(decimal.Round(cost.Total.Pounds, 8), decimal.Round(cost.ByYear[FinancialYear.Parse("2016/17")].Pounds, 8));
        Assert.Equal(decimal.Round(cost.Total.Pounds, 8), decimal.Round(cost.ByOrganisation.Values.Sum().Pounds, 8));
    }

    [Fact]
    public void The_pooled_fund_overspend_is_shared_in_proportion_to_contributions_or_by_fixed_shares()
    {
        // One patient all year in a pooled service at £2 a day: spend £730 against £500 of contributions.
        var net = new NetworkBuilder()
            .Service(new ServiceDefinition { Name = "reablement", Kind = ServiceKind.Reablement, Capacity = 5, LengthOfStay = Distribution.Deterministic(1000), Commissioner = Commissioner.Pooled })
            .Arrivals("gp", "reablement", ArrivalRate.Scripted(-0.5))
            .Route("reablement", "home")
            .Build();
        var rep = Simulator.RunOne(net, new RunOptions { Warmup = Days.Of(1), Horizon = Days.Of(365), Replications = 1 });
        var prices = new PriceList { Services = new Dictionary<string, ServicePrices> { ["reablement"] = new() { OccupiedDay = Pounds(2m) } } };
        var contributions = new Dictionary<Commissioner, Money> { [Commissioner.Nhs] = Pounds(300m), [Commissioner.SocialCare] = Pounds(200m) };
        var proportional = Costing.Of(net, new Economy { Prices = prices, Pool = new PooledFund { Contributions = contributions } }, rep, Days.Of(365));
        Assert.Equal(Pounds(500m), proportional.Pool!.Contributions);
        Assert.Equal(Pounds(730m), proportional.Pool.Spend);
        Assert.Equal(Pounds(-230m), proportional.Pool.Result);                                  // an overspend
        Assert.Equal(Pounds(-138m), proportional.Pool.Shares[Commissioner.Nhs]);                // 60%
        Assert.Equal(Pounds(-92m), proportional.Pool.Shares[Commissioner.SocialCare]);          // 40%
        Assert.Equal(Pounds(438m), proportional.ByOrganisation[Commissioner.Nhs]);              // 300 + 138
        Assert.Equal(Pounds(292m), proportional.ByOrganisation[Commissioner.SocialCare]);       // 200 + 92
        var fixedShares = Costing.Of(net, new Economy
        {
            Prices = prices,
            Pool = new PooledFund { Contributions = contributions, Shares = new Dictionary<Commissioner, decimal> { [Commissioner.Nhs] = 0.5m, [Commissioner.SocialCare] = 0.5m } },
        }, rep, Days.Of(365));
        Assert.Equal(Pounds(415m), fixedShares.ByOrganisation[Commissioner.Nhs]);               // 300 + 115
        Assert.Equal(Pounds(315m), fixedShares.ByOrganisation[Commissioner.SocialCare]);        // 200 + 115
        Assert.Equal(Pounds(730m), fixedShares.Total);
        // A partner with a share of the result but no contribution still bears its share.
        var sharesOnly = Costing.Of(net, new Economy
        {
            Prices = prices,
            Pool = new PooledFund { Contributions = new Dictionary<Commissioner, Money> { [Commissioner.Nhs] = Pounds(500m) }, Shares = new Dictionary<Commissioner, decimal> { [Commissioner.Nhs] = 0.5m, [Commissioner.SocialCare] = 0.5m } },
        }, rep, Days.Of(365));
        Assert.Equal(Pounds(500m + 115m), sharesOnly.ByOrganisation[Commissioner.Nhs]);
        Assert.Equal(Pounds(115m), sharesOnly.ByOrganisation[Commissioner.SocialCare]);
        Assert.Equal(sharesOnly.Total, sharesOnly.ByOrganisation.Values.Sum());
    }

    [Fact]
    public void The_savings_gap_is_the_target_less_the_identified_schemes_and_a_saving_closes_its_share()
    {
        var plan = new SavingsPlan { Target = Pounds(22.4e6m), Schemes = [new("contracts", Pounds(5.0e6m)), new("prescribing", Pounds(4.1e6m))] };
        Assert.Equal(Pounds(9.1e6m), plan.Identified);
        Assert.Equal(Pounds(13.3e6m), plan.Gap);
        // A baseline paying £1.33m for a scheme the variant drops saves a tenth of the gap a year.
        var net = new NetworkBuilder().Service("acute", 5, Distribution.Deterministic(1), kind: ServiceKind.Acute)
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1))).Route("acute", "home").Build();
        var options = new RunOptions { Warmup = Days.Of(10), Horizon = Days.Of(365.25), Replications = 3 };
        var budgets = new[] { new Budget { Organisation = Commissioner.Nhs, Savings = plan } };
        var withScheme = new Economy { FixedCosts = [new FixedCost("scheme", 0, 365, Pounds(1.33e6m), Commissioner.Nhs)], Budgets = budgets };
        var without = new Economy { Budgets = budgets };
        var results = Experiment.Run([new("baseline", "", net, withScheme), new("stop", "", net, without)], options);
        var c = results[1].VersusBaseline!;
        Assert.Equal(-1.33e6, c.TotalCost.Mean, 6);
        Assert.Equal(0.1, c.GapClosed[Commissioner.Nhs], 9);
    }

    [Fact]
    public void A_variant_identical_to_the_baseline_differs_by_exactly_zero()
    {
        var net = DemoCounty.Create();
        var economy = new Economy { Prices = new PriceList { ExcessBedDay = Pounds(313m), ElectivePrice = Pounds(3684m), Services = new Dictionary<string, ServicePrices> { ["acute"] = new() { OccupiedDay = Pounds(350m) } } } };
        var options = new RunOptions { Warmup = Days.Of(60), Horizon = Days.Of(90), Replications = 3, Seed = 4 };
        var r = Experiment.Run([new("baseline", "", net, economy), new("same", "", net, economy)], options);
        var c = r[1].VersusBaseline!;
        foreach (var e in new[] { c.DelayedDaysAvoided, c.AcuteBedDaysFreed, c.AdmissionsWaiting, c.TotalCost, c.CostByOrganisation[Commissioner.Nhs], c.CostByOrganisation[Commissioner.SocialCare] })
        {
            Assert.Equal(0, e.Mean);
            Assert.Equal(0, e.HalfWidth);
        }
        Assert.True(double.IsNaN(c.CostPerDelayedDayAvoided));
        Assert.False(c.AvoidsDelaysClearly);
    }

    [Fact]
    public void Paired_intervals_are_narrower_than_unpaired_ones_because_the_variants_share_random_numbers()
    {
        var net = DemoCounty.Create();
        var more = net with { Services = [.. net.Services.Select(s => s.Name == "intermediate_care" ? s with { Capacity = s.Capacity.Initial + 8 } : s)] };
        var options = new RunOptions { Warmup = Days.Of(365), Horizon = Days.Of(365), Replications = 10, Seed = 11 };
        var r = Experiment.Run([new("baseline", "", net), new("more_ic", "", more)], options);
        var paired = r[1].VersusBaseline!.DelayedDaysAvoided;
        var a = r[0].Run.Delays!.DaysPerYear;
        var b = r[1].Run.Delays!.DaysPerYear;
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 9, 0.975);
        double unpaired = t * Math.Sqrt(((a.StandardDeviation!.Value * a.StandardDeviation.Value) + (b.StandardDeviation!.Value * b.StandardDeviation.Value)) / 10);
        Assert.True(paired.HalfWidth < unpaired, $"paired ±{paired.HalfWidth:F0} against unpaired ±{unpaired:F0}");
        Assert.True(paired.Mean > 0);
    }
}
