using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

public class ServiceIdTests
{
    [Fact]
    public void Ids_are_the_same_service_only_when_their_names_match_character_for_character()
    {
        Assert.Equal(ServiceId.Of("acute"), ServiceId.Of(new string("acute".ToCharArray())));
        Assert.True(ServiceId.Of("acute") == ServiceId.Of("acute"));
        Assert.NotEqual(ServiceId.Of("acute"), ServiceId.Of("Acute"));
        Assert.Equal(ServiceId.Of("acute").GetHashCode(), ServiceId.Of("acute").GetHashCode());
        Assert.Equal("acute", ServiceId.Of("acute").ToString());
        Assert.Equal(ServiceId.Of(""), default);
        Assert.Equal("", default(ServiceId).Name);
        Assert.Throws<ArgumentNullException>(() => ServiceId.Of(null!));
        Assert.Equal(["Acute", "acute", "b"], new[] { ServiceId.Of("b"), ServiceId.Of("acute"), ServiceId.Of("Acute") }.Order().Select(s => s.Name));
    }

    [Fact]
    public void A_run_gives_a_services_measures_by_its_id_and_names_the_services_it_has_when_asked_for_another()
    {
        var net = new NetworkBuilder()
            .Service("acute", 10, Distribution.Exponential(2))
            .Service("community", 5, Distribution.Exponential(4))
            .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(3)))
            .Route("acute", ("home", 0.8), ("community", 0.2))
            .Route("community", "home")
            .Build();
        var r = Simulator.Run(net, new RunOptions { Warmup = Days.Of(10), Horizon = Days.Of(30), Replications = 2, Seed = 1 });
        Assert.Same(r.Services[1], r.Service(net.Services[1].Id));
        Assert.Equal(ServiceId.Of("community"), r.Services[1].Id);
        Assert.Equal(ServiceId.Of("acute"), net.Arrivals[0].Service);
        var e = Assert.Throws<ArgumentException>(() => r.Service(ServiceId.Of("Acute")));
        Assert.StartsWith("'Acute' is not a service of this run (services: acute, community).", e.Message, StringComparison.Ordinal);
    }
}
