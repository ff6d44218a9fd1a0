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
/// <para>
/// The state lives in small types, each of one concept: <see cref="PatientPool"/> (the patients),
/// <see cref="ArrivalStreams"/> (when the next patient of each stream arrives),
/// <see cref="ServiceStates"/> (what each service holds, integrated over time as it changes),
/// <see cref="EpochTables"/> (routing and stays in force) and <see cref="DeadlockDetector"/>. This
/// class holds the flow rules, one partial file each: arrival, care (start and end), moving on and
/// offers; then the reporting of stays and waits and the accounting. It reads only the compiled
/// network, never the model.
/// </para>
/// </remarks>
internal sealed partial class Replication
{
    private readonly CompiledNetwork _net;
    private readonly RunOptions _options;
    private readonly int _rep;
    private readonly double _end;
    private readonly double _begin;

    // The state, by concept.
    private readonly EventQueue _events = new();
    private readonly PatientPool _patients;     // the patients, by slot
    private readonly ArrivalStreams _arrivals;  // when each stream's next patient arrives
    private readonly ServiceStates _services;   // what each service holds, integrated over time as it changes
    private readonly EpochTables _tables;       // the routing and length-of-stay tables in force
    private readonly DeadlockDetector _deadlocks;

    // Working state of the flow rules.
    private readonly bool[] _openingScheduled;  // per service, an Opening event is pending
    private readonly Stack<int> _freed = new(); // services whose freed places are still to be offered (a chain of moves)
    private readonly List<int> _pendingOffers = []; // services whose escalation beds opened during the event
    private readonly bool[] _closed;            // per service, scratch of UpdateDeadlocks

    // What is counted and reported.
    private readonly ServiceCounts[] _counts;   // per service, what happened in the reporting window
    private readonly StreamTally[] _streams;    // per arrival stream, what happened to its patients in the window
    private readonly DailyCensus? _census;
    private readonly int _censusFirst;          // the day of the census's first entry (0 unless the run starts from a snapshot)
    private readonly EpisodeLog? _log;          // the full log, when asked for (RunOptions.RecordEpisodes)
    private readonly IStaySink? _sink;          // the caller's sink (e.g. the delay counter), if any
    private readonly bool _tracksStays;         // either: stays and waits are reported as they end

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
        _begin = options.BeginDay;
        _end = options.HorizonDays;
        int n = net.ServiceCount;
        _services = new ServiceStates(net, _begin, _end);
        _counts = new ServiceCounts[n];
        _streams = new StreamTally[net.StreamCount];
        _openingScheduled = new bool[n];
        _deadlocks = new DeadlockDetector(net, _services);
        _closed = new bool[n];
        // Patients come from the arrival streams, then one pseudo-stream per service for its
        // starting patients, then one for the patients of a snapshot (RunOptions.From).
        _patients = new PatientPool(options.Seed, replication, net.StreamCount + n + 1, net.GroupCount);
        _arrivals = new ArrivalStreams(net, options.Seed, replication, _begin, _end);
        _tables = new EpochTables(net);
        if (options.DailyCensus)
        {
            // A run from a snapshot keeps the days from the snapshot's on (a register's scenario may start years before).
            _censusFirst = options.From is null ? 0 : (int)Math.Floor(_begin);
            _census = new DailyCensus(n, (int)Math.Floor(options.HorizonDays) - _censusFirst, (int)Math.Ceiling(options.WarmupDays), _censusFirst);
        }
        _log = options.RecordEpisodes ? new EpisodeLog() : null;
        _sink = sink;
        _tracksStays = _log is not null || sink is not null;
    }

    /// <summary>Runs the replication from the start of the warm-up to the end of the horizon and returns what it measured.</summary>
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

    /// <summary>Whether now is in the reporting window [0, horizon], where what happens is counted.</summary>
    private bool InWindow => _now >= 0 && _now <= _end;
}
