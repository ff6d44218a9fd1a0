namespace Bedflow.Data.Audit;

/// <summary>One row of the audit log: who did what, when, to which record.</summary>
/// <param name="Id">The row's number (rises with time).</param>
/// <param name="AtUtc">When (UTC).</param>
/// <param name="Who">The account, or the operating-system user of a command.</param>
/// <param name="Action">What: "inserted", "updated", "viewed identifiers", "user added", …</param>
/// <param name="Episode">The episode it concerns, or null.</param>
/// <param name="Detail">In words, never with an NHS number.</param>
public sealed record AuditEntry(long Id, DateTime AtUtc, string Who, string Action, long? Episode, string Detail);
