namespace Bedflow.Core.Simulation;

internal sealed partial class Replication
{
    // Stays and waits, reported to the episode log and the caller's sink (IStaySink) as they end.

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

    /// <summary>Reports a stay that has ended (or is open at the end of the run).</summary>
    private void Stayed(in Episode stay)
    {
        _log?.Stayed(stay);
        _sink?.Stayed(stay);
    }
}
