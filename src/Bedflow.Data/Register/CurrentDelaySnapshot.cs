using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Register;

/// <summary>
/// The register's open episodes as they stood after its <see cref="Changes"/>-th write: every episode
/// ready for transfer and not discharged by <see cref="Since"/>, with its reason periods. From it the
/// patients delayed at any time from <see cref="Since"/> on are what <see cref="DelayRegister.CurrentDelaysAsync"/>
/// would read, without a query (an episode delayed then was open at <see cref="Since"/>). Immutable; thread-safe.
/// </summary>
public sealed class CurrentDelaySnapshot
{
    private readonly OpenEpisode[] _episodes;

    internal CurrentDelaySnapshot(long changes, DateTime since, OpenEpisode[] episodes)
    {
        Changes = changes;
        Since = since;
        // Longest delayed first at any time is earliest ready first (then by episode): sorted once, here, not per request.
        Array.Sort(episodes, (a, b) => a.Ready != b.Ready ? a.Ready.CompareTo(b.Ready) : a.Episode.CompareTo(b.Episode));
        _episodes = episodes;
    }

    /// <summary>The register's count of writes when it was read (<see cref="DelayRegister.ChangesAsync"/>): a later write makes it stale.</summary>
    public long Changes { get; }

    /// <summary>The earliest time it can answer for.</summary>
    public DateTime Since { get; }

    /// <summary>Open episodes held.</summary>
    public int Count => _episodes.Length;

    /// <summary>The patients delayed at <paramref name="now"/> (at or after <see cref="Since"/>), longest delayed first, then by episode.</summary>
    public IReadOnlyList<CurrentDelay> At(DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(now, Since);
        var list = new List<CurrentDelay>();
        foreach (var e in _episodes)
        {
            if (e.Ready > now || (e.Discharged is { } d && d <= now))
            {
                continue;
            }
            // The reason in force: the last period begun by now (the periods are in time order); none yet is Other, NHS.
            ReasonChange? reason = null;
            foreach (var r in e.Reasons)
            {
                if (r.From > now)
                {
                    break;
                }
                reason = r;
            }
            list.Add(new CurrentDelay(e.Patient, e.Provider, e.Service, e.Beds, e.Ready, (now - e.Ready).TotalDays,
                reason?.Reason ?? DelayReason.O, reason?.Responsible ?? Responsibility.Nhs) { Episode = e.Episode });
        }
        return list;
    }

    /// <summary>One open episode: where, since when ready, when discharged (if already known), its reason periods in time order.</summary>
    internal sealed record OpenEpisode(long Episode, long Patient, string Provider, string Service, SitRepBeds Beds, DateTime Ready, DateTime? Discharged, ReasonChange[] Reasons);
}
