using Bedflow.Core.Model;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Simulation;

/// <summary>
/// One replication of the discrete-event simulation. Single-threaded and single-use.
/// </summary>
/// <remarks>
/// Order of things at the same instant (documented in docs/engine.md):
/// events run in (time, order scheduled); within an event, a freed place is offered first to
/// the service's own waiters (blocked or queued, by its priority rule); when a blocked patient
/// takes it, the bed that patient leaves is offered next (a chain, depth first), and so on.
/// </remarks>
internal sealed partial class Replication
{
    private readonly CompiledNetwork _net;
    private readonly RunOptions _options;
    private readonly int _rep;
    private readonly double _end;
    private readonly double _begin;

    private readonly EventQueue _events = new();
    private PatientState[] _patients = new PatientState[256];
    private readonly Stack<int> _freeSlots = new();
    private int _slotsUsed;

    // State per service.
    private readonly int[] _capacity;
    private readonly int[] _occupied;     // places held, blocked included
    private readonly int[] _blockedHere;  // places held by blocked patients
    private readonly IntQueue[] _queue;   // new arrivals (and released patients) waiting
    private readonly IntQueue[] _blockedFor; // patients blocked elsewhere waiting for this service
    private readonly int[] _blockedFromTo; // [from * N + to]
    private readonly Tally[] _tally;

    // Per stream.
    private readonly Xoshiro256StarStar[] _arrivalRng;
    private readonly ulong[] _patientPrefix;
    private readonly long[] _streamCount;

    private readonly Stack<int> _freed = new();
    private readonly DailyCensus? _census;
    private readonly List<Episode>? _episodes;
    private readonly List<DeadlockRecord> _deadlocks = [];
    private readonly bool[] _inDeadlock;
    private readonly bool[] _stuck;
    private readonly List<int> _openDeadlocks = [];

    private double _now;
    private double _nextMidnight;
    private long _arrived, _turnedAway, _exited, _eventCount, _thinningRejections, _heapOps;
    private double _heapSizeSum;
    private long _pops;

    public Replication(CompiledNetwork net, RunOptions options, int replication)
    {
        _net = net;
        _options = options;
        _rep = replication;
        _begin = -options.WarmupDays;
        _end = options.HorizonDays;
        int n = net.N;
        _capacity = new int[n];
        _occupied = new int[n];
        _blockedHere = new int[n];
        _queue = new IntQueue[n];
        _blockedFor = new IntQueue[n];
        _blockedFromTo = new int[n * n];
        _tally = new Tally[n];
        _inDeadlock = new bool[n];
        _stuck = new bool[n];
        for (int i = 0; i < n; i++)
        {
            _queue[i] = new IntQueue();
            _blockedFor[i] = new IntQueue();
            _capacity[i] = net.CapacityAt(i, _begin);
            _tally[i].Last = _begin;
        }
        _arrivalRng = new Xoshiro256StarStar[net.S];
        _patientPrefix = new ulong[net.S];
        _streamCount = new long[net.S];
        for (int k = 0; k < net.S; k++)
        {
            _arrivalRng[k] = RandomStreams.ForArrivals(options.Seed, replication, k);
            _patientPrefix[k] = RandomStreams.PatientPrefix(options.Seed, replication, k);
        }
        if (options.DailyCensus)
        {
            _census = new DailyCensus(n, (int)Math.Floor(options.HorizonDays));
        }
        if (options.RecordEpisodes)
        {
            _episodes = [];
        }
    }

    public ReplicationResult Run()
    {
        _now = _begin;
        _nextMidnight = Math.Floor(_begin) + 1;
        for (int c = 0; c < _net.CapacityChanges.Length; c++)
        {
            if (_net.CapacityChanges[c].Day > _begin)
            {
                Schedule(_net.CapacityChanges[c].Day, EventKind.CapacityChange, c);
            }
        }
        for (int k = 0; k < _net.S; k++)
        {
            ScheduleNextArrival(k, _begin);
        }

        while (_events.Count > 0)
        {
            if (_events.Peek().Time > _end)
            {
                break;
            }
            _heapSizeSum += _events.Count;
            _pops++;
            _heapOps++;
            var e = _events.Pop();
            if (e.Time >= _nextMidnight)
            {
                TakeCensus(e.Time);
            }
            _now = e.Time;
            switch (e.Kind)
            {
                case EventKind.Arrival:
                    OnArrival(e.Id);
                    break;
                case EventKind.ServiceEnd:
                    OnServiceEnd(e.Id);
                    break;
                case EventKind.CapacityChange:
                    OnCapacityChange(e.Id);
                    break;
            }
        }
        TakeCensus(_end);
        _now = _end;
        return Finish();
    }

    private void Schedule(double time, EventKind kind, int id)
    {
        _heapOps++;
        _events.Push(time, kind, id);
    }

    // ---- Arrivals --------------------------------------------------------------------------

