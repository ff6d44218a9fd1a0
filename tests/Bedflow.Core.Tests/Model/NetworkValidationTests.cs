using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Model;

public class NetworkValidationTests
{
    private static NetworkBuilder Valid() => new NetworkBuilder()
        .Service("acute", 10, Distribution.Exponential(3))
        .Service("community", 5, Distribution.Exponential(10))
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
        .Route("acute", ("home", 0.8), ("community", 0.2))
        .Route("community", "home");

    [Fact]
    public void A_valid_network_has_no_problems()
    {
        Assert.Empty(Valid().Build().Validate());
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_path()
    {
        var net = new NetworkBuilder()
            .Service("acute", new CapacitySchedule(Capacity.Of(3), [(double.PositiveInfinity, Capacity.Of(4))]), Distribution.Exponential(3), queueLimit: -1)
            .Service("acute", 5, Distribution.Exponential(3))
            .Arrivals("ed", "emergency_dept", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Arrivals("gp", "acute", ArrivalRate.Constant(RatePerDay.Of(1)), ArrivalKind.Emergency, divertTo: "nowhere")
            .Route("acute", ("home", 0.7), ("intermediate_care", 0.23))
            .Build();
        var problems = net.Validate();
        string all = string.Join("\n", problems);
        Assert.Contains(problems, p => p.Path.ToString() == "services[acute].capacity.changes[0]" && p.Message.Contains("no finite day", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "services[acute].queueLimit");
        Assert.Contains(problems, p => p.Path == ModelPath.Service("acute") && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "arrivals[ed].service" && p.Message.Contains("'emergency_dept' is referenced but not defined", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "arrivals[gp].divertTo" && p.Message.Contains("nowhere", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "arrivals[gp].divertTo" && p.Message.Contains("emergency", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "routes[acute].destinations[intermediate_care]" && p.Message.Contains("neither a service nor an exit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == ModelPath.Route("acute") && p.Message.Contains("sums to 0.93", StringComparison.Ordinal));
        Assert.True(problems.Count >= 8, all);
    }

    [Fact]
    public void A_service_without_routing_is_a_problem()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Build();
        var p = Assert.Single(net.Validate());
        Assert.Equal(ModelPath.Route("acute"), p.Path);
    }

    [Fact]
    public void Group_shares_and_group_names_are_checked()
    {
        var net = Valid().Groups("frail", "other").Arrivals(new ArrivalStreamDefinition
        {
            Name = "gp",
            Service = ServiceId.Of("acute"),
            Rate = ArrivalRate.Constant(RatePerDay.Of(1)),
            GroupMix = new Dictionary<string, double> { ["frail"] = 0.5, ["young"] = 0.3 },
        }).Build();
        var problems = net.Validate();
        Assert.Contains(problems, p => p.Path.ToString() == "arrivals[gp].groupMix[young]");
        Assert.Contains(problems, p => p.Path.ToString() == "arrivals[gp].groupMix" && p.Message.Contains("sum to 0.8", StringComparison.Ordinal));
    }

    [Fact]
    public void The_simulator_refuses_an_invalid_network_or_options_listing_every_problem()
    {
        var bad = new NetworkBuilder().Service("acute", 1, Distribution.Exponential(1)).Build();
        var ex = Assert.Throws<InvalidModelException>(() => Simulator.Run(bad, new RunOptions()));
        Assert.Contains("routes[acute]: no routing out of 'acute'", ex.Message, StringComparison.Ordinal);
        var ex2 = Assert.Throws<InvalidModelException>(() => Simulator.Run(Valid().Build(), new RunOptions { Replications = 0, Horizon = Days.Zero }));
        Assert.Equal(2, ex2.Problems.Count);
    }

    [Fact]
    public void Seasonal_rate_problems_are_data_at_their_part_of_the_rate()
    {
        var rate = ModelPath.Arrival("ed").Member(nameof(ArrivalStreamDefinition.Rate));
        var problems = SeasonalRate.Problems(rate, 10, [(5.0, -1.0)], monthFactors: [.. Enumerable.Repeat(1.2, 12)], weekdayFactors: [1, 1, -1, 1, 1, 1, 3]);
        Assert.Equal(["arrivals[ed].rate.baseRateChanges[0]", "arrivals[ed].rate.monthFactors", "arrivals[ed].rate.weekdayFactors[2]"], problems.Select(p => p.Path.ToString()));
        Assert.Equal("month factors must average 1 (within 0.01), but average 1.2.", problems[1].Message);
        Assert.Empty(SeasonalRate.Problems(rate, 10, weekdayFactors: [1, 1, 1, 1, 1, 1, 1]));
        Assert.Equal("arrivals[ed].rate.weekdayFactors", Assert.Single(SeasonalRate.Problems(rate, 10, weekdayFactors: [1, 1, 1])).Path.ToString());
    }

    [Fact]
    public void Seasonal_factors_must_average_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SeasonalRate(new DateOnly(2016, 4, 1), RatePerDay.Of(10), monthFactors: [.. Enumerable.Repeat(1.2, 12)]));
        Assert.Contains("average 1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SeasonalRate(new DateOnly(2016, 4, 1), RatePerDay.Of(10), weekdayFactors: [1, 1, 1]));
    }

    [Fact]
    public void Seasonal_rate_follows_the_calendar_of_the_start_date()
    {
        // 2016-04-01 was a Friday. Weekday factors Monday first: make Friday 2, others 5/6.
        double other = 5.0 / 6.0;
        var rate = new SeasonalRate(new DateOnly(2016, 4, 1), RatePerDay.Of(10), [(10.0, RatePerDay.Of(20))],
            monthFactors: [1, 1, 1, 1.12, 1, 1, 1, 1, 1, 1, 1, 0.88], weekdayFactors: [other, other, other, other, 2, other, other]);
        Assert.Equal(10 * 1.12 * 2, rate.At(0.5), 9);      // Friday 1 April
        Assert.Equal(10 * 1.12 * other, rate.At(1.5), 9);  // Saturday 2 April
        Assert.Equal(20 * 1.12 * other, rate.At(10.2), 9); // base rate changed on day 10
        Assert.Equal(10 * 0.88 * other, rate.At(-120.5), 9); // a warm-up day in early December 2015 (a Wednesday)
    }

    [Fact]
    public void Realism_settings_are_checked_with_their_paths()
    {
        var net = new NetworkBuilder()
            .Service(new ServiceDefinition
            {
                Name = "acute",
                Capacity = 10,
                LengthOfStay = Distribution.Exponential(3),
                Accepts = new AcceptanceWindow { FromHour = 18, ToHour = 9 },
                Escalation = new Escalation { Beds = 0, OpenAt = 1.2, CloseBelow = 0.5 },
                Start = new StartingState { Occupied = 12, Queued = -1 },
            })
            .Service(new ServiceDefinition
            {
                Name = "assessment",
                Role = ServiceRole.Resource,
                Capacity = Capacity.Unlimited,
                LengthOfStay = Distribution.Exponential(1),
                Demand = Distribution.Uniform(1, 2),
                Escalation = new Escalation { Beds = 2, OpenAt = 0.9, CloseBelow = 0.95 },
                Start = new StartingState { Occupied = 1 },
            })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", "assessment")
            .Route("assessment", "home")
            .Build();
        var paths = net.Validate().Select(p => p.Path.ToString()).ToList();
        Assert.Contains("services[acute].accepts.toHour", paths);
        Assert.Contains("services[acute].escalation.beds", paths);
        Assert.Contains("services[acute].escalation.openAt", paths);
        Assert.Contains("services[acute].start", paths);
        Assert.Contains("services[acute].start.occupied", paths);
        Assert.Contains("services[assessment].escalation.closeBelow", paths);
        Assert.Contains("services[assessment].escalation", paths);
        Assert.Contains("services[assessment].start.occupied", paths);
        Assert.All(net.Validate(), p => Assert.Equal(ProblemSeverity.Error, p.Severity));
    }

    [Fact]
    public void A_warm_up_from_empty_shorter_than_three_mean_stays_is_a_warning_not_an_error()
    {
        var net = Valid().Build();
        var warning = Assert.Single(net.Warnings(warmupDays: 20));
        Assert.Equal(ModelPath.Service("community"), warning.Path);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("30 days", warning.Message, StringComparison.Ordinal);
        Assert.Empty(net.Warnings(warmupDays: 30));
        Assert.Empty(net.Validate());
    }

    [Fact]
    public void A_reason_and_organisation_pair_the_sitrep_does_not_allow_is_an_error()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(3), kind: ServiceKind.Acute)
            .Service(new ServiceDefinition
            {
                Name = "intermediate_care",
                Kind = ServiceKind.IntermediateCare,
                Capacity = 5,
                LengthOfStay = Distribution.Exponential(10),
                Commissioner = Bedflow.Core.Vocabulary.Commissioner.SocialCare, // C with social care
            })
            .Service(new ServiceDefinition
            {
                Name = "care_home",
                Kind = ServiceKind.ResidentialHome,
                Capacity = 5,
                LengthOfStay = Distribution.Exponential(10),
                DelaysResponsible = Bedflow.Core.Vocabulary.Responsibility.Both, // Di with both
                Choice = new PatientChoice { Share = 1.5, Wait = Distribution.Exponential(3), Cap = -1, Responsible = Bedflow.Core.Vocabulary.Responsibility.Both },
            })
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
            .Route("acute", ("home", 0.6), ("intermediate_care", 0.2), ("care_home", 0.2))
            .Route("intermediate_care", "home")
            .Route("care_home", "home")
            .Build() with { LeadCommissioner = Bedflow.Core.Vocabulary.Responsibility.Both, ChildGroups = new HashSet<string> { "kids" } };
        var problems = net.Validate();
        Assert.Contains(problems, p => p.Path.ToString() == "services[intermediate_care].commissioner" && p.Message.Contains("reason C", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "services[care_home].delaysResponsible" && p.Message.Contains("reason Di", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.ToString() == "services[care_home].choice.share");
        Assert.Contains(problems, p => p.Path.ToString() == "services[care_home].choice.cap");
        Assert.Contains(problems, p => p.Path.ToString() == "services[care_home].choice.responsible");
        Assert.Contains(problems, p => p.Path.ToString() == "leadCommissioner");
        Assert.Contains(problems, p => p.Path.ToString() == "childGroups[kids]");
    }

    [Fact]
    public void A_pooled_service_puts_its_delays_on_the_lead_commissioner_unless_it_names_another()
    {
        var pooled = new ServiceDefinition { Name = "reablement", Kind = ServiceKind.Reablement, Capacity = 5, LengthOfStay = Distribution.Exponential(10), Commissioner = Bedflow.Core.Vocabulary.Commissioner.Pooled };
        Assert.Equal(Bedflow.Core.Vocabulary.Responsibility.SocialCare, Bedflow.Core.Model.ServiceDelays.For(pooled, Bedflow.Core.Vocabulary.Responsibility.SocialCare).Responsible);
        Assert.Equal(Bedflow.Core.Vocabulary.Responsibility.Nhs, Bedflow.Core.Model.ServiceDelays.For(pooled, Bedflow.Core.Vocabulary.Responsibility.Nhs).Responsible);
        var both = pooled with { DelaysResponsible = Bedflow.Core.Vocabulary.Responsibility.Both };
        var resolved = Bedflow.Core.Model.ServiceDelays.For(both, Bedflow.Core.Vocabulary.Responsibility.Nhs);
        Assert.Equal(Bedflow.Core.Vocabulary.Responsibility.Both, resolved.Responsible);
        Assert.Equal(Bedflow.Core.Vocabulary.Responsibility.Nhs, resolved.ChoiceResponsible); // G cannot be "both"
        Assert.Equal(Bedflow.Core.Vocabulary.DelayReason.E, resolved.Reason);
    }
}
