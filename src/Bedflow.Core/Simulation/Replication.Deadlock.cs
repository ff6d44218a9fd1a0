namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    private readonly List<DeadlockRecord> _deadlocks = [];
    private readonly bool[] _inDeadlock;
    private readonly bool[] _stuck;
    private readonly List<int> _openDeadlocks = [];

    /// <summary>
    /// Finds the services that are stuck for good: full, every occupant blocked, and every
    /// occupant waiting for another stuck service (the greatest such set, by repeatedly removing
    /// services with a way out). Records newly stuck sets and releases sets that have come free.
    /// Runs only when a service becomes fully blocked or capacity changes, never per event.
    /// </summary>
    private void UpdateDeadlocks()
    {
        int n = _net.ServiceCount;
        for (int s = 0; s < n; s++)
        {
            _stuck[s] = _services.EveryOccupantWaitingElsewhere(s) && IsFull(s);
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
        for (int o = _openDeadlocks.Count - 1; o >= 0; o--)
        {
            var record = _deadlocks[_openDeadlocks[o]];
            if (!AnyInDeadlock(record.Services))
            {
                record.ReleasedOn = _now;
                _openDeadlocks.RemoveAt(o);
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
            foreach (var (day, service, capacity) in _net.CapacityChanges)
            {
                if (day > _now && fresh.Contains(service) && capacity > _services.Capacity(service))
                {
                    scheduled = day;
                    break;
                }
            }
            _openDeadlocks.Add(_deadlocks.Count);
            _deadlocks.Add(new DeadlockRecord(_now, [.. fresh], scheduled));
        }
    }

    /// <summary>Whether service s can take nobody: its next waiter (or a one-unit patient) does not fit.</summary>
    private bool IsFull(int s)
    {
        int head = NextWaiter(s, out _);
        return !_services.Fits(s, head >= 0 ? _patients[head].NextUnits : 1);
    }

    private void ClearDeadlockIfMoved(int service)
    {
        if (_inDeadlock[service])
        {
            UpdateDeadlocks();
        }
    }

    private sealed class DeadlockRecord(double day, int[] services, double? scheduled)
    {
        public double Day { get; } = day;
        public int[] Services { get; } = services;
        public double? Scheduled { get; } = scheduled;
        public double? ReleasedOn { get; set; }
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
}
