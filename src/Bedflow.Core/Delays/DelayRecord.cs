using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>
/// One patient's stay in one bed, as the delay figures need it — the same record for simulated
/// patients (from the engine's episode log) and real ones (from the register). It carries no
/// patient identifier. Times are local clock times. Immutable.
/// </summary>
public sealed record DelayRecord
{
    /// <summary>The service (ward, hospital) whose bed the patient held.</summary>
    public required string Service { get; init; }

    /// <summary>Whether the bed counts for the SitRep, and in which column.</summary>
    public required SitRepBeds Beds { get; init; }

    /// <summary>False for a patient under 18: only adults count.</summary>
    public bool Adult { get; init; } = true;

    /// <summary>When the patient took the bed.</summary>
    public required DateTime Admitted { get; init; }

    /// <summary>When the patient was ready for transfer; null = not (yet) ready.</summary>
    public DateTime? Ready { get; init; }

    /// <summary>When the patient left the bed; null = still there at the end of the data.</summary>
    public DateTime? Exit { get; init; }

    /// <summary>The discharge pathway of where the patient went; null = not a discharge (a transfer between hospital beds) or not yet gone.</summary>
    public DischargePathway? Pathway { get; init; }

    /// <summary>
    /// Reason and responsible organisation over time, from the ready time on: each applies from
    /// its <see cref="ReasonChange.From"/> until the next. A delay of a day or more needs at least one.
    /// </summary>
    public IReadOnlyList<ReasonChange> Reasons { get; init; } = [];
}

/// <summary>From this time, the patient's delay is for this reason, the responsibility of this organisation.</summary>
/// <param name="From">When this reason began to apply.</param>
/// <param name="Reason">The SitRep reason.</param>
/// <param name="Responsible">The responsible organisation.</param>
public readonly record struct ReasonChange(DateTime From, DelayReason Reason, Responsibility Responsible);
