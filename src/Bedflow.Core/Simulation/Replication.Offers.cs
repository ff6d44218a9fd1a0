using Bedflow.Core.Model;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
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
                if (_queue[k].Count + _blockedFor[k].Count > 0)
                {
                    ScheduleOpening(k);
                }
                continue;
            }
            while (true)
            {
                int p = NextWaiter(k, out bool wasBlocked);
                if (p < 0 || !Fits(k, _patients[p].NextUnits))
                {
                    break;
                }
                ref var pt = ref _patients[p];
                if (wasBlocked)
                {
                    _blockedFor[k].Dequeue();
                    int b = pt.Place.Service;
                    _waitingHere[b]--;
                    _blockedFromTo[(b * _net.ServiceCount) + k]--;
                    if (_net.IsResource[k])
                    {
                        // Uses the resource while keeping (and still ready in) its bed.
                        StartCare(p, k, fromQueue: false);
                    }
                    else
                    {
                        UnmarkReady(b, pt.Place.Units);
                        LeavePlace(p, k);
                        StartCare(p, k, fromQueue: false);
                        ClearDeadlockIfMoved(b);
                        _freed.Push(b);
                    }
                }
                else
                {
                    Touch(k);
                    _queue[k].Dequeue();
                    StartCare(p, k, fromQueue: true);
                }
            }
        }
    }

    /// <summary>The patient who would go next at service k, by its priority rule, or −1.</summary>
    private int NextWaiter(int k, out bool wasBlocked)
    {
        var blocked = _blockedFor[k];
        var queue = _queue[k];
        if (blocked.Count == 0)
        {
            wasBlocked = false;
            return queue.Count == 0 ? -1 : queue.Peek();
        }
        if (queue.Count == 0)
        {
            wasBlocked = true;
            return blocked.Peek();
        }
        wasBlocked = _net.Priority[k] switch
        {
            WaitingPriority.QueuedFirst => false,
            WaitingPriority.FirstComeFirstServed => _patients[blocked.Peek()].Requested <= _patients[queue.Peek()].Requested,
            _ => true,
        };
        return wasBlocked ? blocked.Peek() : queue.Peek();
    }

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

    private void OnCapacityChange(int c)
    {
        var (_, service, capacity) = _net.CapacityChanges[c];
        Touch(service);
        int old = _capacity[service];
        _baseCapacity[service] = capacity;
        _capacity[service] = capacity + (_escalationOpen[service] ? _net.Escalation[service]!.Beds : 0);
        CheckEscalation(service);
        if (_capacity[service] > old)
        {
            OfferPlaces(service);
            if (_openDeadlocks.Count > 0)
            {
                UpdateDeadlocks();
            }
        }
        else if (_capacity[service] < old && _waitingHere[service] == _occupied[service] && _occupied[service] > 0)
        {
            UpdateDeadlocks();
        }
    }

    /// <summary>
    /// Opens escalation beds when places held reach the opening share of the normal capacity and
    /// closes them below the closing share. Changes capacity only; an opening's new places are
    /// offered at the end of the current event.
    /// </summary>
    private void CheckEscalation(int j)
    {
        var esc = _net.Escalation[j];
        if (esc is null)
        {
            return;
        }
        double baseCapacity = _baseCapacity[j];
        if (!_escalationOpen[j] && baseCapacity > 0 && _units[j] >= esc.OpenAt * baseCapacity)
        {
            Touch(j);
            _escalationOpen[j] = true;
            _capacity[j] += esc.Beds;
            if (InWindow)
            {
                _tally[j].EscalationOpenings++;
            }
            _pendingOffers.Add(j);
        }
        else if (_escalationOpen[j] && _units[j] < esc.CloseBelow * baseCapacity)
        {
            Touch(j);
            _escalationOpen[j] = false;
            _capacity[j] -= esc.Beds;
        }
    }

    private void OfferPending()
    {
        for (int i = 0; i < _pendingOffers.Count; i++)
        {
            OfferPlaces(_pendingOffers[i]);
        }
        _pendingOffers.Clear();
    }

    // ---- Helpers --------------------------------------------------------------------------

    private bool InWindow => _now >= 0 && _now <= _end;
}
