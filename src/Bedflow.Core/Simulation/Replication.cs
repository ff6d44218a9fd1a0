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
/// A patient at a resource service (an assessor) keeps the bed it holds; it is "ready" in that
/// bed from the end of its care there until it leaves it.
/// </remarks>
internal sealed partial class Replication
{
    private readonly CompiledNetwork _net;
    private readonly RunOptions _options;
    private readonly int _rep;
    private readonly double _end;
    private readonly double _begin;

    private readonly EventQueue _events = new();
    private readonly PatientPool _patients;

    private readonly ServiceStates _services;  // what each service holds, integrated over time as it changes
    private readonly ServiceCounts[] _counts;  // per service, what happened in the reporting window
    private readonly bool[] _openingScheduled; // per service, an Opening event is pending
    private readonly DeadlockDetector _deadlocks;
    private readonly bool[] _closed;           // per service, scratch of UpdateDeadlocks

    private readonly ArrivalStreams _arrivals;
    private readonly Stack<int> _freed = new();
    private readonly List<int> _pendingOffers = [];
    private readonly DailyCensus? _census;
    private readonly EpisodeLog? _log;     // the full log, when asked for (RunOptions.RecordEpisodes)
    private readonly IStaySink? _sink;     // the caller's sink (e.g. the delay counter), if any
    private readonly bool _tracksStays;    // either: stays and waits are reported as they end

    private readonly EpochTables _tables;      // the routing and length-of-stay tables in force

    private double _now;
    private double _nextMidnight;
    private long _arrived, _startedIn, _turnedAway, _exited, _eventCount, _heapOps;
    private double _heapSizeSum;
    private long _pops;

    /// <summary>A replication of <paramref name="net"/>; <paramref name="sink"/>, if given, is told of every stay and wait as it ends.</summary>
    public Replication(CompiledNetwork net, RunOptions options, int replication, IStaySink? sink = null)
    {
        _net = net;
        _options = options;
        _rep = replication;
        _begin = -options.WarmupDays;
        _end = options.HorizonDays;
        int n = net.ServiceCount;
        _services = new ServiceStates(net, _begin, _end);
        _counts = new ServiceCounts[n];
        _openingScheduled = new bool[n];
        _deadlocks = new DeadlockDetector(net, _services);
        _closed = new bool[n];
        // Patients come from the arrival streams, then one pseudo-stream per service for its starting patients.
        _patients = new PatientPool(options.Seed, replication, net.StreamCount + n, net.GroupCount);
        _arrivals = new ArrivalStreams(net, options.Seed, replication, _begin, _end);
        _tables = new EpochTables(net);
        if (options.DailyCensus)
        {
            _census = new DailyCensus(n, (int)Math.Floor(options.HorizonDays), (int)Math.Ceiling(options.WarmupDays));
        }
        _log = options.RecordEpisodes ? new EpisodeLog() : null;
        _sink = sink;
        _tracksStays = _log is not null || sink is not null;
    }

