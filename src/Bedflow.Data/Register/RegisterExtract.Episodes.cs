namespace Bedflow.Data.Register;

internal static partial class RegisterExtract
{
    /// <summary>
    /// Adds a good row's episode to those read, or its reason period to the episode an earlier row
    /// began; false, after adding the problem, when the two rows disagree about the episode or
    /// give the same reason time twice.
    /// </summary>
    private static bool Gather(Dictionary<(string, string, DateTime), ExtractEpisode> episodes, ExtractEpisode episode, Action<string, string> add)
    {
        var identity = (episode.Provider, episode.NhsHash, episode.Admitted);
        if (!episodes.TryGetValue(identity, out var existing))
        {
            episodes[identity] = episode;
            return true;
        }
        if ((existing.Ready, existing.Discharged, existing.Service, existing.Beds, existing.Destination, existing.Adult) != (episode.Ready, episode.Discharged, episode.Service, episode.Beds, episode.Destination, episode.Adult))
        {
            add("", $"disagrees with line {existing.Lines[0]} about the same episode (provider, NHS number, admission): ready, discharge, service, bed type, destination and adult must match.");
            return false;
        }
        if (episode.Reasons is [var c] && existing.Reasons.Any(x => x.From == c.From))
        {
            add("reason_from", $"repeats a reason time already given on line {existing.Lines[0]} for this episode.");
            return false;
        }
        existing.LocalSealed ??= episode.LocalSealed; // the first row of the episode that gives one
        existing.Lines.AddRange(episode.Lines);
        existing.Reasons.AddRange(episode.Reasons);
        return true;
    }

    /// <summary>
    /// Puts each episode's reason periods in time order, and keeps out (as <see cref="KeptOut"/>
    /// lines of <paramref name="bad"/>) an episode delayed past midnight that no row gives a reason for.
    /// </summary>
    private static void CheckEpisodes(IEnumerable<ExtractEpisode> episodes, string file, List<ImportProblem> problems, Dictionary<int, string[]> bad)
    {
        foreach (var e in episodes)
        {
            e.Reasons.Sort((x, y) => x.From.CompareTo(y.From));
            if (e.Ready is { } r && (e.Discharged is null || e.Discharged.Value.Date > r.Date) && e.Reasons.Count == 0)
            {
                problems.Add(new ImportProblem(file, e.Lines[0], "reason", "the patient is delayed past midnight but no row gives a delay reason."));
                foreach (int l in e.Lines)
                {
                    bad.TryAdd(l, KeptOut);
                }
            }
        }
    }
}
