namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    /// <summary>Streaming accumulators of one service over the reporting window [0, horizon].</summary>
    private struct Tally
    {
        public double Last;
        public double OccupiedArea, BlockedArea, QueueArea, CapacityArea;
        public bool EverUnlimited;
        public long Requests, Admissions, Completions, Departures, Rejections, Diversions, BlockedWhenReady, BlockedDepartures;
        public double BlockedTimeSum, TimeInPlaceSum, QueueWaitSum;
        public long QueueWaitCount;
    }

    private struct PatientState
    {
        public int Stream;
        public long Index;
        public int Group;
        public int Visit;
        public int Service;   // the place held, or −1
        public int Target;    // the service waited for, or −1
        public double Requested;
        public double EpisodeRequested;
        public double Start;
        public double Ready;
        public double RouteDraw;
        public bool Active;
    }

    /// <summary>Adds the time since the service last changed to its time integrals (clipped to the window).</summary>
    private void Touch(int j)
    {
        ref var t = ref _tally[j];
        double from = t.Last < 0 ? 0 : t.Last;
        double to = _now > _end ? _end : _now;
        t.Last = _now;
        if (to > from)
        {
            double dt = to - from;
            t.OccupiedArea += _occupied[j] * dt;
            t.BlockedArea += _blockedHere[j] * dt;
            t.QueueArea += _queue[j].Count * dt;
            if (_capacity[j] == CompiledNetwork.Unlimited)
            {
                t.EverUnlimited = true;
            }
            else
            {
                t.CapacityArea += _capacity[j] * dt;
            }
        }
    }

    /// <summary>Records every midnight up to <paramref name="until"/> (exclusive of events at it).</summary>
    private void TakeCensus(double until)
    {
        while (_nextMidnight <= until)
        {
            int day = (int)_nextMidnight - 1;
            _nextMidnight += 1;
            if (_census is null || day < 0 || day >= _census.Days)
            {
                continue;
            }
            for (int j = 0; j < _net.N; j++)
            {
                _census.Occupied[j][day] = _occupied[j];
                _census.Blocked[j][day] = _blockedHere[j];
                _census.Queued[j][day] = _queue[j].Count;
            }
        }
    }

    private ReplicationResult Finish()
    {
        int n = _net.N;
        long inSystem = 0;
        var metrics = new double[n][];
        double h = _options.HorizonDays;
        for (int j = 0; j < n; j++)
        {
            Touch(j);
            inSystem += _occupied[j] + _queue[j].Count;
            ref var t = ref _tally[j];
            var m = new double[Enum.GetValues<ServiceMetric>().Length];
            double inCareArea = t.OccupiedArea - t.BlockedArea;
            m[(int)ServiceMetric.MeanOccupancy] = t.OccupiedArea / h;
            m[(int)ServiceMetric.MeanBlocked] = t.BlockedArea / h;
            m[(int)ServiceMetric.MeanInCare] = inCareArea / h;
            m[(int)ServiceMetric.MeanQueue] = t.QueueArea / h;
            m[(int)ServiceMetric.MeanCapacity] = t.EverUnlimited ? double.NaN : t.CapacityArea / h;
            m[(int)ServiceMetric.Utilisation] = t.EverUnlimited ? double.NaN : Ratio(inCareArea, t.CapacityArea);
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
            metrics[j] = m;
        }
        if (_episodes is not null)
        {
            for (int p = 0; p < _slotsUsed; p++)
            {
                ref var pt = ref _patients[p];
                if (pt.Active && pt.Service >= 0)
                {
                    _episodes.Add(new Episode(pt.Stream, pt.Index, pt.Group, pt.Visit, pt.Service, pt.EpisodeRequested, pt.Start, pt.Ready, double.NaN,
                        pt.Target));
                }
            }
        }
        var counts = new SystemCounts
        {
            Arrived = _arrived,
            TurnedAway = _turnedAway,
            Exited = _exited,
            InSystemAtEnd = inSystem,
            Events = _eventCount,
            ThinningRejections = _thinningRejections,
            HeapOperations = _heapOps,
            MeanHeapSize = _pops == 0 ? 0 : _heapSizeSum / _pops,
        };
        var deadlocks = _deadlocks.Select(d => new DeadlockEvent(_rep, d.Day, [.. d.Services.Select(s => _net.Source.Services[s].Name)],
            d.ReleasedOn, d.Scheduled)).ToList();
        return new ReplicationResult(_rep, metrics, counts, deadlocks, _census, _episodes);
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;
}
