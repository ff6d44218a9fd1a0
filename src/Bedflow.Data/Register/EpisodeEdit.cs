namespace Bedflow.Data.Register;

/// <summary>
/// A change the hub records on an episode, as typed (checked exactly as an import's cells are, by
/// <see cref="DelayRegister.EditAsync"/>): each part null or empty to leave it as it is.
/// </summary>
/// <param name="Ready">A ready-for-transfer time, as the extract's ready_for_transfer column.</param>
/// <param name="Discharged">A discharge time, as the extract's discharged column.</param>
/// <param name="Destination">Where the patient went (a discharge pathway), as the extract's destination column.</param>
/// <param name="Reason">A new delay reason (a SitRep code), as the extract's reason column.</param>
/// <param name="Responsible">Who is responsible for it (NHS, Social Care, Both), as the extract's responsible column.</param>
/// <param name="ReasonFrom">From when the new reason holds, as the extract's reason_from column.</param>
public sealed record EpisodeEdit(string? Ready = null, string? Discharged = null, string? Destination = null, string? Reason = null, string? Responsible = null, string? ReasonFrom = null)
{
    /// <summary>True when the edit changes nothing.</summary>
    public bool IsEmpty => new[] { Ready, Discharged, Destination, Reason, Responsible, ReasonFrom }.All(string.IsNullOrWhiteSpace);
}

/// <summary>How an edit ended.</summary>
public enum EditStatus
{
    /// <summary>Written, with its audit row; the episode has a new version.</summary>
    Saved,
    /// <summary>Not written: the episode changed since the version the edit was made on (someone else's edit, or an import).</summary>
    Stale,
    /// <summary>Not written: the edit fails the import's checks (<see cref="EditResult.Problems"/>, by extract column).</summary>
    Invalid,
    /// <summary>There is no such episode.</summary>
    NotFound,
}

/// <summary>What an edit did: its status, the episode as it now stands (null when not found), and the problems of an invalid edit.</summary>
public sealed record EditResult(EditStatus Status, EpisodeRecord? Episode, IReadOnlyList<ImportProblem> Problems);
