using Bedflow.Core.Model;

namespace Bedflow.Core.Tests.Model;

public class ModelPathTests
{
    public static TheoryData<string, ModelPath> Texts => new()
    {
        { "", ModelPath.Root },
        { "services[acute]", ModelPath.Service("acute") },
        { "services[acute].capacity", ModelPath.Service("acute").Member(nameof(ServiceDefinition.Capacity)) },
        { "services[acute].capacity.changes[2]", ModelPath.Service("acute").Member(nameof(ServiceDefinition.Capacity)).Member(nameof(CapacitySchedule.Changes)).Index(2) },
        { "services[acute].lengthOfStayByGroup[frail]", ModelPath.Service("acute").Member(nameof(ServiceDefinition.LengthOfStayByGroup)).Key("frail") },
        { "arrivals[ed].groupMix[other]", ModelPath.Arrival("ed").Member(nameof(ArrivalStreamDefinition.GroupMix)).Key("other") },
        { "routes[acute]", ModelPath.Route("acute") },
        { "routes[acute, frail].destinations[home]", ModelPath.Route("acute", "frail").Member(nameof(RouteDefinition.Destinations)).Key("home") },
        { "routingChanges[0].route", ModelPath.RoutingChange(0).Member(nameof(RoutingChange.Route)) },
        { "stayChanges[3].to", ModelPath.StayChange(3).Member(nameof(StayChange.To)) },
        { "groups[1]", ModelPath.Root.Member(nameof(Network.Groups)).Index(1) },
        { "leadCommissioner", ModelPath.Root.Member(nameof(Network.LeadCommissioner)) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_path_reads_in_the_models_own_names(string text, ModelPath path)
    {
        Assert.Equal(text, path.ToString());
    }

    [Fact]
    public void Paths_built_the_same_way_are_equal_and_hash_alike()
    {
        var a = ModelPath.Service("acute").Member(nameof(ServiceDefinition.QueueLimit));
        var b = ModelPath.Root.Member(nameof(Network.Services)).Key("acute").Member(nameof(ServiceDefinition.QueueLimit));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a, b);
        Assert.NotEqual(ModelPath.Route("acute"), ModelPath.Route("acute", "frail"));
        Assert.NotEqual(ModelPath.Service("0"), ModelPath.Root.Member(nameof(Network.Services)).Index(0));
        Assert.False(a.Equals(null));
        Assert.True((ModelPath?)null == null);
    }

    [Fact]
    public void A_path_knows_its_parent_and_its_ancestors()
    {
        var queue = ModelPath.Service("acute").Member(nameof(ServiceDefinition.QueueLimit));
        Assert.Equal(ModelPath.Service("acute"), queue.Parent);
        Assert.Equal(3, queue.Depth);
        Assert.True(queue.IsWithin(ModelPath.Service("acute")));
        Assert.True(queue.IsWithin(queue));
        Assert.True(queue.IsWithin(ModelPath.Root));
        Assert.False(queue.IsWithin(ModelPath.Service("ward")));
        Assert.False(ModelPath.Service("acute").IsWithin(queue));
        Assert.Null(ModelPath.Root.Parent);
    }

    [Fact]
    public void A_problem_at_the_root_is_said_without_a_path()
    {
        Assert.Equal("at least one service is needed.", new ModelProblem(ModelPath.Root, "at least one service is needed.").ToString());
        Assert.Equal("routes[acute]: warning: it loops.", new ModelProblem(ModelPath.Route("acute"), "it loops.", ProblemSeverity.Warning).ToString());
    }
}
