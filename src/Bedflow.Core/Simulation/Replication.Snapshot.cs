using Bedflow.Core.Model;

namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // A run from a census of the beds (RunOptions.From): each patient back in the bed it held,
    // for as long as it had held it; the not-ready ones with the rest of their stay drawn given
    // the time already spent, the ready ones waiting from the first instant.

    /// <summary>Visit number of a snapshot patient's draw for the rest of its choice wait (apart from its visits).</summary>
    private const int ChoiceRestVisit = int.MaxValue;

    /// <summary>Visit number of a snapshot patient's draw for the rest of its stay.</summary>
    private const int RemainingStayVisit = int.MaxValue - 1;

    /// <summary>
    /// Places the snapshot's patients, in list order, in the one pseudo-stream after the services'
    /// starting streams: every one in its bed first, then the ready ones, in list order, move on
    /// or wait — so none of them takes a bed that a patient of the census holds.
    /// </summary>
    private void PlaceSnapshot(PatientSnapshot snapshot)
    {
        int stream = _net.StreamCount + _net.ServiceCount;
        var slots = new int[snapshot.Patients.Count];
        for (int k = 0; k < slots.Length; k++)
        {
            var patient = snapshot.Patients[k];
            int j = ServiceOf(patient.Service);
            int p = slots[k] = _patients.New(stream, _net.StartGroupCumulative, j * _net.GroupCount, _now);
            Prepare(p, j, residual: false);
            _arrived++;
            _startedIn++;
            ref var pt = ref _patients[p];
            if (!patient.IsReady)
            {
                // The rest of its stay given the time already spent, from a stream of its own (so
                // that the engine's Prepare, on every patient's path, stays as it is).
                var rng = _patients.StreamOf(pt, RemainingStayVisit);
                pt.NextLos = _tables.LengthOfStay(j, pt.Group, _now).SampleRemaining(patient.InBed, ref rng);
            }
            // In its bed whatever the capacity now (a cut evicts nobody): not an admission of the window.
            _services.Admit(j, pt.NextUnits, _now);
            double start = _now - patient.InBed;
            pt.Place = new Stay
            {
                Service = j,
                Visit = 0,
                Requested = start,
                Start = start,
                Ready = patient.ReadyFor is { } r ? _now - r : _now + pt.NextLos,
                Units = pt.NextUnits,
                RouteDraw = pt.NextRouteDraw,
            };
            pt.Target = -1;
            CheckEscalation(j);
            if (!patient.IsReady)
            {
                Schedule(pt.Place.Ready, EventKind.ServiceEnd, p);
            }
        }
        var allowed = new bool[_net.ServiceCount];
        for (int k = 0; k < slots.Length; k++)
        {
            if (snapshot.Patients[k] is { ReadyFor: { } waited } patient)
            {
                StartWaiting(slots[k], patient, waited, allowed);
            }
        }
    }

    /// <summary>A ready patient of the snapshot heads for where it waits to go (one of <see cref="StartingPatient.WaitsFor"/>, else by the routing).</summary>
    private void StartWaiting(int p, StartingPatient patient, double waited, bool[] allowed)
    {
        ref var pt = ref _patients[p];
        int j = pt.Place.Service;
        Array.Clear(allowed);
        foreach (string name in patient.WaitsFor)
        {
            allowed[Array.IndexOf(_net.ServiceNames, name)] = true; // names checked by Replications.Run
        }
        int dest = patient.WaitsFor.Count == 0
            ? _tables.Route(j, pt.Group, pt.Place.RouteDraw, _now)
            : _tables.RouteAmong(j, pt.Group, pt.Place.RouteDraw, _now, allowed);
        // Waiting since it became ready: first come, first served counts from then.
        pt.Requested = pt.Place.Ready;
        _services.MarkReady(j, pt.Place.Units, _now);
        if (dest >= 0)
        {
            pt.Visit++;
            Prepare(p, dest, residual: false);
            pt.NextChoiceWait = 0;
            if (patient.Choice && _net.Choice[dest] is { } choice)
            {
                // The rest of its wait for its choice, given how long it has waited already.
                var rng = _patients.StreamOf(pt, ChoiceRestVisit);
                double rest = choice.Wait.SampleRemaining(waited, ref rng);
                pt.NextChoiceWait = choice.Cap is { } cap ? Math.Clamp(cap - waited, 0, rest) : rest;
            }
        }
        MoveOn(p, dest, firstAttempt: true);
    }

    private int ServiceOf(string name)
    {
        int j = Array.IndexOf(_net.ServiceNames, name);
        if (j < 0 || _net.IsResource[j])
        {
            // Replications.Run checks the names first: reaching this is a bug.
            throw new InvalidOperationException($"a starting patient's service \"{name}\" is not a bed-based service of the network.");
        }
        return j;
    }
}
