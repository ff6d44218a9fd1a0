using Bedflow.Core.Model;

namespace Bedflow.Core.Simulation;

/// <summary>
/// What every service holds at the current time — the capacity in force, the places held and
/// units in use, the patients ready to move on, the queue and the blocked list — with the time
/// integrals of what is reported over time (occupancy, units, ready patients, queue, capacity,
/// escalation). The counts are read through methods and changed only through the mutators, each
/// of which first adds the time since the service last changed to its integrals: no caller can
/// change a count without integrating it first.
/// </summary>
/// <remarks>
/// Times are days; the integrals cover the reporting window [0, end] only. The blocked lists and
/// the counts of patients waiting elsewhere are not integrated, so changing them integrates
/// nothing (integrating at an instant where nothing integrated changes would only split a sum
/// and move its last bits). Single-threaded; allocates only when a queue or blocked list grows
/// beyond its largest length so far.
/// </remarks>
internal sealed class ServiceStates
{
    private readonly int _serviceCount;
    private readonly double _end;
    private readonly Escalation?[] _escalation;
    private readonly int[] _capacity;      // in force: base + open escalation beds
    private readonly int[] _baseCapacity;  // from the schedule
    private readonly int[] _occupied;      // patients holding a place (or using a resource), ready ones included
    private readonly double[] _units;      // units of capacity in use (1 per patient unless the service has a demand)
    private readonly int[] _ready;         // patients holding a place here who are ready to move on
    private readonly double[] _readyUnits;
    private readonly int[] _waitingElsewhere; // patients holding a place here and waiting in another service's blocked list
    private readonly IntQueue[] _queue;    // new arrivals (and patients who gave up their place) waiting
    private readonly IntQueue[] _blocked;  // patients holding a place elsewhere, waiting for this service
    private readonly int[] _blockedBetween; // [from × ServiceCount + to]
    private readonly bool[] _escalationOpen;
    private readonly ServiceIntegrals[] _integrals;

    /// <summary>The services of <paramref name="net"/> at <paramref name="begin"/>, empty, with the capacity then in force; integrals up to <paramref name="end"/>.</summary>
    public ServiceStates(CompiledNetwork net, double begin, double end)
    {
        int n = net.ServiceCount;
        _serviceCount = n;
        _end = end;
        _escalation = net.Escalation;
        _capacity = new int[n];
        _baseCapacity = new int[n];
        _occupied = new int[n];
        _units = new double[n];
        _ready = new int[n];
        _readyUnits = new double[n];
        _waitingElsewhere = new int[n];
        _queue = new IntQueue[n];
        _blocked = new IntQueue[n];
        _blockedBetween = new int[n * n];
        _escalationOpen = new bool[n];
        _integrals = new ServiceIntegrals[n];
        for (int i = 0; i < n; i++)
        {
            _queue[i] = new IntQueue();
            _blocked[i] = new IntQueue();
            _baseCapacity[i] = net.CapacityAt(i, begin);
            _capacity[i] = _baseCapacity[i];
            _integrals[i].LastChange = begin;
        }
    }

    // ---- Reading ------------------------------------------------------------------------------

    /// <summary>Places (or resource slots) in force: the scheduled capacity plus any open escalation beds; <see cref="CompiledNetwork.Unlimited"/> for an infinite server.</summary>
    public int Capacity(int service) => _capacity[service];

    /// <summary>Patients holding a place (or using the resource), ready ones included.</summary>
    public int Occupied(int service) => _occupied[service];

    /// <summary>Units of capacity in use.</summary>
    public double Units(int service) => _units[service];

    /// <summary>Patients holding a place here who are ready to move on (blocked, at a resource, or waiting for their choice).</summary>
    public int Ready(int service) => _ready[service];

    /// <summary>Patients holding a place here and waiting in another service's blocked list.</summary>
    public int WaitingElsewhere(int service) => _waitingElsewhere[service];