    public ReplicationResult Run()
    {
        _now = _begin;
        _tables.MoveTo(_now);
        _nextMidnight = Math.Floor(_begin) + 1;
        for (int c = 0; c < _net.CapacityChanges.Length; c++)
        {
            if (_net.CapacityChanges[c].Day > _begin)
            {
                Schedule(_net.CapacityChanges[c].Day, EventKind.CapacityChange, c);
            }
        }
        PlaceStartingPatients();
        for (int k = 0; k < _net.StreamCount; k++)
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
            // Time must move on: one compare per event (see Replication.Stall.cs).
            if (e.Time != _now)
            {
                _eventsThisInstant = 0;
            }
            else if (++_eventsThisInstant > MaxEventsAtOneInstant)
            {
                Stalled(e);
            }
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
                case EventKind.Opening:
                    _openingScheduled[e.Id] = false;
                    OfferPlaces(e.Id);
                    break;
                case EventKind.ChoiceEnd:
                    OnChoiceEnd(e.Id);
                    break;
            }
            if (_pendingOffers.Count > 0)
            {
                OfferPending();
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

    /// <summary>Schedules stream k's next arrival after <paramref name="from"/>, if it has one before the end.</summary>
    private void ScheduleNextArrival(int k, double from)
    {
        if (_arrivals.TryNext(k, from, out double at))
        {
            Schedule(at, EventKind.Arrival, k);
        }
    }

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

    private void Enqueue(int p, int j)
    {
        _patients[p].Target = j;
        _services.Enqueue(j, p, _now);
        if (!_net.IsOpen(j, _now))
        {
            ScheduleOpening(j);
        }
    }

    /// <summary>
    /// Patients already in services at the start of the run, with remaining stays drawn from the
    /// equilibrium residual-life distribution, and patients already queueing. Each service's
    /// starting patients form a pseudo-stream of their own (after the arrival streams).
    /// </summary>
    private void PlaceStartingPatients()
    {
        for (int j = 0; j < _net.ServiceCount; j++)
        {
            int stream = _net.StreamCount + j;
            int occupied = _net.StartOccupied[j];
            for (int k = 0; k < occupied + _net.StartQueued[j]; k++)
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
    }

    // ---- Care and moving on ---------------------------------------------------------------

    /// <summary>
    /// Draws what patient p needs at its next visit, to service j, from the patient's own stream
    /// for that visit: routing first, then its demand, then its length of stay, so a sampler that
    /// uses a variable number of draws cannot shift the others (common random numbers).
    /// </summary>
    private void Prepare(int p, int j, bool residual)
    {
        ref var pt = ref _patients[p];
        var rng = _patients.VisitStream(pt);
        if (pt.Visit == 0)
        {
            rng.NextDouble(); // the group draw, made when the patient was created
        }
        pt.NextRouteDraw = rng.NextDouble();
        ulong demandSeed = rng.NextUInt64();
        // Drawn whether or not the service offers choice, so that adding choice to a variant
        // leaves every other draw where it was (common random numbers).
        double choiceDraw = rng.NextDouble();
        ulong choiceSeed = rng.NextUInt64();
        pt.NextChoiceWait = 0;
        if (_net.Choice[j] is { } choice && choiceDraw < choice.Share)
        {
            var choiceRng = new Xoshiro256StarStar(choiceSeed);
            double wait = choice.Wait.Sample(ref choiceRng);
            pt.NextChoiceWait = choice.Cap is { } cap && wait > cap ? cap : wait;
        }
        var demand = _net.Demand[j];
        if (demand is null)
        {
            pt.NextUnits = 1;
        }
        else
        {
            var demandRng = new Xoshiro256StarStar(demandSeed);
            // Rounded to 1/1024 of a unit so that sums of units are exact in binary.
            pt.NextUnits = Math.Round(demand.Sample(ref demandRng) * 1024) / 1024;
        }
        var los = _tables.LengthOfStay(j, pt.Group, _now);
        pt.NextLos = residual ? los.SampleResidual(ref rng) : los.Sample(ref rng);
    }

    /// <summary>Whether a new patient needing <paramref name="units"/> could start at j now, ahead of nobody.</summary>
    private bool CanStartNow(int j, double units) =>
        _services.NobodyWaiting(j) && _services.Fits(j, units) && _net.IsOpen(j, _now);

    /// <summary>Care starts for patient p at service j with what <see cref="Prepare"/> drew.</summary>
    private void StartCare(int p, int j, bool fromQueue)
    {
        ref var pt = ref _patients[p];
        _services.Admit(j, pt.NextUnits, _now);
        _eventCount++;
        var stay = new Stay
        {
            Service = j,
            Visit = pt.Visit,
            Requested = pt.Requested,
            Start = _now,
            Ready = _now + pt.NextLos,
            Units = pt.NextUnits,
            RouteDraw = pt.NextRouteDraw,
        };
        if (_net.IsResource[j] && pt.Place.Service >= 0)
        {
            pt.Resource = stay; // keeps the bed it holds
        }
        else
        {
            pt.Place = stay;
        }
        pt.Target = -1;
        if (InWindow)
        {
            ref var t = ref _counts[j];
            t.Admissions++;
            if (_census is not null && _now < _census.Days)
            {
                _census.Admitted[j][(int)_now]++;
            }
            if (fromQueue)
            {
                t.QueueWaitSum += _now - pt.Requested;
                t.QueueWaitCount++;
            }
        }
        Schedule(stay.Ready, EventKind.ServiceEnd, p);
        CheckEscalation(j);
    }

    private void OnServiceEnd(int p)
    {
        ref var pt = ref _patients[p];
        _eventCount++;
        if (pt.Resource.Service >= 0)
        {
            FinishResource(p);
            return;
        }
        int i = pt.Place.Service;
        int dest = _tables.Route(i, pt.Group, pt.Place.RouteDraw, _now);
        pt.Requested = _now;
        if (InWindow)
        {
            _counts[i].Completions++;
        }
        if (dest == i)
        {
            // A new stay in the same service: the patient gives up its place and takes it straight back.
            LeavePlace(p, dest);
            pt.Visit++;
            Prepare(p, i, residual: false);
            StartCare(p, i, fromQueue: false);
            return;
        }
        _services.MarkReady(i, pt.Place.Units, _now);
        if (dest >= 0)
        {
            pt.Visit++;
            Prepare(p, dest, residual: false);
        }
        MoveOn(p, dest, firstAttempt: true);
    }

    /// <summary>The end of care at a resource (an assessment): the patient is still in its bed and moves on from there.</summary>
    private void FinishResource(int p)
    {
        ref var pt = ref _patients[p];
        int r = pt.Resource.Service;
        int dest = _tables.Route(r, pt.Group, pt.Resource.RouteDraw, _now);
        if (InWindow)
        {
            _counts[r].Completions++;
        }
        _services.Leave(r, pt.Resource.Units, _now);
        RecordDeparture(p, pt.Resource, dest);
        pt.Resource.Service = -1;
        pt.Requested = _now;
        if (dest >= 0)
        {
            pt.Visit++;
            Prepare(p, dest, residual: false);
        }
        MoveOn(p, dest, firstAttempt: true);
        CheckEscalation(r);
        OfferPlaces(r);
    }

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

    /// <summary>Patient p leaves the place it holds, heading for <paramref name="next"/>.</summary>
    private void LeavePlace(int p, int next)
    {
        ref var pt = ref _patients[p];
        int i = pt.Place.Service;
        _services.Leave(i, pt.Place.Units, _now);
        if (pt.WaitIndex >= 0)
        {
            EndWait(pt, _now);
            pt.WaitIndex = -1;
        }
        RecordDeparture(p, pt.Place, next);
        pt.Place.Service = -1;
        CheckEscalation(i);
    }

    private void RecordDeparture(int p, in Stay stay, int next)
    {
        int i = stay.Service;
        _eventCount++;
        double blocked = _now - stay.Ready;
        if (InWindow)
        {
            ref var t = ref _counts[i];
            t.Departures++;
            t.BlockedTimeSum += blocked;
            t.TimeInPlaceSum += _now - stay.Start;
            if (blocked > 0)
            {
                t.BlockedDepartures++;
            }
        }
        if (_tracksStays)
        {
            ref var pt = ref _patients[p];
            Stayed(new Episode(pt.Stream, pt.Index, pt.Group, stay.Visit, i, stay.Requested, stay.Start, stay.Ready, _now, next));
        }
    }

    // ---- Reporting stays and waits as they end (IStaySink) -----------------------------------

    /// <summary>Patient p, ready in its place, now waits for <paramref name="dest"/>: the stretch it was in (if any) ends.</summary>
    private void BeginWait(ref PatientState pt, int dest, bool choice)
    {
        if (pt.WaitIndex >= 0)
        {
            EndWait(pt, _now);
        }
        pt.WaitIndex++;
        pt.WaitFrom = _now;
        pt.WaitFor = dest;
        pt.WaitChoice = choice;
    }

    /// <summary>Reports the patient's current stretch of waiting as over at <paramref name="to"/> (NaN = still waiting at the end).</summary>
    private void EndWait(in PatientState pt, double to)
    {
        var wait = new WaitSpan(pt.Stream, pt.Index, pt.Group, pt.Place.Visit, pt.Place.Service, pt.Place.Ready, pt.WaitFrom, to,
            pt.WaitFor, pt.WaitChoice, First: pt.WaitIndex == 0);
        _log?.Waited(wait);
        _sink?.Waited(wait);
    }

    private void Stayed(in Episode stay)
    {
        _log?.Stayed(stay);
        _sink?.Stayed(stay);
    }
}
