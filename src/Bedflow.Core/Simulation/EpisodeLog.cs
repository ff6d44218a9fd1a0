namespace Bedflow.Core.Simulation;

/// <summary>
/// The full patient-episode log of one replication (a sink that keeps everything it is given),
/// for <see cref="RunOptions.RecordEpisodes"/>, exports and tests. Memory grows with the run.
/// </summary>
internal sealed class EpisodeLog : IStaySink
{
    public List<Episode> Episodes { get; } = [];

    public List<WaitSegment> Waits { get; } = [];

    public void Waited(in WaitSpan wait) =>
        Waits.Add(new WaitSegment(wait.Stream, wait.Patient, wait.Visit, wait.From, wait.Awaiting, wait.Choice));

    public void Stayed(in Episode stay) => Episodes.Add(stay);
}
