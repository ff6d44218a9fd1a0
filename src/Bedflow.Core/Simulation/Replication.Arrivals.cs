namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // Arrival: a patient from outside (or already there when the run starts) asks for a place: it
    // starts, queues, is diverted or is turned away.

    /// <summary>Schedules stream k's next arrival after <paramref name="from"/>, if it has one before the end.</summary>
    private void ScheduleNextArrival(int k, double from)
    {
        if (_arrivals.TryNext(k, from, out double at))
        {
            Schedule(at, EventKind.Arrival, k);
        }
    }

    /// <summary>A patient of stream k arrives at its service; if it can neither start nor queue it is diverted (planned) or turned away.</summary>
    private void OnArrival(int k)
    {
        ScheduleNextArrival(k, _now);
        _eventCount++;
        int p = _patients.New(k, _net.StreamGroupCumulative, k * _net.GroupCount, _now);
        int target = _net.StreamService[k];
        Prepare(p, target, residual: false);
        if (TryEnterFromOutside(p, target, _net.StreamEmergency[k]))
        {
            _arrived++;
            return;
        }
        int divert = _net.StreamDivert[k];
        if (divert >= 0)
        {
            if (InWindow)
            {
                _counts[target].Diversions++;
                _streams[k].Diverted++;
            }
            Prepare(p, divert, residual: false);
            if (TryEnterFromOutside(p, divert, emergency: false))
            {
                _arrived++;
                return;
            }
            target = divert;
        }
        if (InWindow)
        {
            _counts[target].Rejections++;
            _streams[k].TurnedAway++;
        }
        _turnedAway++;
        _patients.Free(p);
    }

    /// <summary>A patient from outside asks for a place at <paramref name="j"/>: start, queue, or fail.</summary>
    private bool TryEnterFromOutside(int p, int j, bool emergency)
    {
        if (InWindow)
        {
            _counts[j].Requests++;
        }
        if (CanStartNow(j, _patients[p].NextUnits))
        {
            StartCare(p, j, fromQueue: true);
            return true;
        }
        if (emergency || _services.QueueLength(j) < _net.QueueLimit[j])
        {
            Enqueue(p, j);
            return true;
        }
        return false;
    }

    /// <summary>Patient p joins j's queue; if j is shut now, it opens for its waiters at its next opening.</summary>
    private void Enqueue(int p, int j)
    {
        _patients[p].Target = j;
        _services.Enqueue(j, p, _now);
        if (_census is not null && _now >= _censusFirst && _now < _census.Days + _censusFirst)
        {
            ref int most = ref _census.MaxQueued[j][(int)_now - _censusFirst];
            most = Math.Max(most, _services.QueueLength(j));
        }
        if (!_net.IsOpen(j, _now))
        {
            ScheduleOpening(j);
        }
    }

    /// <summary>
    /// Patients already in services at the start of the run, with remaining stays drawn from the
    /// equilibrium residual-life distribution, and patients already queueing. Each service's
    /// starting patients form a pseudo-stream of their own (after the arrival streams). In a run
    /// from a census (<see cref="RunOptions.From"/>), the services it covers have none of these:
    /// only the census's patients, placed after them; the others take the census's
    /// <see cref="Model.PatientSnapshot.Occupancy"/> in place of their own starting occupancy when it names them.
    /// </summary>
    private void PlaceStartingPatients()
    {
        // A run from a census: the services it covers start with its patients alone.
        var covered = new bool[_net.ServiceCount];
        foreach (string name in _options.From?.Covers ?? [])
        {
            covered[Array.IndexOf(_net.ServiceNames, name)] = true; // names checked by Replications.Run
        }
        for (int j = 0; j < _net.ServiceCount; j++)
        {
            if (covered[j])
            {
                continue;
            }
            int stream = _net.StreamCount + j;
            int occupied = _net.StartOccupied[j];
            int queued = _net.StartQueued[j];
            if (_options.From?.Occupancy is { Count: > 0 } tables && tables[_rep % tables.Count].TryGetValue(_net.ServiceNames[j], out int held))
            {
                // A census's own figure for a service it does not cover (this replication's).
                (occupied, queued) = (held, 0);
            }
            for (int k = 0; k < occupied + queued; k++)
            {
                int p = _patients.New(stream, _net.StartGroupCumulative, j * _net.GroupCount, _now);
                bool inPlace = k < occupied;
                Prepare(p, j, residual: inPlace);
                _arrived++;
                _startedIn++;
                if (inPlace && _services.Fits(j, _patients[p].NextUnits))
                {
                    StartCare(p, j, fromQueue: false);
                }
                else
                {
                    Enqueue(p, j);
                }
            }
        }
        if (_options.From is { } snapshot)
        {
            PlaceSnapshot(snapshot);
        }
    }
}
