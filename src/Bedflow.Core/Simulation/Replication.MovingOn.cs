namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // Moving on: a patient ready in its place leaves, moves, uses a resource, gives up its place for
    // a queue, or waits in its bed (blocked).

    /// <summary>
    /// Patient p is ready in the place it holds and heads for <paramref name="dest"/>: leave,
    /// move, use a resource while keeping the bed, give up the place for a queue, or wait in the bed.
    /// </summary>
    private void MoveOn(int p, int dest, bool firstAttempt)
    {
        ref var pt = ref _patients[p];
        int i = pt.Place.Service;
        if (dest >= 0 && _tracksStays)
        {
            BeginWait(ref pt, dest, choice: firstAttempt && pt.NextChoiceWait > 0);
        }
        if (firstAttempt && dest >= 0 && pt.NextChoiceWait > 0)
        {
            // Waits in its bed for its preferred provider, even if a place is free (SitRep G).
            pt.Target = dest;
            Schedule(_now + pt.NextChoiceWait, EventKind.ChoiceEnd, p);
            return;
        }
        if (dest < 0)
        {
            _services.UnmarkReady(i, pt.Place.Units, _now);
            LeavePlace(p, dest);
            _exited++;
            _patients.Free(p);
            OfferPlaces(i);
            return;
        }
        if (CanStartNow(dest, pt.NextUnits))
        {
            if (_net.IsResource[dest])
            {
                StartCare(p, dest, fromQueue: false);
                return;
            }
            _services.UnmarkReady(i, pt.Place.Units, _now);
            LeavePlace(p, dest);
            // A patient who gives up its place goes the queue's way (with a zero wait); a blocked-style transfer does not.
            StartCare(p, dest, fromQueue: !_net.KeepPlace[i]);
            OfferPlaces(i);
            return;
        }
        if (firstAttempt && InWindow)
        {
            _counts[i].BlockedWhenReady++;
        }
        if (!_net.KeepPlace[i] && _services.QueueLength(dest) < _net.QueueLimit[dest])
        {
            _services.UnmarkReady(i, pt.Place.Units, _now);
            LeavePlace(p, dest);
            Enqueue(p, dest);
            OfferPlaces(i);
            return;
        }
        // Blocked: wait in the place held until dest takes the patient.
        pt.Target = dest;
        _services.Block(i, dest, p);
        if (!_net.IsOpen(dest, _now))
        {
            ScheduleOpening(dest);
        }
        if (_services.WaitingElsewhere(i) == _services.Occupied(i) && !_services.Fits(i, 1))
        {
            UpdateDeadlocks();
        }
    }

    /// <summary>A patient who waited for its choice of provider now asks for a place there.</summary>
    private void OnChoiceEnd(int p)
    {
        ref var pt = ref _patients[p];
        pt.NextChoiceWait = 0;
        pt.Requested = _now;
        MoveOn(p, pt.Target, firstAttempt: true);
    }
}
