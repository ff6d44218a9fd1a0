namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    /// <summary>
    /// Looks for deadlocks now (<see cref="DeadlockDetector"/>): each service is closed when every
    /// occupant waits in another service's blocked list and it can take nobody.
    /// </summary>
    private void UpdateDeadlocks()
    {
        for (int s = 0; s < _net.ServiceCount; s++)
        {
            _closed[s] = _services.EveryOccupantWaitingElsewhere(s) && IsFull(s);
        }
        _deadlocks.Update(_now, _closed);
    }

    /// <summary>Whether service s can take nobody: its next waiter (or a one-unit patient) does not fit.</summary>
    private bool IsFull(int s)
    {
        int head = NextWaiter(s, out _);
        return !_services.Fits(s, head >= 0 ? _patients[head].NextUnits : 1);
    }

    /// <summary>A patient has left a bed of <paramref name="service"/>: if it was in a deadlock, it may have come free.</summary>
    private void ClearDeadlockIfMoved(int service)
    {
        if (_deadlocks.Includes(service))
        {
            UpdateDeadlocks();
        }
    }
}
