using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Model;

/// <summary>Each kind of problem the validator finds, with the typed path it is reported at.</summary>
public class ValidatorPathTests
{
    private static Network Valid() => new NetworkBuilder()
        .Groups("frail", "other")
        .Exits("died")
        .Service("acute", new CapacitySchedule(Capacity.Of(10), [(30.0, Capacity.Of(12))]), Distribution.Exponential(3))
        .Service("community", 5, Distribution.Exponential(10))
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(2)))
        .Route("acute", ("home", 0.8), ("community", 0.2))
        .Route("community", "home")
        .Build();

    private static ServiceDefinition Acute(Network n) => n.Services[0];

    private static Network WithAcute(Network n, ServiceDefinition acute) => n with { Services = [acute, .. n.Services.Skip(1)] };

    private static readonly ModelPath AcuteAt = ModelPath.Service("acute");

    private static readonly RouteDefinition ToHome = new() { From = "acute", Destinations = [("home", 1.0)] };

    /// <summary>Name → (the broken network, the path its problem must be reported at).</summary>
    private static readonly Dictionary<string, (Func<Network, Network> Break, ModelPath At)> Cases = new()
    {
        ["service defined twice"] = (n => n with { Services = [.. n.Services, Acute(n)] }, AcuteAt),
        ["a capacity change on no finite day"] = (n => WithAcute(n, Acute(n) with { Capacity = new CapacitySchedule(Capacity.Of(10), [(5.0, Capacity.Of(12)), (double.PositiveInfinity, Capacity.Of(2))]) }),
            AcuteAt.Member(nameof(ServiceDefinition.Capacity)).Member(nameof(CapacitySchedule.Changes)).Index(1)),
        ["queue limit below 0"] = (n => WithAcute(n, Acute(n) with { QueueLimit = -1 }), AcuteAt.Member(nameof(ServiceDefinition.QueueLimit))),
        ["length of stay for an unknown group"] = (n => WithAcute(n, Acute(n) with { LengthOfStayByGroup = new Dictionary<string, Distribution> { ["young"] = Distribution.Exponential(1) } }),
            AcuteAt.Member(nameof(ServiceDefinition.LengthOfStayByGroup)).Key("young")),
        ["accepting after closing"] = (n => WithAcute(n, Acute(n) with { Accepts = new AcceptanceWindow { FromHour = 18, ToHour = 9 } }),
            AcuteAt.Member(nameof(ServiceDefinition.Accepts)).Member(nameof(AcceptanceWindow.ToHour))),
        ["escalation opening past capacity"] = (n => WithAcute(n, Acute(n) with { Escalation = new Escalation { Beds = 2, OpenAt = 1.5, CloseBelow = 0.5 } }),
            AcuteAt.Member(nameof(ServiceDefinition.Escalation)).Member(nameof(Escalation.OpenAt))),
        ["starting patients that do not fit"] = (n => WithAcute(n, Acute(n) with { Start = new StartingState { Occupied = 11 } }),
            AcuteAt.Member(nameof(ServiceDefinition.Start)).Member(nameof(StartingState.Occupied))),
        ["a starting group that is not a group"] = (n => WithAcute(n, Acute(n) with { Start = new StartingState { Occupied = 1, GroupMix = new Dictionary<string, double> { ["young"] = 1 } } }),
            AcuteAt.Member(nameof(ServiceDefinition.Start)).Member(nameof(StartingState.GroupMix)).Key("young")),
        ["a choice share above 1"] = (n => WithAcute(n, Acute(n) with { Choice = new PatientChoice { Share = 1.5, Wait = Distribution.Exponential(3) } }),
            AcuteAt.Member(nameof(ServiceDefinition.Choice)).Member(nameof(PatientChoice.Share))),
        ["a pair the SitRep does not allow"] = (n => WithAcute(n, Acute(n) with { Kind = ServiceKind.IntermediateCare, Commissioner = Commissioner.SocialCare }),
            AcuteAt.Member(nameof(ServiceDefinition.Commissioner))),
        ["an arrival into no service"] = (n => n with { Arrivals = [n.Arrivals[0] with { Service = ServiceId.Of("acute_ward") }] },
            ModelPath.Arrival("ed").Member(nameof(ArrivalStreamDefinition.Service))),
        ["an emergency stream that diverts"] = (n => n with { Arrivals = [n.Arrivals[0] with { DivertTo = ServiceId.Of("community") }] },
            ModelPath.Arrival("ed").Member(nameof(ArrivalStreamDefinition.DivertTo))),
        ["arrival shares that do not sum to 1"] = (n => n with { Arrivals = [n.Arrivals[0] with { GroupMix = new Dictionary<string, double> { ["frail"] = 0.5, ["other"] = 0.3 } }] },
            ModelPath.Arrival("ed").Member(nameof(ArrivalStreamDefinition.GroupMix))),
        ["routing that does not sum to 1"] = (n => n with { Routes = [n.Routes[0] with { Destinations = [("home", 0.5)] }, n.Routes[1]] }, ModelPath.Route("acute")),
        ["routing to nowhere"] = (n => n with { Routes = [n.Routes[0] with { Destinations = [("home", 0.8), ("comunity", 0.2)] }, n.Routes[1]] },
            ModelPath.Route("acute").Member(nameof(RouteDefinition.Destinations)).Key("comunity")),
        ["routing of one group given twice"] = (n => n with { Routes = [.. n.Routes, ToHome with { Group = "frail" }, ToHome with { Group = "frail" }] }, ModelPath.Route("acute", "frail")),
        ["a service with no routing"] = (n => n with { Routes = [n.Routes[0]] }, ModelPath.Route("community")),
        ["a routing change that ends before it starts"] = (n => n with { RoutingChanges = [new RoutingChange { From = 20, To = 10, Route = ToHome }] },
            ModelPath.RoutingChange(0).Member(nameof(RoutingChange.To))),
        ["a routing change to nowhere"] = (n => n with { RoutingChanges = [new RoutingChange { From = 10, To = 20, Route = ToHome with { Destinations = [("hom", 1.0)] } }] },
            ModelPath.RoutingChange(0).Member(nameof(RoutingChange.Route)).Member(nameof(RouteDefinition.Destinations)).Key("hom")),
        ["a stay change of no service"] = (n => n with { StayChanges = [new StayChange { From = 10, To = 20, Service = "acut", LengthOfStay = Distribution.Exponential(1) }] },
            ModelPath.StayChange(0).Member(nameof(StayChange.Service))),
        ["overlapping stay changes"] = (n => n with
        {
            StayChanges =
            [
                new StayChange { From = 10, To = 20, Service = "acute", LengthOfStay = Distribution.Exponential(1) },
                new StayChange { From = 15, To = 25, Service = "acute", LengthOfStay = Distribution.Exponential(2) },
            ],
        }, ModelPath.StayChange(1)),
        ["a group listed twice"] = (n => n with { Groups = ["frail", "other", "frail"] }, ModelPath.Root.Member(nameof(Network.Groups)).Index(2)),
        ["an exit that is a service"] = (n => n with { Exits = ["home", "died", "community"] }, ModelPath.Root.Member(nameof(Network.Exits)).Index(2)),
        ["a child group that is not a group"] = (n => n with { ChildGroups = new HashSet<string> { "kids" } }, ModelPath.Root.Member(nameof(Network.ChildGroups)).Key("kids")),
        ["a pathway of no exit"] = (n => n with { ExitPathways = new Dictionary<string, DischargePathway?> { ["hospice"] = DischargePathway.P3 } },
            ModelPath.Root.Member(nameof(Network.ExitPathways)).Key("hospice")),
        ["a lead commissioner that is both"] = (n => n with { LeadCommissioner = Responsibility.Both }, ModelPath.Root.Member(nameof(Network.LeadCommissioner))),
        ["more adults than people"] = (n => n with { Population = new Population(100, 200) }, ModelPath.Root.Member(nameof(Network.Population))),
        ["a zero-stay cycle"] = (n => n with
        {
            Services = [Acute(n) with { LengthOfStay = Distribution.Deterministic(0) }, .. n.Services.Skip(1)],
            Routes = [n.Routes[0] with { Destinations = [("home", 0.5), ("acute", 0.5)] }, n.Routes[1]],
        }, ModelPath.Route("acute")),
    };

    public static TheoryData<string> Kinds => [.. Cases.Keys];

    [Fact]
    public void The_network_the_cases_break_is_valid()
    {
        Assert.Empty(Valid().Validate());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_validator_reports_each_kind_of_problem_at_its_typed_path(string kind)
    {
        var (breakIt, at) = Cases[kind];
        var problems = breakIt(Valid()).Validate();
        Assert.Contains(problems, p => p.Path == at);
    }
}
