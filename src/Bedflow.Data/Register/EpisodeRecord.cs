using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Register;

/// <summary>
/// One episode as the register holds it (no identifiers): where, when admitted, ready and
/// discharged, its reason periods in time order, and its <see cref="Version"/>, raised by every
/// change (an import's or an edit's), for optimistic concurrency.
/// </summary>
/// <param name="Episode">The episode's register key.</param>
/// <param name="Patient">The patient's register key.</param>
/// <param name="Provider">The provider's code.</param>
/// <param name="Service">The ward or service.</param>
/// <param name="Beds">Acute or non-acute.</param>
/// <param name="Admitted">When admitted (register local time).</param>
/// <param name="Ready">When ready for transfer, or null.</param>
/// <param name="Discharged">When discharged, or null.</param>
/// <param name="Destination">The discharge pathway code (or "none"), or null.</param>
/// <param name="Adult">Whether an adult (only adults count for the SitRep).</param>
/// <param name="Reasons">The delay reason periods, oldest first.</param>
/// <param name="Version">The version: an edit must name the one it was made on.</param>
public sealed record EpisodeRecord(long Episode, long Patient, string Provider, string Service, SitRepBeds Beds, DateTime Admitted, DateTime? Ready, DateTime? Discharged,
    string? Destination, bool Adult, IReadOnlyList<ReasonChange> Reasons, int Version);
