using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

public partial class OfferedLoadTests
{
    private static readonly DateOnly April2016 = new(2016, 4, 1);

    [Fact]
    public void Seasonal_arrivals_give_the_year_mean_and_a_lagged_busiest_month()
    {
        // 10 a day × January 1.55 and July 0.45 (the factors average 1), each staying exactly one
        // day from 1 April 2016. A patient is present from its arrival for a day, so a day's mean
        // is half its own rate and half the day before's: 1 January is (15.5 + 10) / 2, the other
        // 30 days of January 15.5. Over the year every day's rate counts once on each side: 10.
        double[] factors = [1.55, 1, 1, 1, 1, 1, 0.45, 1, 1, 1, 1, 1];
        var net = new NetworkBuilder()
            .StartingOn(April2016)
            .Service("acute", 15, Distribution.Deterministic(1))
            .Arrivals("ed", "acute", new SeasonalRate(April2016, RatePerDay.Of(10), monthFactors: factors))
            .Route("acute", "home")
            .Build();
        var load = Load(net, "acute");
        Assert.Equal(10, load.Mean.Offered, Tolerance);
        var january = load.BusiestMonth!;
        Assert.Equal((new DateOnly(2017, 1, 1), new DateOnly(2017, 1, 31)), (january.From, january.To));
        Assert.Equal((((15.5 + 10) / 2) + (30 * 15.5)) / 31, january.Offered, Tolerance);
        Assert.Equal(15, january.Capacity);
        // Over capacity in January only: a warning that says so, not an error.
        var finding = Assert.Single(net.OfferedLoad(Year).Findings(net));
        Assert.Equal((LoadLevel.Over, LoadBasis.Month, ProblemSeverity.Warning), (finding.Level, finding.Basis, finding.Severity));
    }

    [Fact]
    public void A_capacity_change_counts_in_the_mean_capacity_and_in_the_months_after_it()
    {
        // 60 beds' worth a day throughout; 100 beds until 30 September 2016 (183 days), 50 from 1 October (182 days).
        var net = new NetworkBuilder()
            .StartingOn(April2016)
            .Service("acute", new CapacitySchedule(Capacity.Of(100), [(183, Capacity.Of(50))]), Distribution.Exponential(4))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(15)))
            .Route("acute", "home")
            .Build();
        var load = Load(net, "acute");
        Assert.Equal(60, load.Mean.Offered, Tolerance);
        Assert.Equal(((183 * 100) + (182 * 50)) / Year, load.Mean.Capacity!.Value, Tolerance);
        Assert.Equal(60.0 / 50, load.BusiestMonth!.Ratio!.Value, Tolerance);
        Assert.Equal(new DateOnly(2016, 10, 1), load.BusiestMonth.From);
        var finding = Assert.Single(net.OfferedLoad(Year).Findings(net));
        Assert.Equal((LoadLevel.Over, LoadBasis.Month, ProblemSeverity.Warning), (finding.Level, finding.Basis, finding.Severity));
    }

    [Fact]
    public void A_cut_deep_enough_to_overload_the_year_is_an_error()
    {
        // 100 beds for 30 days then 20: a mean of (30 × 100 + 335 × 20) / 365 ≈ 26.6 for 60.
        var net = new NetworkBuilder()
            .Service("acute", new CapacitySchedule(Capacity.Of(100), [(30, Capacity.Of(20))]), Distribution.Exponential(4))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(15)))
            .Route("acute", "home")
            .Build();
        var finding = Assert.Single(net.OfferedLoad(Year).Findings(net));
        Assert.Equal((LoadLevel.Over, LoadBasis.Report, ProblemSeverity.Error), (finding.Level, finding.Basis, finding.Severity));
        Assert.Equal(60 / (((30 * 100) + (335 * 20)) / Year), finding.Figure.Ratio!.Value, Tolerance);
    }

    [Fact]
    public void A_routing_change_moves_the_load_while_it_is_in_force()
    {
        // From day 100 to day 200, A sends everyone to B instead of home.
        var network = new NetworkBuilder()
            .Service("a", 100, Distribution.Exponential(1))
            .Service("b", 100, Distribution.Deterministic(2))
            .Arrivals("ed", "a", ArrivalRate.Constant(RatePerDay.Of(5)))
            .Route("a", "home").Route("b", "home")
            .Build() with
        {
            RoutingChanges = [new RoutingChange { From = 100, To = 200, Route = new RouteDefinition { From = "a", Destinations = [("b", 1.0)] } }],
        };
        // 500 patients (5 a day for 100 days) each present for exactly 2 days, all within the year.
        double expected = 500 * 2 / Year;
        Assert.Equal(expected, Load(network, "b").Mean.Offered, 1e-6);
        Assert.Equal(5 * 100 / Year, Load(network, "b").ArrivalsPerDay, Tolerance);
    }
}
