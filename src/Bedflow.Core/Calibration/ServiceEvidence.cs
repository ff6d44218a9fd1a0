using Bedflow.Core.Statistics.Fitting;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>What a register says about one service over a window (see <see cref="RegisterEvidence"/>). Immutable.</summary>
public sealed record ServiceEvidence
{
    /// <summary>The service's name in the register.</summary>
    public required string Service { get; init; }

    /// <summary>Its SitRep bed type.</summary>
    public required SitRepBeds Beds { get; init; }

    /// <summary>Each stay admitted in the window: its time to ready for transfer, observed or censored.</summary>
    public required IReadOnlyList<Stay> TimesToReady { get; init; }

    /// <summary>Where the stays that ended in the window went, and how many went there.</summary>
    public required IReadOnlyDictionary<Destination, int> Next { get; init; }

    /// <summary>Admissions from outside (not a transfer from another stay) on each day of the window.</summary>
    public required int[] AdmissionsByDay { get; init; }

    /// <summary>Transfers in from another stay on each day of the window.</summary>
    public required int[] TransfersInByDay { get; init; }

    /// <summary>The delays, in days, of the stays that left in the window after their ready time (ready to leaving).</summary>
    public required IReadOnlyList<double> Delays { get; init; }

    /// <summary>Stays that left in the window at their ready time: no delay.</summary>
    public required int DischargedOnTime { get; init; }

    /// <summary>Of <see cref="Delays"/>, those with a patient-or-family-choice period (SitRep reason G).</summary>
    public required int DelaysWithChoice { get; init; }

    /// <summary>
    /// The stays that became ready in the window, at least <see cref="RegisterEvidence.SettleDays"/>
    /// before its end, and left by its end: where each went, when, and the reasons recorded.
    /// </summary>
    public IReadOnlyList<Departure> Departures { get; init; } = [];

    /// <summary>The service's beds held over time by every stay in the data.</summary>
    public Occupancy? Occupancy { get; init; }

    /// <summary>Stays admitted in the window that were ready by its end.</summary>
    public int ReadyCount => TimesToReady.Count(t => !t.IsCensored);

    /// <summary>The share of delayed departures with a choice period; NaN when none was delayed.</summary>
    public double ChoiceShare => Delays.Count == 0 ? double.NaN : (double)DelaysWithChoice / Delays.Count;
}