    /// <summary>Next arrival of stream k after <paramref name="from"/>, by thinning against piecewise bounds.</summary>
    private void ScheduleNextArrival(int k, double from)
    {
        var rate = _net.StreamRate[k];
        ref var rng = ref _arrivalRng[k];
        double t = from;
        while (t <= _end)
        {
            double bound = rate.Bound(t, out double until);
            if (bound <= 0)
            {
                t = until;
                continue;
            }
            double candidate = t - (Math.Log(rng.NextDoubleNonZero()) / bound);
            if (candidate >= until)
            {
                // Memoryless: restart from the end of the bound's interval with the next bound.
                t = until;
                continue;
            }
            t = candidate;
            if (rng.NextDouble() * bound <= rate.At(t))
            {
                if (t <= _end)
                {
                    Schedule(t, EventKind.Arrival, k);
                }
                return;
            }
            _thinningRejections++;
        }
    }

    private void OnArrival(int k)
    {
        ScheduleNextArrival(k, _now);
        _eventCount++;
        long index = _streamCount[k]++;
        var rng = RandomStreams.ForPatientVisit(_patientPrefix[k], index, 0);
        int group = Draw(_net.StreamGroupCumulative, k * _net.G, _net.G, rng.NextDouble());
        int p = NewPatient();
        ref var pt = ref _patients[p];
        pt = new PatientState
        {
            Stream = k,
            Index = index,
            Group = group,
            Visit = 0,
            Service = -1,
            Target = -1,
            Requested = _now,
            Active = true,
        };
        int target = _net.StreamService[k];
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
                _tally[target].Diversions++;
            }
            if (TryEnterFromOutside(p, divert, emergency: false))
            {
                _arrived++;
                return;
            }
            target = divert;
        }
        if (InWindow)
        {
            _tally[target].Rejections++;
        }
        _turnedAway++;
        FreePatient(p);
    }

    /// <summary>An arrival from outside asks for a place at <paramref name="j"/>: start, queue, or fail.</summary>
    private bool TryEnterFromOutside(int p, int j, bool emergency)
    {
        if (InWindow)
        {
            _tally[j].Requests++;
        }
        if (HasFreePlaceAndNoWaiters(j))
        {
            StartCare(p, j, fromQueue: true);
            return true;
        }
        if (emergency || _queue[j].Count < _net.QueueLimit[j])
        {
            Enqueue(p, j);
            return true;
        }
        return false;
    }

    private void Enqueue(int p, int j)
    {
        Touch(j);
        _patients[p].Target = j;
        _queue[j].Enqueue(p);
    }

    // ---- Care and moving on ---------------------------------------------------------------

    private bool HasFreePlaceAndNoWaiters(int j) =>
        _occupied[j] < _capacity[j] && _queue[j].Count == 0 && _blockedFor[j].Count == 0;

    /// <summary>Care starts for patient p at service j: it takes a place and its length of stay is drawn.</summary>
    private void StartCare(int p, int j, bool fromQueue)
    {
        Touch(j);
        ref var pt = ref _patients[p];
        _occupied[j]++;
        _eventCount++;
        var rng = RandomStreams.ForPatientVisit(_patientPrefix[pt.Stream], pt.Index, pt.Visit);
        if (pt.Visit == 0)
        {
            rng.NextDouble(); // the group draw, made at arrival: keep the sequence aligned
        }
        // Routing first, length of stay last: a sampler that uses a variable number of draws
        // cannot shift the routing draw, so common random numbers survive a changed distribution.
        pt.RouteDraw = rng.NextDouble();
        double los = _net.Los[(j * _net.G) + pt.Group].Sample(ref rng);
        pt.Service = j;
        pt.Target = -1;
        pt.EpisodeRequested = pt.Requested;
        pt.Start = _now;
        pt.Ready = _now + los;
        if (InWindow)
        {
            ref var t = ref _tally[j];
            t.Admissions++;
            if (fromQueue)
            {
                t.QueueWaitSum += _now - pt.Requested;
                t.QueueWaitCount++;
            }
        }
        Schedule(pt.Ready, EventKind.ServiceEnd, p);
    }

    private void OnServiceEnd(int p)
    {
        ref var pt = ref _patients[p];
        int i = pt.Service;
        _eventCount++;
        int g = pt.Group;
        int offset = _net.RouteOffset[(i * _net.G) + g];
        int dest = _net.RouteDestination[offset + Draw(_net.RouteCumulative, offset, _net.RouteOffset[(i * _net.G) + g + 1] - offset, pt.RouteDraw)];
        pt.Requested = _now;
        bool inWindow = InWindow;
        if (inWindow)
        {
            _tally[i].Completions++;
        }
        if (dest < 0)
        {
            LeavePlace(p, dest);
            _exited++;
            FreePatient(p);
            OfferPlaces(i);
            return;
        }
        if (dest == i)
        {
            // A new stay in the same service: the patient gives up its place and takes it straight back.
            LeavePlace(p, dest);
            pt.Visit++;
            StartCare(p, i, fromQueue: false);
            return;
        }
        if (HasFreePlaceAndNoWaiters(dest))
        {
            LeavePlace(p, dest);
            pt.Visit++;
            // A patient who gives up its place goes the queue's way (with a zero wait); a blocked-style transfer does not.
            StartCare(p, dest, fromQueue: !_net.KeepPlace[i]);
            OfferPlaces(i);
            return;
        }
        if (inWindow)
        {
            _tally[i].BlockedWhenReady++;
        }
        if (!_net.KeepPlace[i] && _queue[dest].Count < _net.QueueLimit[dest])
        {
            LeavePlace(p, dest);
            pt.Visit++;
            Enqueue(p, dest);
            OfferPlaces(i);
            return;
        }
        Block(p, i, dest);
    }

    private void Block(int p, int i, int dest)
    {
        Touch(i);
        _blockedHere[i]++;
        _blockedFromTo[(i * _net.N) + dest]++;
        _patients[p].Target = dest;
        _blockedFor[dest].Enqueue(p);
        if (_blockedHere[i] == _occupied[i] && _occupied[i] >= _capacity[i])
        {
            UpdateDeadlocks();
        }
    }

    /// <summary>Patient p leaves the place it holds, heading for <paramref name="next"/>.</summary>
    private void LeavePlace(int p, int next)
    {
        ref var pt = ref _patients[p];
        int i = pt.Service;
        Touch(i);
        _occupied[i]--;
        _eventCount++;
        double blocked = _now - pt.Ready;
        if (InWindow)
        {
            ref var t = ref _tally[i];
            t.Departures++;
            t.BlockedTimeSum += blocked;
            t.TimeInPlaceSum += _now - pt.Start;
            if (blocked > 0)
            {
                t.BlockedDepartures++;
            }
        }
        _episodes?.Add(new Episode(pt.Stream, pt.Index, pt.Group, pt.Visit, i, pt.EpisodeRequested, pt.Start, pt.Ready, _now, next));
        pt.Service = -1;
    }

    /// <summary>
    /// Offers free places, starting at service <paramref name="first"/>, to waiting patients.
    /// A blocked patient who moves frees its own bed, which is offered next (depth first).
    /// </summary>
    private void OfferPlaces(int first)
    {
        _freed.Push(first);
        while (_freed.Count > 0)
        {
            int k = _freed.Pop();
            while (_occupied[k] < _capacity[k])
            {
                int p = TakeNextWaiter(k, out bool wasBlocked);
                if (p < 0)
                {
                    break;
                }
                if (wasBlocked)
                {
                    ref var pt = ref _patients[p];
                    int b = pt.Service;
                    Touch(b);
                    _blockedHere[b]--;
                    _blockedFromTo[(b * _net.N) + k]--;
                    LeavePlace(p, k);
                    pt.Visit++;
                    StartCare(p, k, fromQueue: false);
                    ClearDeadlockIfMoved(b);
                    _freed.Push(b);
                }
                else
                {
                    StartCare(p, k, fromQueue: true);
                }
            }
        }
    }

    private int TakeNextWaiter(int k, out bool wasBlocked)
    {
        var blocked = _blockedFor[k];
        var queue = _queue[k];
        bool takeBlocked;
        if (blocked.Count == 0)
        {
            takeBlocked = false;
        }
        else if (queue.Count == 0)
        {
            takeBlocked = true;
        }
        else
        {
            takeBlocked = _net.Priority[k] switch
            {
                WaitingPriority.QueuedFirst => false,
                WaitingPriority.FirstComeFirstServed => _patients[blocked.Peek()].Requested <= _patients[queue.Peek()].Requested,
                _ => true,
            };
        }
        wasBlocked = takeBlocked;
        if (takeBlocked)
        {
            return blocked.Dequeue();
        }
        if (queue.Count == 0)
        {
            return -1;
        }
        Touch(k);
        return queue.Dequeue();
    }

    private void OnCapacityChange(int c)
    {
        var (_, service, capacity) = _net.CapacityChanges[c];
        Touch(service);
        int old = _capacity[service];
        _capacity[service] = capacity;
        if (capacity > old)
        {
            OfferPlaces(service);
            if (_openDeadlocks.Count > 0)
            {
                UpdateDeadlocks();
            }
        }
        else if (capacity < old && _occupied[service] >= capacity && _blockedHere[service] == _occupied[service])
        {
            UpdateDeadlocks();
        }
    }

    // ---- Helpers --------------------------------------------------------------------------

    private bool InWindow => _now >= 0 && _now <= _end;

    private static int Draw(double[] cumulative, int offset, int count, double u)
    {
        int last = offset + count - 1;
        int i = offset;
        while (i < last && u >= cumulative[i])
        {
            i++;
        }
        return i - offset;
    }

    private int NewPatient()
    {
        if (_freeSlots.Count > 0)
        {
            return _freeSlots.Pop();
        }
        if (_slotsUsed == _patients.Length)
        {
            Array.Resize(ref _patients, _patients.Length * 2);
        }
        return _slotsUsed++;
    }

    private void FreePatient(int p)
    {
        _patients[p].Active = false;
        _freeSlots.Push(p);
    }
}
