using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

/// <summary>
/// Sizing before running on networks whose flow balance is worked out by hand in each test
/// (λ from the traffic equations, times the mean time a place is held, times units per patient).
/// </summary>
public partial class OfferedLoadTests
{
    private const double Year = 365;
    private const double Tolerance = 1e-9;

    private static ServiceLoad Load(Network network, string service, double horizon = Year) =>
        network.OfferedLoad(horizon).Services.Single(s => s.Service == service);

    [Fact]
    public void A_tandem_line_carries_the_same_rate_through_every_service()
    {
        // 10 a day through A (3 days) then B (5 days): 30 and 50 beds' worth.
        var net = new NetworkBuilder()
            .Service("a", 40, Distribution.Exponential(3))
            .Service("b", 60, Distribution.LogNormal(5, 2))
            .Arrivals("ed", "a", ArrivalRate.Constant(RatePerDay.Of(10)))
            .Route("a", "b").Route("b", "home")
            .Build();
        var a = Load(net, "a");
        var b = Load(net, "b");
        Assert.Equal(10, a.ArrivalsPerDay, Tolerance);
        Assert.Equal(10, b.ArrivalsPerDay, Tolerance);
        Assert.Equal(30, a.Mean.Offered, Tolerance);
        Assert.Equal(50, b.Mean.Offered, Tolerance);
        Assert.Equal(40, a.Mean.Capacity);
        Assert.Equal(0.75, a.Mean.Ratio!.Value, Tolerance);
        Assert.Empty(net.OfferedLoad(Year).Findings(net));
    }

    [Fact]
    public void A_split_sends_each_branch_its_share()
    {
        // 12 a day leave A: a quarter to B (4 days), three quarters to C (1 day).
        var net = new NetworkBuilder()
            .Service("a", 100, Distribution.Deterministic(2))
            .Service("b", 100, Distribution.Exponential(4))
            .Service("c", 100, Distribution.Exponential(1))
            .Arrivals("ed", "a", ArrivalRate.Constant(RatePerDay.Of(12)))
            .Route("a", ("b", 0.25), ("c", 0.75)).Route("b", "home").Route("c", "home")
            .Build();
        Assert.Equal(24, Load(net, "a").Mean.Offered, Tolerance);
        Assert.Equal((3, 12), (Load(net, "b").ArrivalsPerDay, Load(net, "b").Mean.Offered), new Close());
        Assert.Equal((9, 9), (Load(net, "c").ArrivalsPerDay, Load(net, "c").Mean.Offered), new Close());
    }

    [Fact]
    public void Re_entry_to_the_same_service_raises_its_rate_to_lambda0_over_1_minus_p()
    {
        // λ = 6 / (1 − 0.25) = 8 a day, each for 2 days.
        var net = new NetworkBuilder()
            .Service("a", 100, Distribution.Exponential(2))
            .Arrivals("ed", "a", ArrivalRate.Constant(RatePerDay.Of(6)))
            .Route("a", ("a", 0.25), ("home", 0.75))
            .Build();
        Assert.Equal(8, Load(net, "a").ArrivalsPerDay, Tolerance);
        Assert.Equal(16, Load(net, "a").Mean.Offered, Tolerance);
    }

    [Fact]
    public void A_loop_through_another_service_is_solved_as_a_linear_system()
    {
        // λa = 5 + 0.4 λb, λb = 0.5 λa, so λa = 5 / 0.8 = 6.25 and λb = 3.125.
        var net = new NetworkBuilder()
            .Service("a", 100, Distribution.Exponential(2))
            .Service("b", 100, Distribution.Exponential(4))
            .Arrivals("ed", "a", ArrivalRate.Constant(RatePerDay.Of(5)))
            .Route("a", ("b", 0.5), ("home", 0.5)).Route("b", ("a", 0.4), ("home", 0.6))
            .Build();
        Assert.Equal(6.25, Load(net, "a").ArrivalsPerDay, Tolerance);
        Assert.Equal(12.5, Load(net, "a").Mean.Offered, Tolerance);
        Assert.Equal(3.125 * 4, Load(net, "b").Mean.Offered, Tolerance);
    }

