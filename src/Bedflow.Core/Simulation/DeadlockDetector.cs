namespace Bedflow.Core.Simulation;

/// <summary>
/// Finds and records deadlocks of one replication: the greatest set of services that are
/// closed (full, every occupant waiting in another service's blocked list) whose occupants all
/// wait for services of the same set. Nobody in such a set can ever move unless capacity rises.
/// Each deadlock is recorded when found, with the first scheduled capacity increase of one of its
/// services, and released when none of its services is in a deadlock any more.
/// </summary>
/// <remarks>
/// Run only when a service may have become stuck (a patient blocked in a service now full of
/// blocked patients, a capacity change) or a stuck service has moved, never per event.
/// Single-threaded; allocates only when it records a deadlock.
/// </remarks>
internal sealed class DeadlockDetector
{
    private readonly ServiceStates _services;
    private readonly (double Day, int Service, int Capacity)[] _capacityChanges;
    private readonly string[] _serviceNames;
    private readonly int _serviceCount;
    private readonly List<Deadlock> _deadlocks = [];
    private readonly List<int> _open = [];   // indices into _deadlocks of those not yet released
    private readonly bool[] _inDeadlock;     // per service, part of an open deadlock
    private readonly bool[] _stuck;          // per service, scratch of Update

    /// <summary>A detector for the services of <paramref name="net"/>, whose state it reads from <paramref name="services"/>.</summary>
    public DeadlockDetector(CompiledNetwork net, ServiceStates services)
    {
        _services = services;
        _capacityChanges = net.CapacityChanges;
        _serviceNames = net.ServiceNames;
        _serviceCount = net.ServiceCount;
        _inDeadlock = new bool[_serviceCount];
        _stuck = new bool[_serviceCount];
    }

    /// <summary>Whether a recorded deadlock is still under way.</summary>
    public bool AnyOpen => _open.Count > 0;

    /// <summary>Whether <paramref name="service"/> is part of a deadlock under way.</summary>
    public bool Includes(int service) => _inDeadlock[service];

    /// <summary>
    /// Finds the services stuck for good at <paramref name="now"/>, given which are
    /// <paramref name="closed"/> (full, every occupant blocked): the greatest set of them whose
    /// occupants all wait for services of the set, by repeatedly removing services with a way out.
    /// Records newly stuck sets and releases deadlocks that have come free.
    /// </summary>
    public void Update(double now, ReadOnlySpan<bool> closed)
    {
        int n = _serviceCount;
        for (int s = 0; s < n; s++)
        {
            _stuck[s] = closed[s];
        }
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int s = 0; s < n; s++)
            {
                if (!_stuck[s])
                {
                    continue;
                }
                for (int j = 0; j < n; j++)
                {
                    if (_services.BlockedBetween(s, j) > 0 && !_stuck[j])
                    {
                        _stuck[s] = false;
                        changed = true;
                        break;
                    }
                }
            }
        }

        for (int s = 0; s < n; s++)
        {
            if (_inDeadlock[s] && !_stuck[s])
            {
                _inDeadlock[s] = false;
            }
        }
        for (int o = _open.Count - 1; o >= 0; o--)
        {
            var deadlock = _deadlocks[_open[o]];
            if (!AnyInDeadlock(deadlock.Services))
            {
                deadlock.ReleasedOn = now;
                _open.RemoveAt(o);
            }
        }

        List<int>? fresh = null;
        for (int s = 0; s < n; s++)
        {
            if (_stuck[s] && !_inDeadlock[s])
            {
                _inDeadlock[s] = true;
                (fresh ??= []).Add(s);
            }
        }
        if (fresh is not null)
        {
            double? scheduled = null;
            foreach (var (day, service, capacity) in _capacityChanges)
            {
                if (day > now && fresh.Contains(service) && capacity > _services.Capacity(service))
                {
                    scheduled = day;
                    break;
                }
            }
            _open.Add(_deadlocks.Count);
            _deadlocks.Add(new Deadlock(now, [.. fresh], scheduled));
        }
    }

    /// <summary>The deadlocks recorded in replication <paramref name="replication"/>, in the order found, with their services by name.</summary>
    public List<DeadlockEvent> Events(int replication)
    {
        var events = new List<DeadlockEvent>(_deadlocks.Count);
        foreach (var d in _deadlocks)
        {
            var names = new string[d.Services.Length];
            for (int k = 0; k < names.Length; k++)
            {
                names[k] = _serviceNames[d.Services[k]];
            }
            events.Add(new DeadlockEvent(replication, d.Day, names, d.ReleasedOn, d.Scheduled));
        }
        return events;
    }

    // A loop, not Any with a lambda: the lambda would capture this and allocate on every update.
    private bool AnyInDeadlock(int[] services)
    {
        for (int k = 0; k < services.Length; k++)
        {
            if (_inDeadlock[services[k]])
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Deadlock(double day, int[] services, double? scheduled)
    {
        public double Day { get; } = day;
        public int[] Services { get; } = services;
        public double? Scheduled { get; } = scheduled;
        public double? ReleasedOn { get; set; }
    }
}
