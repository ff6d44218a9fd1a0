using System.Reflection;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using CsCheck;

namespace Bedflow.Core.Tests.Simulation;

/// <summary>
/// A service's time integrals are kept by its state itself: whatever sequence of changes the
/// engine makes, each integral is the count × the time it held, over the reporting window only.
/// </summary>
public class ServiceStatesTests
{
    private const double Begin = -5, End = 20;

    private enum Change { Admit, Leave, MarkReady, UnmarkReady, Enqueue, Dequeue, SetCapacity }

    [Fact]
    public void Every_integral_is_each_count_times_the_time_it_held_within_the_window()
    {
        var steps = Gen.Select(Gen.Double[0, 2], Gen.Enum<Change>(), Gen.Int[1, 4]).Array[0, 60];
        steps.Sample(script =>
        {
            var states = new ServiceStates(Compile(capacity: 3), Begin, End);
            // The same counts kept by hand, with the start of each stretch they held.
            var held = new List<(double From, int Occupied, int Ready, double Units, int Queue, int Capacity)>();
            int occupied = 0, ready = 0, queue = 0, capacity = 3;
            double units = 0;
            var admitted = new Stack<double>(); // each patient's units, the last admitted on top
            double now = Begin;
            held.Add((now, occupied, ready, units, queue, capacity));
            foreach (var (dt, change, n) in script)
            {
                now += dt;
                double u = n / 2.0;
                switch (change)
                {
                    case Change.Admit:
                        states.Admit(0, u, now);
                        admitted.Push(u);
                        occupied++;
                        units += u;
                        break;
                    case Change.Leave when occupied > ready:
                        double leaving = admitted.Pop();
                        states.Leave(0, leaving, now);
                        occupied--;
                        units -= leaving;
                        break;
                    case Change.MarkReady when ready < occupied:
                        states.MarkReady(0, u, now);
                        ready++;
                        break;
                    case Change.UnmarkReady when ready > 0:
                        states.UnmarkReady(0, u, now);
                        ready--;
                        break;
                    case Change.Enqueue:
                        states.Enqueue(0, queue, now);
                        queue++;
                        break;
                    case Change.Dequeue when queue > 0:
                        states.Dequeue(0, now);
                        queue--;
                        break;
                    case Change.SetCapacity:
                        states.SetCapacity(0, n, now);
                        capacity = n;
                        break;
                    default:
                        continue;
                }
                held.Add((now, occupied, ready, units, queue, capacity));
            }
            states.IntegrateAll(Math.Max(now, End));

            double Expected(Func<(double From, int Occupied, int Ready, double Units, int Queue, int Capacity), double> count)
            {
                double sum = 0;
                for (int k = 0; k < held.Count; k++)
                {
                    double from = Math.Max(held[k].From, 0);
                    double to = Math.Min(k + 1 < held.Count ? held[k + 1].From : Math.Max(now, End), End);
                    sum += to > from ? count(held[k]) * (to - from) : 0;
                }
                return sum;
            }
            var a = states.Integrals(0);
            Assert.Equal(Expected(h => h.Occupied), a.OccupiedArea, 9);
            Assert.Equal(Expected(h => h.Ready), a.ReadyArea, 9);
            Assert.Equal(Expected(h => h.Units), a.UnitsArea, 9);
            Assert.Equal(Expected(h => h.Queue), a.QueueArea, 9);
            Assert.Equal(Expected(h => h.Capacity), a.CapacityArea, 9);
            Assert.Equal(occupied, states.Occupied(0));
            Assert.Equal(ready, states.Ready(0));
            Assert.Equal(queue, states.QueueLength(0));
            Assert.Equal(capacity, states.Capacity(0));
        }, iter: 300);
    }

    [Fact]
    public void Escalation_beds_count_as_capacity_and_their_use_is_integrated_while_open()
    {
        var net = Compile(capacity: 4, new Escalation { Beds = 2, OpenAt = 1, CloseBelow = 0.5 });
        var states = new ServiceStates(net, 0, 10);
        for (int k = 0; k < 5; k++)
        {
            states.Admit(0, 1, 1);
        }
        Assert.True(states.UpdateEscalation(0, 1)); // 5 of 4 in use: open
        Assert.Equal(6, states.Capacity(0));
        for (int k = 0; k < 4; k++)
        {
            states.Leave(0, 1, 3);
        }
        Assert.False(states.UpdateEscalation(0, 3)); // 1 of 4 in use, below half: closed (not an opening)
        Assert.Equal(4, states.Capacity(0));
        states.IntegrateAll(10);
        var a = states.Integrals(0);
        Assert.Equal(2, a.EscalationOpenArea, 12);   // open from day 1 to day 3
        Assert.Equal(2, a.EscalationInUseArea, 12);  // one unit above the normal capacity for those two days
        Assert.Equal((4 * 1) + (6 * 2) + (4 * 7), a.CapacityArea, 12);
    }

    [Fact]
    public void Nothing_outside_the_state_can_write_a_count()
    {
        var type = typeof(ServiceStates);
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        Assert.DoesNotContain(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => p.SetMethod is { IsPrivate: false });
    }

    private static CompiledNetwork Compile(int capacity, Escalation? escalation = null) => new(new NetworkBuilder()
        .Service(new ServiceDefinition { Name = "ward", Capacity = capacity, LengthOfStay = Distribution.Exponential(1), Escalation = escalation })
        .Arrivals("ed", "ward", ArrivalRate.Constant(RatePerDay.Of(1)))
        .Route("ward", "home")
        .Build());
}
