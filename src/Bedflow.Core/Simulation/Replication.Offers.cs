using Bedflow.Core.Model;

namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // Offers: a place that frees or opens goes to the service's waiters by its priority rule, in
    // chains of moves depth first; capacity changes, escalation and acceptance windows.

    /// <summary>
    /// Offers free capacity, starting at service <paramref name="first"/>, to waiting patients.
    /// A blocked patient who moves frees its own bed, which is offered next (depth first).
    /// Nobody overtakes a waiter whose need does not fit yet (first come, first served).
    /// </summary>
    private void OfferPlaces(int first)
    {
        _freed.Push(first);
        while (_freed.Count > 0)
        {
            int k = _freed.Pop();
            if (!_net.IsOpen(k, _now))
            {
                if (!_services.NobodyWaiting(k))
                {
                    ScheduleOpening(k);
                }
                continue;
            }
            while (true)
            {
                int p = NextWaiter(k, out bool wasBlocked);
                if (p < 0 || !_services.Fits(k, _patients[p].NextUnits))
                {
                    break;
                }
                ref var pt = ref _patients[p];
                if (wasBlocked)
                {
                    int b = pt.Place.Service;
                    _services.Unblock(b, k);
                    if (_net.IsResource[k])
                    {
                        // Uses the resource while keeping (and still ready in) its bed.
                        StartCare(p, k, fromQueue: false);
                    }
                    else
                    {
                        _services.UnmarkReady(b, pt.Place.Units, _now);
                        LeavePlace(p, k);
                        StartCare(p, k, fromQueue: false);
                        ClearDeadlockIfMoved(b);
                        _freed.Push(b);
                    }
                }
                else
                {
                    _services.Dequeue(k, _now);
                    StartCare(p, k, fromQueue: true);
                }
            }
        }
    }

    /// <summary>The patient who would go next at service k, by its priority rule, or −1.</summary>
    private int NextWaiter(int k, out bool wasBlocked)
    {
        if (_services.BlockedLength(k) == 0)
        {
            wasBlocked = false;
            return _services.QueueLength(k) == 0 ? -1 : _services.QueueHead(k);
        }
        if (_services.QueueLength(k) == 0)
        {
            wasBlocked = true;
            return _services.BlockedHead(k);
        }
        int blocked = _services.BlockedHead(k);
        int queued = _services.QueueHead(k);
        wasBlocked = _net.Priority[k] switch
        {
            WaitingPriority.QueuedFirst => false,
            WaitingPriority.FirstComeFirstServed => _patients[blocked].Requested <= _patients[queued].Requested,
            _ => true,
        };
        return wasBlocked ? blocked : queued;
    }

    /// <summary>Service j is shut with patients waiting: its places are offered at its next opening (one Opening event at a time).</summary>
    private void ScheduleOpening(int j)
    {
        if (_openingScheduled[j])
        {
            return;
        }
        double at = _net.NextOpening(j, _now);
        if (at <= _end)
        {
            _openingScheduled[j] = true;
            Schedule(at, EventKind.Opening, j);
        }
    }

    /// <summary>
    /// A scheduled capacity change. An increase is offered to the waiting at once and may release a
    /// deadlock; a cut evicts nobody (it takes effect as places empty) but may close a service full
    /// of blocked patients.
    /// </summary>
    private void OnCapacityChange(int c)
    {
        var (_, service, capacity) = _net.CapacityChanges[c];
        int old = _services.Capacity(service);
        _services.SetCapacity(service, capacity, _now);
        CheckEscalation(service);
        if (_services.Capacity(service) > old)
        {
            OfferPlaces(service);
            if (_deadlocks.AnyOpen)
            {
                UpdateDeadlocks();
            }
        }
        else if (_services.Capacity(service) < old && _services.EveryOccupantWaitingElsewhere(service))
        {
            UpdateDeadlocks();
        }
    }

    /// <summary>
    /// Opens or closes escalation beds at j by the units now in use (<see cref="ServiceStates.UpdateEscalation"/>);
    /// an opening's new places are offered at the end of the current event.
    /// </summary>
    private void CheckEscalation(int j)
    {
        if (_services.UpdateEscalation(j, _now))
        {
            if (InWindow)
            {
                _counts[j].EscalationOpenings++;
            }
            _pendingOffers.Add(j);
        }
    }

    /// <summary>Offers the places that escalation opened during the event.</summary>
    private void OfferPending()
    {
        for (int i = 0; i < _pendingOffers.Count; i++)
        {
            OfferPlaces(_pendingOffers[i]);
        }
        _pendingOffers.Clear();
    }
}