    [Fact]
    public void Groups_with_different_stays_and_routes_add_up()
    {
        // 10 a day, 40% frail (8 days, then half to rehab for 10) and 60% other (3 days, home).
        var net = new NetworkBuilder()
            .Groups("frail", "other")
            .Service(new ServiceDefinition
            {
                Name = "acute",
                Capacity = 100,
                LengthOfStay = Distribution.Exponential(3),
                LengthOfStayByGroup = new Dictionary<string, Distribution> { ["frail"] = Distribution.Exponential(8) },
            })
            .Service("rehab", 100, Distribution.Exponential(10))
            .Arrivals(new ArrivalStreamDefinition
            {
                Name = "ed", Service = ServiceId.Of("acute"), Rate = ArrivalRate.Constant(RatePerDay.Of(10)),
                GroupMix = new Dictionary<string, double> { ["frail"] = 0.4, ["other"] = 0.6 },
            })
            .RouteGroup("acute", "frail", ("rehab", 0.5), ("home", 0.5)).Route("acute", "home").Route("rehab", "home")
            .Build();
        Assert.Equal((4 * 8) + (6 * 3), Load(net, "acute").Mean.Offered, Tolerance);
        Assert.Equal(2 * 10, Load(net, "rehab").Mean.Offered, Tolerance);
    }

    [Fact]
    public void Demand_units_multiply_the_load_and_a_resource_holds_the_bed_while_used()
    {
        // Home care: 0.4 packages a day for 20 days of 10 hours a week on average = 80 hours a week.
        // Acute: 4 a day for 3 days, plus 2 days assessed from the bed; the assessor is held 2 days.
        var net = new NetworkBuilder()
            .Service("acute", 100, Distribution.Exponential(3))
            .Service(new ServiceDefinition { Name = "assessment", Capacity = 20, LengthOfStay = Distribution.Exponential(2), Role = ServiceRole.Resource })
            .Service(new ServiceDefinition { Name = "home_care", Capacity = 100, LengthOfStay = Distribution.Exponential(20), Demand = Distribution.Empirical([5, 10, 15]) })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(4)))
            .Arrivals("community", "home_care", ArrivalRate.Constant(RatePerDay.Of(0.4)))
            .Route("acute", "assessment").Route("assessment", "home").Route("home_care", "home")
            .Build();
        Assert.Equal(4 * (3 + 2), Load(net, "acute").Mean.Offered, Tolerance);
        Assert.Equal(4 * 2, Load(net, "assessment").Mean.Offered, Tolerance);
        Assert.Equal(0.4 * 20 * 10, Load(net, "home_care").Mean.Offered, Tolerance);
        Assert.Equal(0.8, Load(net, "home_care").Mean.Ratio!.Value, Tolerance);
    }

    [Fact]
    public void Choice_and_an_acceptance_window_keep_the_bed_the_patient_leaves()
    {
        // Half wait 4 days for their choice: 2 days more in acute on average. The home admits
        // Mon–Fri 9–17: closed stretches of 16 h (four) and 64 h, so the wait from a moment
        // spread over the week is (4 × 16² + 64²) / (2 × 168) hours.
        double window = ((4 * 16.0 * 16) + (64.0 * 64)) / (2 * 168) / 24;
        var net = new NetworkBuilder()
            .Service("acute", 100, Distribution.Exponential(2))
            .Service(new ServiceDefinition
            {
                Name = "care_home", Capacity = 100, LengthOfStay = Distribution.Exponential(10),
                Choice = new PatientChoice { Share = 0.5, Wait = Distribution.Deterministic(4) },
                Accepts = AcceptanceWindow.Weekdays(9, 17),
            })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(3)))
            .Route("acute", "care_home").Route("care_home", "home")
            .Build();
        Assert.Equal(3 * (2 + 2 + window), Load(net, "acute").Mean.Offered, Tolerance);
        Assert.Equal(30, Load(net, "care_home").Mean.Offered, Tolerance);
    }

    private sealed class Close : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < Tolerance && Math.Abs(x.Item2 - y.Item2) < Tolerance;

        public int GetHashCode((double, double) obj) => 0;
    }
}
