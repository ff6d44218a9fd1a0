using Bedflow.Core.Delays;

namespace Bedflow.Core.Calibration;

/// <summary>
/// A stay that became ready in the window and left by its end: where it went, when it was ready,
/// when it left and the reasons recorded meanwhile. What the split of a delay into process time and
/// waiting for a place, and the choice share, are fitted from. Immutable.
/// </summary>
/// <param name="To">Where the patient went.</param>
/// <param name="Ready">When the patient was ready for transfer.</param>
/// <param name="Exit">When the patient left the bed (at or after <paramref name="Ready"/>).</param>
/// <param name="Reasons">The reasons recorded from the ready time on.</param>
public sealed record Departure(Destination To, DateTime Ready, DateTime Exit, IReadOnlyList<ReasonChange> Reasons)
{
    /// <summary>The delay, ready to leaving, in days.</summary>
    public double Days => (Exit - Ready).TotalDays;

    /// <summary>When the first patient-or-family-choice period (SitRep G) began; null when none was recorded.</summary>
    public DateTime? ChoiceFrom => Reasons.FirstOrDefault(r => r.Reason == Vocabulary.DelayReason.G) is { Reason: Vocabulary.DelayReason.G } g ? g.From : null;

    /// <summary>
    /// The length of the first choice period, in days: to the next reason's start or to the exit;
    /// null when none was recorded.
    /// </summary>
    public double? ChoiceDays
    {
        get
        {
            for (int i = 0; i < Reasons.Count; i++)
            {
                if (Reasons[i].Reason == Vocabulary.DelayReason.G)
                {
                    var end = i + 1 < Reasons.Count ? Reasons[i + 1].From : Exit;
                    return (end - Reasons[i].From).TotalDays;
                }
            }
            return null;
        }
    }
}
