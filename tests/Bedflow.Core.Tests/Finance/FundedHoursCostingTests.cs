using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Finance;

/// <summary>Carer hours paid whether used or not (<see cref="ServicePrices.FundedUnit"/>), by hand.</summary>
public class FundedHoursCostingTests
{
    private static readonly RunOptions Thirty = new() { Warmup = Days.Of(1), Horizon = Days.Of(30), Replications = 2 };

    /// <summary>Two packages of 10 carer hours a week from −0.5, for 100 days: 20 hours a week in use all month, whatever the workforce.</summary>
    private static Network HomeCare(int hoursAWeek) => new NetworkBuilder()
        .Service(new ServiceDefinition { Name = "home_care", Kind = ServiceKind.HomeCare, Capacity = hoursAWeek, Demand = Distribution.Deterministic(10), LengthOfStay = Distribution.Deterministic(100) })
        .Arrivals("discharges", "home_care", ArrivalRate.Scripted(-0.5, -0.5))
        .Route("home_care", "home")
        .Build();

    // Contracted at £16 an hour, £2 an hour more for hours worked (travel).
    private static readonly Economy Contracted = new()
    {
        Prices = new PriceList { Services = new Dictionary<string, ServicePrices> { ["home_care"] = new() { FundedUnit = Money.FromPounds(16m), PerUnit = Money.FromPounds(2m) } } },
    };

    [Fact]
    public void Contracted_hours_are_paid_on_the_workforce_and_used_hours_on_the_packages()
    {
        var rep = Simulator.RunOne(HomeCare(100), Thirty);
        var cost = Costing.Of(HomeCare(100), Contracted, rep, Thirty.Horizon);
        decimal contracted = 100 * 16m * 30 / 7;   // 100 hours a week for 30 days: £6,857.14
        decimal used = 20 * 2m * 30 / 7;           // 20 hours a week used: £171.43
        Assert.Equal(contracted + used, cost.ByService["home_care"].Pounds, 20);
        Assert.Equal(contracted, cost.Funded.Pounds, 20);
        Assert.Equal(used, cost.Activity.Pounds, 20);
    }

    [Fact]
    public void Funding_more_carer_hours_costs_money_even_when_no_one_uses_them_and_cutting_them_releases_cash()
    {
        var results = Experiment.Run([new("baseline", "", HomeCare(100), Contracted), new("more_hours", "", HomeCare(200), Contracted)], Thirty);
        var c = results[1].VersusBaseline!;
        double extra = 100 * 16.0 * 30 / 7;       // 100 more hours a week, unused: £6,857.14
        Assert.Equal(extra, c.TotalCost.Mean, 6);
        Assert.Equal(-extra, c.CashReleasingSaving.Mean, 6);
        Assert.Equal(0, c.ActivityCost.Mean, 9); // the same 20 hours a week are worked
        // Priced per hour used only, the extra hours would cost nothing: the reason funded_hour exists.
        var perHourOnly = new Economy { Prices = new PriceList { Services = new Dictionary<string, ServicePrices> { ["home_care"] = new() { PerUnit = Money.FromPounds(18m) } } } };
        var unpaid = Experiment.Run([new("baseline", "", HomeCare(100), perHourOnly), new("more_hours", "", HomeCare(200), perHourOnly)], Thirty);
        Assert.Equal(0, unpaid[1].VersusBaseline!.TotalCost.Mean, 9);
    }
}
