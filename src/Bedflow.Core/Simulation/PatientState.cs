namespace Bedflow.Core.Simulation;

/// <summary>One patient's stay at one service: the fields of its episode record.</summary>
internal struct Stay
{
    /// <summary>The service, or −1 for none.</summary>
    public int Service;

    /// <summary>The patient's visit number of this stay.</summary>
    public int Visit;

    /// <summary>Times in days: asked for the place, started care, ready to move on; and the units held and the routing draw for leaving.</summary>
    public double Requested, Start, Ready, Units, RouteDraw;
}

/// <summary>A patient in the system: who it is (stream, index, group), where it is and what it has drawn for its next visit.</summary>
internal struct PatientState
{
    /// <summary>The arrival stream (or starting pseudo-stream) and the patient's number within it: the key of its random streams.</summary>
    public int Stream;

    /// <summary>The patient's number within its stream.</summary>
    public long Index;

    /// <summary>The patient group.</summary>
    public int Group;

    /// <summary>The visit being prepared, waited for or received.</summary>
    public int Visit;

    /// <summary>The service waited for, or −1.</summary>
    public int Target;

    /// <summary>When it started waiting for <see cref="Target"/>.</summary>
    public double Requested;

    /// <summary>Drawn for the visit to <see cref="Target"/>: length of stay, units needed and the routing draw for leaving.</summary>
    public double NextLos, NextUnits, NextRouteDraw;

    /// <summary>Days the patient will wait for its choice before taking a place at <see cref="Target"/> (0 = none).</summary>
    public double NextChoiceWait;

    /// <summary>The place held (bed, care-home place, package).</summary>
    public Stay Place;

    /// <summary>A resource used while keeping <see cref="Place"/> (an assessment).</summary>
    public Stay Resource;

    /// <summary>Whether the slot holds a patient in the system.</summary>
    public bool Active;

    /// <summary>The stretch of waiting in <see cref="Place"/> under way: 0 = the first, …; −1 = none (tracked only for sinks).</summary>
    public int WaitIndex;

    /// <summary>When that stretch started.</summary>
    public double WaitFrom;

    /// <summary>The service it waits for.</summary>
    public int WaitFor;

    /// <summary>Whether it is waiting for its choice of provider.</summary>
    public bool WaitChoice;
}
