namespace Bedflow.Core.Simulation;

/// <summary>
/// Receives what a replication's patients did, as the run goes: every stretch of waiting in a
/// bed (<see cref="Waited"/>) and every stay in a service (<see cref="Stayed"/>), each once it is
/// over — or, for what is still going on when the run ends, once then, open (an exit or end of
/// NaN). Counting from these as they come needs no log of the run: the delay counter is one
/// sink, the episode log (<see cref="RunOptions.RecordEpisodes"/>) another.
/// </summary>
/// <remarks>
/// Calls come from the replication's own thread, in simulated time order of the ends; a stay's
/// waits all come before the stay itself. Arguments are passed by reference for speed and are
/// valid only for the call. An implementation must not call back into the engine.
/// </remarks>
public interface IStaySink
{
    /// <summary>A stretch of waiting by a patient ready in the bed it holds has ended (or is open at the end of the run).</summary>
    void Waited(in WaitSpan wait);

    /// <summary>A patient's stay in a service has ended (or is open at the end of the run).</summary>
    void Stayed(in Episode stay);
}

/// <summary>
/// From <paramref name="From"/> to <paramref name="To"/>, a patient ready in its place at
/// <paramref name="Service"/> (visit <paramref name="Visit"/>, ready since <paramref name="Ready"/>)
/// waited for <paramref name="Awaiting"/>: for its own choice of provider (<paramref name="Choice"/>)
/// or for room. A new span starts whenever what the patient waits for changes (an assessment
/// done, a choice made), so a delay can be split by reason over time. Times are days from day 0.
/// </summary>
/// <param name="Stream">Arrival stream index (as in <see cref="Episode"/>).</param>
/// <param name="Patient">Patient index within the stream.</param>
/// <param name="Group">Patient group index.</param>
/// <param name="Visit">The visit number of the stay whose bed the patient holds.</param>
/// <param name="Service">The service whose bed the patient holds.</param>
/// <param name="Ready">When the patient became ready in that bed.</param>
/// <param name="From">Start of this stretch.</param>
/// <param name="To">Its end: the start of the next stretch, the moment the patient left the bed, or NaN if still waiting at the end of the run.</param>
/// <param name="Awaiting">The service waited for.</param>
/// <param name="Choice">True while the patient waits for its preferred provider (SitRep reason G).</param>
/// <param name="First">True for the stay's first stretch (which starts when the patient is ready).</param>
public readonly record struct WaitSpan(int Stream, long Patient, int Group, int Visit, int Service, double Ready, double From, double To,
    int Awaiting, bool Choice, bool First)
{
    /// <summary>True when the patient was still waiting at the end of the run.</summary>
    public bool IsOpen => double.IsNaN(To);
}
