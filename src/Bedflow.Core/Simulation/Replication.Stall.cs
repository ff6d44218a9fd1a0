using System.Globalization;
using Bedflow.Core.Model;

namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    /// <summary>
    /// Events allowed at one simulated instant before the replication is stopped. A real model
    /// has a handful at one instant (a whole county's day is a few thousand events); a patient
    /// going round a cycle of stays too short to move the clock (zero, or 1e-300 days) makes
    /// events for ever and, with the episode log, fills memory. A million keeps that log under
    /// about 100 MB per thread when the guard trips.
    /// </summary>
    internal const int MaxEventsAtOneInstant = 1_000_000;

    private int _eventsThisInstant;

    /// <summary>Stops the run: time has not moved for <see cref="MaxEventsAtOneInstant"/> events.</summary>
    private void Stalled(in EventQueue.Entry e)
    {
        int service = e.Kind switch
        {
            EventKind.ServiceEnd or EventKind.ChoiceEnd => _patients[e.Id].Resource.Service >= 0 ? _patients[e.Id].Resource.Service : _patients[e.Id].Place.Service,
            EventKind.Opening => e.Id,
            EventKind.CapacityChange => _net.CapacityChanges[e.Id].Service,
            _ => _net.StreamService[e.Id],
        };
        string name = service >= 0 ? _net.ServiceNames[service] : "?";
        var date = _net.StartDate.AddDays((int)Math.Floor(e.Time));
        string message = string.Create(CultureInfo.InvariantCulture,
            $"replication {_rep + 1} was stopped: more than {MaxEventsAtOneInstant:N0} events happened at one instant (day {e.Time:0.###}, {date:yyyy-MM-dd}) without time moving on, the last at '{name}'. A patient is probably going round a routing cycle through '{name}' with stays too short to move the clock (zero, or a tiny mean such as 1e-300d): give a stay of a realistic length.");
        throw new InvalidModelException([new ModelProblem(ModelPath.Service(name), message)]);
    }
}
