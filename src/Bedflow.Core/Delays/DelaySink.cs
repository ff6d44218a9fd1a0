using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>
/// Counts one replication's delayed transfers of care as the run goes (an <see cref="IStaySink"/>
/// given to the engine): each stretch of waiting in a SitRep bed adds its delayed days, each stay
/// that ends on a discharge pathway its discharge. Nothing is kept per patient, so memory is the
/// counter's fixed table of days. The figures are exactly those of counting the replication's full
/// episode log (<see cref="SimulatedDelays.Records"/>), by the one rule of <see cref="DelayCounter"/>.
/// Not thread-safe: one per replication.
/// </summary>
public sealed class DelaySink : IStaySink
{
    private readonly DelayCounter _counter;
    private readonly long _day0Ticks;
    private readonly double _horizon;
    private readonly int? _adults;
    private readonly int[] _bedsOffset;             // per service: its beds' first cell, or −1 when its stays are not counted
    private readonly int[] _waitCell;               // per service: the cell of patients waiting for it (its reason and organisation)
    private readonly int[] _choiceCell;             // per service: the cell of patients waiting for it by choice (reason G)
    private readonly ServiceDelays?[] _shared;      // per service: its settings when its delays are shared between organisations, else null
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly DischargePathway?[] _toService; // per service: the pathway of a discharge to it
    private readonly DischargePathway?[] _toExit;    // per exit
    private readonly bool[] _adult;                 // per group
    private DelayFigures? _figures;                 // once asked for: the counter's tables are theirs

    internal DelaySink(Network network, DateOnly first, DateOnly last, double horizonDays, ulong seed, int replication)
    {
        _seed = seed;
        _replication = replication;
        _counter = new DelayCounter(first, last);
        _day0Ticks = network.StartDate.ToDateTime(TimeOnly.MinValue).Ticks;
        _horizon = horizonDays;
        _adults = network.Population?.Adults;
        var settings = ServiceDelays.For(network);
        int n = network.Services.Count;
        _bedsOffset = new int[n];
        _waitCell = new int[n];
        _choiceCell = new int[n];
        _shared = new ServiceDelays?[n];
        _toService = new DischargePathway?[n];
        for (int s = 0; s < n; s++)
        {
            var d = settings[s];
            bool counted = d.Beds != SitRepBeds.None && network.Services[s].Role != ServiceRole.Resource;
            _bedsOffset[s] = counted ? DelayCounter.BedsOffset(d.Beds) : -1;
            _waitCell[s] = DelayCounter.Cell(d.Reason, d.Responsible);
            _choiceCell[s] = DelayCounter.Cell(DelayReason.G, d.ChoiceResponsible);
            _shared[s] = d.Mix.IsSingle ? null : d;
            _toService[s] = d.Pathway;
        }
        _toExit = new DischargePathway?[network.Exits.Count];
        for (int x = 0; x < _toExit.Length; x++)
        {
            _toExit[x] = SimulatedDelays.ExitPathway(network, network.Exits[x]);
        }
        _adult = new bool[network.Groups.Count];
        for (int g = 0; g < _adult.Length; g++)
        {
            _adult[g] = !network.ChildGroups.Contains(network.Groups[g]);
        }
    }

    /// <inheritdoc/>
    public void Waited(in WaitSpan wait)
    {
        ThrowIfDone();
        int beds = _bedsOffset[wait.Service];
        // Patients ready only after the reporting horizon are not delayed within it.
        if (beds < 0 || !_adult[wait.Group] || !(wait.Ready <= _horizon))
        {
            return;
        }
        int cell = beds + (wait.Choice ? _choiceCell[wait.Awaiting]
            : _shared[wait.Awaiting] is { } shared ? DelayCounter.Cell(shared.Reason, shared.ResponsibleFor(_seed, _replication, wait.Stream, wait.Patient, wait.Visit))
            : _waitCell[wait.Awaiting]);
        int readyDay = Day(wait.Ready);
        // The first stretch holds from the ready date; each midnight before the next stretch's date (or the exit date) is its.
        int from = wait.First ? readyDay : Math.Max(Day(wait.From), readyDay);
        int to = wait.IsOpen ? int.MaxValue : Day(wait.To) - 1;
        _counter.CountDays(cell, from, to);
    }

    /// <inheritdoc/>
    public void Stayed(in Episode stay)
    {
        ThrowIfDone();
        // A new stay in the same service is not a discharge.
        if (stay.IsOpen || stay.Next == stay.Service || _bedsOffset[stay.Service] < 0 || !_adult[stay.Group] || !(stay.Ready <= _horizon))
        {
            return;
        }
        if ((stay.Next >= 0 ? _toService[stay.Next] : _toExit[-stay.Next - 1]) is { } pathway)
        {
            _counter.CountDischarge(Day(stay.Ready), Day(stay.Exit), pathway);
        }
    }

    /// <summary>The replication's delay figures, once it has run; the sink then counts no more (it hands its tables to them).</summary>
    public DelayFigures Figures() => _figures ??= _counter.HandOver(_adults);

    private void ThrowIfDone()
    {
        if (_figures is not null)
        {
            throw new InvalidOperationException("this delay sink's figures have been taken: a replication's sink counts that replication only.");
        }
    }

    // The calendar day (a day number) of a time in days from day 0, to the tick, as the episode log's records have it.
    private int Day(double days) => (int)((_day0Ticks + (long)Math.Round(days * TimeSpan.TicksPerDay)) / TimeSpan.TicksPerDay);
}
