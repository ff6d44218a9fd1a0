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

    /// <summary>Visit number of a snapshot patient's draw for the rest of its time at a resource it is using.</summary>
    private const int StepRestVisit = int.MaxValue - 2;

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
        // The ready ones in the order they reached their step (longest there first; ties in list
        // order), so that a resource with limited room goes first to those who have waited longest.
        var ready = new List<int>(slots.Length);
        for (int k = 0; k < slots.Length; k++)
        {
            if (snapshot.Patients[k].IsReady)
            {
                ready.Add(k);
            }
        }
        var order = ready.OrderByDescending(k => snapshot.Patients[k].AtStepFor).ThenBy(k => k).ToArray();
        foreach (int k in order)
        {
            StartWaiting(slots[k], snapshot.Patients[k]);
        }
    }

    /// <summary>
    /// A ready patient of the snapshot takes up where it was: at one of its <see cref="StartingPatient.Steps"/>
    /// (a resource along a chain, using it if there is room and for the rest of its time there, else
    /// waiting for it; or a service whose place it waits for), else where the routing sends it.
    /// </summary>
    private void StartWaiting(int p, StartingPatient patient)
    {
        ref var pt = ref _patients[p];
        int j = pt.Place.Service;
        int dest = patient.Steps.Count == 0
            ? _tables.Route(j, pt.Group, pt.Place.RouteDraw, _now)
            : StepOf(patient.Steps, pt.Place.RouteDraw);
        double atStep = patient.AtStepFor;
        // Waiting since it reached its step (since it became ready, without one): first come, first served counts from then.
        pt.Requested = _now - atStep;
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
                double rest = choice.Wait.SampleRemaining(atStep, ref rng);
                pt.NextChoiceWait = choice.Cap is { } cap ? Math.Clamp(cap - atStep, 0, rest) : rest;
            }
            else if (_net.IsResource[dest] && CanStartNow(dest, pt.NextUnits))
            {
                // At the resource already (an assessment under way): the rest of its time there, given the time spent.
                var rng = _patients.StreamOf(pt, StepRestVisit);
                pt.NextLos = _tables.LengthOfStay(dest, pt.Group, _now).SampleRemaining(atStep, ref rng);
            }
        }
        MoveOn(p, dest, firstAttempt: true);
    }

    /// <summary>The step drawn among <paramref name="steps"/> by their weights with the patient's routing draw (in [0, 1)).</summary>
    private int StepOf(IReadOnlyList<StartingStep> steps, double draw)
    {
        double total = 0;
        foreach (var s in steps)
        {
            total += s.Weight;
        }
        double target = draw * total, sum = 0;
        foreach (var s in steps)
        {
            sum += s.Weight;
            if (target < sum)
            {
                return Array.IndexOf(_net.ServiceNames, s.Service); // names checked by Replications.Run
            }
        }
        return Array.IndexOf(_net.ServiceNames, steps[^1].Service);
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
