using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>The words of who a service takes first when a place frees: the one table for <see cref="WaitingPriority"/>.</summary>
public static class WaitingPriorityWords
{
    /// <summary>A member's words.</summary>
    /// <param name="Value">The member.</param>
    /// <param name="Code">Its stable code: scenario files (<c>services.*.priority</c>).</param>
    public sealed record Row(WaitingPriority Value, string Code) : IVocabularyRow<WaitingPriority>;

    /// <summary>The table.</summary>
    public static VocabularyTable<WaitingPriority, Row> Table { get; } = new(
    [
        new(WaitingPriority.BlockedFirst, "blocked_first"),
        new(WaitingPriority.QueuedFirst, "queued_first"),
        new(WaitingPriority.FirstComeFirstServed, "first_come_first_served"),
    ]);

    /// <summary>The member's code: blocked_first, queued_first, first_come_first_served.</summary>
    public static string Code(WaitingPriority value) => Table[value].Code;
}