    /// <summary>Whether the service holds patients and every one of them waits in another service's blocked list.</summary>
    public bool EveryOccupantWaitingElsewhere(int service) => _occupied[service] > 0 && _waitingElsewhere[service] == _occupied[service];

    /// <summary>Patients holding a place at <paramref name="from"/> and waiting for <paramref name="to"/>.</summary>
    public int BlockedBetween(int from, int to) => _blockedBetween[(from * _serviceCount) + to];

    /// <summary>Patients in the service's queue (new arrivals and patients who gave up their place).</summary>
    public int QueueLength(int service) => _queue[service].Count;

    /// <summary>The patient at the head of the queue (the queue must not be empty).</summary>
    public int QueueHead(int service) => _queue[service].Peek();

    /// <summary>The patient at <paramref name="position"/> in the service's queue (0 = its head).</summary>
    public int QueueAt(int service, int position) => _queue[service][position];

    /// <summary>Patients holding a place elsewhere and waiting for this service.</summary>
    public int BlockedLength(int service) => _blocked[service].Count;

    /// <summary>The patient at the head of the blocked list (the list must not be empty).</summary>
    public int BlockedHead(int service) => _blocked[service].Peek();

    /// <summary>Whether nobody waits for the service, in its queue or its blocked list.</summary>
    public bool NobodyWaiting(int service) => _queue[service].Count == 0 && _blocked[service].Count == 0;

    /// <summary>
    /// Whether a patient needing <paramref name="units"/> fits now: the service has capacity and the
    /// units fit in what is free — or the service is empty, so that one need larger than the whole
    /// capacity does not wait for ever.
    /// </summary>
    public bool Fits(int service, double units) =>
        _capacity[service] > 0 && (_units[service] + units <= _capacity[service] || _occupied[service] == 0);

    /// <summary>The service's time integrals, up to its last change (see <see cref="IntegrateAll"/>).</summary>
    public ref readonly ServiceIntegrals Integrals(int service) => ref _integrals[service];

    // ---- Changing (each integrates first) -------------------------------------------------------

    /// <summary>A patient needing <paramref name="units"/> takes a place (or the resource) at <paramref name="now"/>.</summary>
    public void Admit(int service, double units, double now)
    {
        Integrate(service, now);
        _occupied[service]++;
        _units[service] += units;
    }

    /// <summary>A patient holding <paramref name="units"/> gives up its place (or the resource) at <paramref name="now"/>.</summary>
    public void Leave(int service, double units, double now)
    {
        Integrate(service, now);
        _occupied[service]--;
        _units[service] -= units;
    }

    /// <summary>A patient holding <paramref name="units"/> here is ready to move on.</summary>
    public void MarkReady(int service, double units, double now)
    {
        Integrate(service, now);
        _ready[service]++;
        _readyUnits[service] += units;
    }

    /// <summary>A patient ready here is no longer (it is leaving its place).</summary>
    public void UnmarkReady(int service, double units, double now)
    {
        Integrate(service, now);
        _ready[service]--;
        _readyUnits[service] -= units;
    }

    /// <summary>Patient <paramref name="patient"/> joins the service's queue.</summary>
    public void Enqueue(int service, int patient, double now)
    {
        Integrate(service, now);
        _queue[service].Enqueue(patient);
    }

    /// <summary>The patient at the head of the queue leaves it; returns its slot.</summary>
    public int Dequeue(int service, double now)
    {
        Integrate(service, now);
        return _queue[service].Dequeue();
    }

    /// <summary>Patient <paramref name="patient"/>, holding a place at <paramref name="from"/>, joins <paramref name="to"/>'s blocked list (nothing integrated changes).</summary>
    public void Block(int from, int to, int patient)
    {
        _waitingElsewhere[from]++;
        _blockedBetween[(from * _serviceCount) + to]++;
        _blocked[to].Enqueue(patient);
    }

