using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

public partial class OfferedLoadTests
{
    /// <summary>One service offered λ × stay = 1 × 10 = 10 beds' worth, with the given capacity.</summary>
    private static Network Single(CapacitySchedule capacity, bool allow = false, ArrivalKind kind = ArrivalKind.Emergency, int? queueLimit = null) =>
        new NetworkBuilder()
            .Service(new ServiceDefinition { Name = "acute", Capacity = capacity, LengthOfStay = Distribution.Exponential(10), AllowOverload = allow, QueueLimit = queueLimit })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1)), kind)
            .Route("acute", "home")
            .Build();

    private static IReadOnlyList<LoadFinding> Findings(Network net) => net.OfferedLoad(Year).Findings(net);

    [Theory]
    [InlineData(11)] // 90.9%
    [InlineData(1000)]
    public void Below_95_percent_there_is_no_finding(int capacity)
    {
        Assert.Empty(Findings(Single(capacity)));
    }

    [Fact]
    public void At_95_percent_or_more_it_is_a_warning_at_the_capacity()
    {
        // 10 for 10.5 would be 95.2%; capacities are whole, so 10 of 10.5 is shown with a larger stay instead.
        var net = new NetworkBuilder()
            .Service("acute", 20, Distribution.Exponential(19))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(1)))
            .Route("acute", "home")
            .Build();
        var f = Assert.Single(Findings(net));
        Assert.Equal((LoadLevel.Near, ProblemSeverity.Warning), (f.Level, f.Severity));
        Assert.Equal(ModelPath.Service("acute").Member(nameof(ServiceDefinition.Capacity)), f.Path);
        Assert.Equal("services[acute].capacity", f.Path.ToString());
        Assert.Equal(0.95, f.Figure.Ratio!.Value, Tolerance);
    }

    [Fact]
    public void At_100_percent_it_is_an_error_that_cannot_keep_up()
    {
        var f = Assert.Single(Findings(Single(10)));
        Assert.Equal((LoadLevel.Over, LoadBasis.Report, ProblemSeverity.Error), (f.Level, f.Basis, f.Severity));
        var problem = f.Problem("cannot keep up");
        Assert.Equal((ProblemSeverity.Error, "services[acute].capacity: cannot keep up"), (problem.Severity, problem.ToString()));
    }

    [Fact]
    public void An_m_m_c_queue_at_rho_1_2_is_refused()
    {
        // λ = 12 a day, mean stay 1 day, c = 10: ρ = λ / (c μ) = 1.2, for which M/M/c has no steady state.
        var net = new NetworkBuilder()
            .Service("ward", 10, Distribution.Exponential(1))
            .Arrivals("ed", "ward", ArrivalRate.Constant(RatePerDay.Of(12)))
            .Route("ward", "home")
            .Build();
        var f = Assert.Single(Findings(net));
        Assert.Equal((ProblemSeverity.Error, 1.2), (f.Severity, Math.Round(f.Figure.Ratio!.Value, 12)));
    }

    [Fact]
    public void The_override_turns_the_error_into_a_warning()
    {
        var f = Assert.Single(Findings(Single(5, allow: true)));
        Assert.Equal((LoadLevel.Over, true, ProblemSeverity.Warning), (f.Level, f.Allowed, f.Severity));
    }

    [Fact]
    public void Planned_arrivals_a_full_service_turns_away_are_load_it_can_shed()
    {
        // 10 beds' worth of planned patients for 8 beds, no queue: it keeps up by cancelling them.
        var f = Assert.Single(Findings(Single(8, kind: ArrivalKind.Planned, queueLimit: 0)));
        Assert.Equal((LoadLevel.TurnsAway, ProblemSeverity.Warning), (f.Level, f.Severity));
        Assert.Equal((10, 10), (f.Figure.Offered, f.Figure.Planned), new Close());
        // With no queue limit they all wait: it cannot keep up.
        Assert.Equal(LoadLevel.Over, Assert.Single(Findings(Single(8, kind: ArrivalKind.Planned))).Level);
    }

    [Fact]
    public void Unlimited_capacity_has_no_ratio_and_no_finding()
    {
        var load = Load(Single(Capacity.Unlimited), "acute");
        Assert.Equal((10.0, (double?)null, (double?)null), (Math.Round(load.Mean.Offered, 9), load.Mean.Capacity, load.Mean.Ratio));
        Assert.Null(load.BusiestMonth);
        Assert.Empty(Findings(Single(Capacity.Unlimited)));
    }

    [Fact]
    public void A_loop_with_no_way_out_is_unbounded_flow_its_own_error()
    {
        var net = new NetworkBuilder()
            .Service("a", Capacity.Unlimited, Distribution.Exponential(1))
            .Service("b", Capacity.Unlimited, Distribution.Exponential(1))
            .Service("c", 10, Distribution.Exponential(1))
            .Arrivals("ed", "c", ArrivalRate.Constant(RatePerDay.Of(1)))
            .Route("c", ("a", 0.5), ("home", 0.5)).Route("a", "b").Route("b", "a")
            .Build();
        var findings = Findings(net);
        Assert.Equal(["a", "b"], findings.Select(f => f.Load.Service));
        Assert.All(findings, f => Assert.Equal((LoadLevel.Unbounded, ProblemSeverity.Error, "all"), (f.Level, f.Severity, Assert.Single(f.Load.UnboundedGroups))));
        Assert.Equal(ModelPath.Service("a"), findings[0].Path);
        // The open part is still solved: c carries its own patients.
        Assert.Equal(1, Load(net, "c").Mean.Offered, Tolerance);
    }

    [Fact]
    public void An_invalid_network_is_a_programming_error_here()
    {
        var net = new NetworkBuilder().Service("a", 1, Distribution.Exponential(1)).Build();
        Assert.Throws<InvalidModelException>(() => net.OfferedLoad(Year));
    }
}
