
namespace Bedflow.Core.Simulation;

/// <summary>
/// From <paramref name="From"/>, a patient ready in the bed of its place visit
/// <paramref name="Visit"/> waits for service <paramref name="Awaiting"/> — for its own choice of
/// provider (<paramref name="Choice"/>) or for room. A new segment starts whenever what the
/// patient waits for changes (an assessment done, a choice made), so a delay can be split by
/// reason over time. Recorded with the episode log; a segment may last no time at all.
/// </summary>
/// <param name="Stream">Arrival stream index (as in <see cref="Episode"/>).</param>
/// <param name="Patient">Patient index within the stream.</param>
/// <param name="Visit">The visit number of the episode whose bed the patient holds.</param>
/// <param name="From">Start of the wait (days from day 0).</param>
/// <param name="Awaiting">The service waited for.</param>
/// <param name="Choice">True while the patient waits for its preferred provider (SitRep reason G).</param>
public readonly record struct WaitSegment(int Stream, long Patient, int Visit, double From, int Awaiting, bool Choice);