    /// <summary>The patient at the head of <paramref name="to"/>'s blocked list, holding a place at <paramref name="from"/>, leaves the list; returns its slot.</summary>
    public int Unblock(int from, int to)
    {
        _waitingElsewhere[from]--;
        _blockedBetween[(from * _serviceCount) + to]--;
        return _blocked[to].Dequeue();
    }

    /// <summary>The scheduled capacity becomes <paramref name="capacity"/> (open escalation beds stay on top of it); a cut evicts nobody.</summary>
    public void SetCapacity(int service, int capacity, double now)
    {
        Integrate(service, now);
        _baseCapacity[service] = capacity;
        _capacity[service] = capacity + (_escalationOpen[service] ? _escalation[service]!.Beds : 0);
    }

    /// <summary>
    /// Opens the service's escalation beds when the units in use reach the opening share of the
    /// scheduled capacity, and closes them below the closing share (a closing evicts nobody: it
    /// takes effect as places empty). Returns true when beds opened, whose places are to be offered.
    /// </summary>
    public bool UpdateEscalation(int service, double now)
    {
        var esc = _escalation[service];
        if (esc is null)
        {
            return false;
        }
        double baseCapacity = _baseCapacity[service];
        if (!_escalationOpen[service] && baseCapacity > 0 && _units[service] >= esc.OpenAt * baseCapacity)
        {
            Integrate(service, now);
            _escalationOpen[service] = true;
            _capacity[service] += esc.Beds;
            return true;
        }
        if (_escalationOpen[service] && _units[service] < esc.CloseBelow * baseCapacity)
        {
            Integrate(service, now);
            _escalationOpen[service] = false;
            _capacity[service] -= esc.Beds;
        }
        return false;
    }

    /// <summary>Brings every service's integrals up to <paramref name="now"/> (at the end of the run).</summary>
    public void IntegrateAll(double now)
    {
        for (int j = 0; j < _serviceCount; j++)
        {
            Integrate(j, now);
        }
    }

    /// <summary>Adds the time since the service last changed to its time integrals (clipped to the window [0, end]).</summary>
    private void Integrate(int j, double now)
    {
        ref var t = ref _integrals[j];
        double from = t.LastChange < 0 ? 0 : t.LastChange;
        double to = now > _end ? _end : now;
        t.LastChange = now;
        if (to > from)
        {
            double dt = to - from;
            t.OccupiedArea += _occupied[j] * dt;
            t.ReadyArea += _ready[j] * dt;
            t.UnitsArea += _units[j] * dt;
            t.ReadyUnitsArea += _readyUnits[j] * dt;
            t.QueueArea += _queue[j].Count * dt;
            if (_capacity[j] == CompiledNetwork.Unlimited)
            {
                t.EverUnlimited = true;
            }
            else
            {
                t.CapacityArea += _capacity[j] * dt;
            }
            if (_escalationOpen[j])
            {
                t.EscalationOpenArea += dt;
                t.EscalationInUseArea += Math.Max(0, _units[j] - _baseCapacity[j]) * dt;
            }
        }
    }
}

/// <summary>One service's time integrals over the reporting window: each count × the days it held (patient-days, unit-days, …).</summary>
internal struct ServiceIntegrals
{
    /// <summary>When the service last changed (the integrals run up to here).</summary>
    public double LastChange;

    /// <summary>Integrals of places held, ready patients, units in use, units of ready patients, queue length and capacity (finite only).</summary>
    public double OccupiedArea, ReadyArea, UnitsArea, ReadyUnitsArea, QueueArea, CapacityArea;

    /// <summary>Days with escalation beds open, and the integral of the units in use above the scheduled capacity while they were.</summary>
    public double EscalationOpenArea, EscalationInUseArea;

    /// <summary>Whether the capacity was unlimited at some time in the window (then no capacity integral is kept).</summary>
    public bool EverUnlimited;
}
