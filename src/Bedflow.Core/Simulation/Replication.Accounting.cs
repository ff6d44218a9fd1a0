namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // Accounting: what happened in the reporting window, the midnight census and the result.

    private static readonly int MetricCount = Enum.GetValues<ServiceMetric>().Length;

    /// <summary>What happened at one service in the reporting window [0, horizon] (its time integrals are in <see cref="ServiceStates"/>).</summary>
    /// <summary>What happened to one arrival stream's patients in the reporting window.</summary>
    private struct StreamTally
    {
        public long CreatedBeforeWindow, Admitted, TurnedAway, Diverted;
    }

    private struct ServiceCounts
    {
        public long Requests, Admissions, Completions, Departures, Rejections, Diversions, BlockedWhenReady, BlockedDepartures, EscalationOpenings;
        public double BlockedTimeSum, TimeInPlaceSum, QueueWaitSum;
        public long QueueWaitCount, QueueWaitsOver4Hours, QueueWaitsOver12Hours;
    }

    /// <summary>4 and 12 hours in days: the waits for a bed the NHS counts at the front door.</summary>
    private const double FourHours = 4.0 / 24, TwelveHours = 12.0 / 24;

    /// <summary>Counts a wait in a queue against the 4- and 12-hour marks.</summary>
    private static void CountLongWait(ref ServiceCounts t, double wait)
    {
        if (wait > FourHours)
        {
            t.QueueWaitsOver4Hours++;
            if (wait > TwelveHours)
            {
                t.QueueWaitsOver12Hours++;
            }
        }
    }

    /// <summary>Records every midnight up to <paramref name="until"/> (before events at that instant).</summary>
    private void TakeCensus(double until)
    {
        while (_nextMidnight <= until)
        {
            int day = (int)_nextMidnight - 1 - _censusFirst;
            _nextMidnight += 1;
            if (day == -1)
            {
                // The window opens: the streams' patients so far arrived before it. (Counting each
                // arrival as it comes cost the engine half its speed in the quick benchmark.)
                for (int k = 0; k < _streams.Length; k++)
                {
                    _streams[k].CreatedBeforeWindow = _patients.Created(k);
                }
            }
            if (_census is null)
            {
                continue;
            }
            if (day < 0)
            {
                int w = day + _census.WarmupDays;
                if (w >= 0)
                {
                    for (int j = 0; j < _net.ServiceCount; j++)
                    {
                        _census.WarmupOccupied[j][w] = _services.Occupied(j);
                    }
                }
                if (day == -1 && _census.Days > 0)
                {
                    // The midnight at time 0 starts day 0.
                    for (int j = 0; j < _net.ServiceCount; j++)
                    {
                        _census.MaxQueued[j][0] = _services.QueueLength(j);
                    }
                }
                continue;
            }
            if (day >= _census.Days)
            {
                continue;
            }
            for (int j = 0; j < _net.ServiceCount; j++)
            {
                _census.Occupied[j][day] = _services.Occupied(j);
                _census.Blocked[j][day] = _services.Ready(j);
                int queued = _services.QueueLength(j);
                _census.Queued[j][day] = queued;
                // The midnight ending day d starts day d + 1: its queue is that day's first level.
                if (day + 1 < _census.Days)
                {
                    _census.MaxQueued[j][day + 1] = queued;
                }
                _census.Units[j][day] = _services.Units(j);
                _census.CapacityPlaces[j][day] = _services.Capacity(j);
            }
        }
    }

    private ReplicationResult Finish()
    {
        int n = _net.ServiceCount;
        long inSystem = 0;
        var metrics = new double[n][];
        double h = _options.HorizonDays;
        _services.IntegrateAll(_now);
        for (int j = 0; j < n; j++)
        {
            inSystem += _services.QueueLength(j);
            ref readonly var a = ref _services.Integrals(j);
            ref var t = ref _counts[j];
            for (int q = 0; q < _services.QueueLength(j); q++)
            {
                CountLongWait(ref t, _now - _patients[_services.QueueAt(j, q)].Requested);
            }
            var m = new double[MetricCount];
            m[(int)ServiceMetric.MeanOccupancy] = a.OccupiedArea / h;
            m[(int)ServiceMetric.MeanBlocked] = a.ReadyArea / h;
            m[(int)ServiceMetric.MeanInCare] = (a.OccupiedArea - a.ReadyArea) / h;
            m[(int)ServiceMetric.MeanUnitsInUse] = a.UnitsArea / h;
            m[(int)ServiceMetric.MeanQueue] = a.QueueArea / h;
            m[(int)ServiceMetric.MeanCapacity] = a.EverUnlimited ? double.NaN : a.CapacityArea / h;
            m[(int)ServiceMetric.Utilisation] = a.EverUnlimited ? double.NaN : Ratio(a.UnitsArea - a.ReadyUnitsArea, a.CapacityArea);
            m[(int)ServiceMetric.MeanWaitInQueue] = Ratio(t.QueueWaitSum, t.QueueWaitCount);
            m[(int)ServiceMetric.MeanBlockedTimePerDeparture] = Ratio(t.BlockedTimeSum, t.Departures);
            m[(int)ServiceMetric.MeanBlockedTimePerBlockedPatient] = Ratio(t.BlockedTimeSum, t.BlockedDepartures);
            m[(int)ServiceMetric.MeanTimeInPlace] = Ratio(t.TimeInPlaceSum, t.Departures);
            m[(int)ServiceMetric.Throughput] = t.Departures / h;
            m[(int)ServiceMetric.Admissions] = t.Admissions;
            m[(int)ServiceMetric.Departures] = t.Departures;
            m[(int)ServiceMetric.Rejections] = t.Rejections;
            m[(int)ServiceMetric.Diversions] = t.Diversions;
            m[(int)ServiceMetric.ProbabilityTurnedAway] = Ratio(t.Rejections + t.Diversions, t.Requests);
            m[(int)ServiceMetric.ProbabilityBlockedWhenReady] = Ratio(t.BlockedWhenReady, t.Completions);
            bool escalates = _net.Escalation[j] is not null;
            m[(int)ServiceMetric.EscalationOpenShare] = escalates ? a.EscalationOpenArea / h : double.NaN;
            m[(int)ServiceMetric.MeanEscalationInUse] = escalates ? a.EscalationInUseArea / h : double.NaN;
            m[(int)ServiceMetric.EscalationOpenings] = escalates ? t.EscalationOpenings : double.NaN;
            m[(int)ServiceMetric.QueueWaitsOver4Hours] = t.QueueWaitsOver4Hours;
            m[(int)ServiceMetric.QueueWaitsOver12Hours] = t.QueueWaitsOver12Hours;
            metrics[j] = m;
        }
        for (int p = 0; p < _patients.SlotsUsed; p++)
        {
            ref var pt = ref _patients[p];
            if (!pt.Active || pt.Place.Service < 0)
            {
                continue;
            }
            inSystem++;
            if (_tracksStays)
            {
                if (pt.WaitIndex >= 0)
                {
                    EndWait(pt, double.NaN);
                }
                AddOpenEpisode(pt, pt.Place);
                if (pt.Resource.Service >= 0)
                {
                    AddOpenEpisode(pt, pt.Resource);
                }
            }
        }
        var counts = new SystemCounts
        {
            Arrived = _arrived,
            StartedIn = _startedIn,
            TurnedAway = _turnedAway,
            Exited = _exited,
            InSystemAtEnd = inSystem,
            Events = _eventCount,
            ThinningRejections = _arrivals.ThinningRejections,
            HeapOperations = _heapOps,
            MeanHeapSize = _pops == 0 ? 0 : _heapSizeSum / _pops,
        };
        var streams = new StreamCounts[_net.StreamCount];
        for (int k = 0; k < streams.Length; k++)
        {
            ref readonly var s = ref _streams[k];
            streams[k] = new StreamCounts(_patients.Created(k) - s.CreatedBeforeWindow, s.Admitted, s.TurnedAway, s.Diverted);
        }
        return new ReplicationResult(_rep, metrics, counts, _deadlocks.Events(_rep), _census, _log?.Episodes, _log?.Waits) { Streams = streams };
    }

    private void AddOpenEpisode(in PatientState pt, in Stay stay) =>
        Stayed(new Episode(pt.Stream, pt.Index, pt.Group, stay.Visit, stay.Service, stay.Requested, stay.Start, stay.Ready, double.NaN, pt.Target));

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;
}
