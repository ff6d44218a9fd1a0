using System.Reflection;
using System.Runtime.CompilerServices;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using CsCheck;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>
/// The engine runs on the compiled network alone: what it needs of the model is compiled into
/// flat tables before the run, and no engine type keeps the model itself.
/// </summary>
public class CompiledNetworkTests
{
    // The model's own definitions; its small value types (a distribution, a window, an escalation rule) may be compiled in as they are.
    private static readonly Type[] Uncompiled =
    [
        typeof(Network), typeof(ServiceDefinition), typeof(ArrivalStreamDefinition), typeof(RouteDefinition), typeof(StartingState),
        typeof(CapacitySchedule), typeof(RoutingChange), typeof(StayChange),
    ];

    [Fact]
    public void No_engine_type_holds_the_uncompiled_network()
    {
        var engine = typeof(CompiledNetwork).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CompiledNetwork).Namespace && !t.IsPublic && !t.IsNestedPublic && !t.IsEnum)
            // A lambda's closure holds what it captured only while the compiler's method runs.
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .ToList();
        Assert.Contains(typeof(CompiledNetwork), engine);
        Assert.Contains(typeof(Replication), engine);
        var offences = engine
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => Mentions(f.FieldType).Any(Uncompiled.Contains))
                .Select(f => $"{t.Name}.{f.Name}: {f.FieldType.Name}"))
            .ToList();
        Assert.Empty(offences);
    }

    [Fact]
    public void The_compiled_capacity_on_any_day_is_the_schedules()
    {
        var schedules = Gen.Select(Gen.Int[1, 9], Gen.Select(Gen.Int[-5, 40], Gen.Int[0, 9]).Array[0, 4],
            (initial, changes) => new CapacitySchedule(Capacity.Of(initial), changes.Select(c => ((double)c.Item1, Capacity.Of(c.Item2)))));
        schedules.Array[1, 4].Sample(capacities =>
        {
            var b = new NetworkBuilder();
            for (int i = 0; i < capacities.Length; i++)
            {
                b.Service($"s{i}", capacities[i], Distribution.Exponential(1));
                b.Route($"s{i}", "home");
            }
            var net = b.Arrivals("ed", "s0", ArrivalRate.Constant(RatePerDay.Of(1))).Build();
            var compiled = new CompiledNetwork(net);
            for (int i = 0; i < capacities.Length; i++)
            {
                for (double day = -7; day <= 42; day += 0.5)
                {
                    Assert.Equal(capacities[i].At(day), CompiledNetwork.CapacityOf(compiled.CapacityAt(i, day)));
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void The_starting_state_is_compiled_per_service_with_its_group_mix()
    {
        var net = new NetworkBuilder()
            .Groups("young", "old")
            .Service(new ServiceDefinition { Name = "empty", Capacity = 4, LengthOfStay = Distribution.Exponential(1) })
            .Service(new ServiceDefinition
            {
                Name = "care_home",
                Capacity = 10,
                LengthOfStay = Distribution.Exponential(100),
                Start = new StartingState { Occupied = 8, Queued = 3, GroupMix = new Dictionary<string, double> { ["old"] = 0.75, ["young"] = 0.25 } },
            })
            .Arrivals("ed", "empty", ArrivalRate.Constant(RatePerDay.Of(1)))
            .Route("empty", "care_home")
            .Route("care_home", "home")
            .Build();
        var compiled = new CompiledNetwork(net);
        Assert.Equal(["empty", "care_home"], compiled.ServiceNames);
        Assert.Equal([0, 8], compiled.StartOccupied);
        Assert.Equal([0, 3], compiled.StartQueued);
        // Cumulative by [service × groups + group]; no mix means everyone in the first group.
        Assert.Equal([1, 1, 0.25, 1], compiled.StartGroupCumulative);
        Assert.Equal(net.StartDate, compiled.StartDate);
    }

    // The types a field's type is built from: ServiceDefinition[] and List<Network> mention theirs.
    private static IEnumerable<Type> Mentions(Type t) =>
        t.HasElementType ? Mentions(t.GetElementType()!)
        : t.IsGenericType ? t.GetGenericArguments().SelectMany(Mentions).Prepend(t)
        : [t];
}
