using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>The words of the kinds of arrival: the one table for <see cref="ArrivalKind"/>.</summary>
public static class ArrivalKindWords
{
    /// <summary>A kind's words.</summary>
    /// <param name="Value">The kind.</param>
    /// <param name="Code">Its stable code: scenario files (<c>arrivals.*.kind</c>).</param>
    /// <param name="Display">As the board pack's assumptions show it ("Emergency").</param>
    public sealed record Row(ArrivalKind Value, string Code, string Display) : IVocabularyRow<ArrivalKind>;

    /// <summary>The table.</summary>
    public static VocabularyTable<ArrivalKind, Row> Table { get; } = new(
    [
        new(ArrivalKind.Emergency, "emergency", "emergency"),
        new(ArrivalKind.Planned, "planned", "planned"),
    ]);

    /// <summary>The kind's code: emergency, planned.</summary>
    public static string Code(ArrivalKind kind) => Table[kind].Code;

    /// <summary>The kind in the board pack: "Emergency", "Planned".</summary>
    public static string Display(ArrivalKind kind) => Table[kind].Display;
}
