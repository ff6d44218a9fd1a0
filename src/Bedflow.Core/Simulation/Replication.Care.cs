using Bedflow.Core.Randomness;

namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // Start and end of care: what a patient draws for a visit, taking a place, the end of its stay,
    // and leaving the place.

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
            if (pt.Visit == 0 && pt.Stream < _net.StreamCount)
            {
                _streams[pt.Stream].Admitted++;
            }
            if (_census is not null && _now < _census.Days + _censusFirst)
            {
                _census.Admitted[j][(int)_now - _censusFirst]++;
            }
            if (fromQueue)
            {
                double wait = _now - pt.Requested;
                t.QueueWaitSum += wait;
                t.QueueWaitCount++;
                CountLongWait(ref t, wait);
            }
        }
        Schedule(stay.Ready, EventKind.ServiceEnd, p);
        CheckEscalation(j);
    }

    /// <summary>
    /// Patient p's length of stay ends. After a resource it is back to waiting in its bed; otherwise
    /// it draws its next destination and is ready to move on — or, sent to the same service again,
    /// starts a new stay there at once.
    /// </summary>
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

    /// <summary>Patient p's <paramref name="stay"/> (a place or a resource) is over, heading for <paramref name="next"/>: counted and reported.</summary>
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
}
