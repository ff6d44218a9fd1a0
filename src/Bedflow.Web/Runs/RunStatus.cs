namespace Bedflow.Web.Runs;

/// <summary>Where a run stands (<see cref="RunRecord.Status"/>).</summary>
public static class RunStatus
{
    /// <summary>Waiting in the queue.</summary>
    public const string Queued = "queued";

    /// <summary>Being run.</summary>
    public const string Running = "running";

    /// <summary>Finished; its outputs are written.</summary>
    public const string Done = "done";

    /// <summary>Stopped by a problem (<see cref="RunRecord.Message"/> says which); nothing half-written.</summary>
    public const string Failed = "failed";

    /// <summary>The server stopped before it finished.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Whether a run in this status has finished, one way or another.</summary>
    public static bool IsFinished(string status) => status is Done or Failed or Interrupted;
}
