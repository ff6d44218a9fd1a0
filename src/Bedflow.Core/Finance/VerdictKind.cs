namespace Bedflow.Core.Finance;

/// <summary>What a <see cref="Verdict"/> rests on: the rule that chose its option, or why it chose none.</summary>
public enum VerdictKind
{
    /// <summary>
    /// The option with the lowest cost per delayed day avoided among those whose paired 95%
    /// interval of delayed days avoided lies above zero.
    /// </summary>
    Recommended,

    /// <summary>
    /// No prices, so no cost per delayed day: among the options whose interval of delayed days
    /// avoided lies above zero, the one that avoids the most.
    /// </summary>
    RankedByDelayedDaysAvoided,

    /// <summary>There is only the baseline.</summary>
    NoVariants,

    /// <summary>No option avoids delayed days on average (with an interval to judge it by).</summary>
    NoOptionAvoidsDelays,

    /// <summary>
    /// Some option avoids delayed days on average, but no option's interval excludes zero at this
    /// number of replications: the verdict names the closest and about how many replications would
    /// tell it apart.
    /// </summary>
    CannotTellApart,

    /// <summary>Objective <see cref="Objective.Cost"/>: among acceptable options, the one with the least extra cost (the most saved).</summary>
    LeastCost,

    /// <summary>Options avoid delays, but none is acceptable (each worsens a harm, overloads a service or breaks a limit): nothing is recommended.</summary>
    NoAcceptableOption,

    /// <summary>One replication: no intervals, so nothing can be shown to be better or acceptable, and nothing is recommended.</summary>
    NoIntervals,
}
