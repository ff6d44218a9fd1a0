using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>The words of what a ready patient does with its place: the one table for <see cref="MovingOn"/>.</summary>
public static class MovingOnWords
{
    /// <summary>A member's words.</summary>
    /// <param name="Value">The member.</param>
    /// <param name="Code">Its stable code: scenario files (<c>services.*.moving_on</c>).</param>
    public sealed record Row(MovingOn Value, string Code) : IVocabularyRow<MovingOn>;

    /// <summary>The table.</summary>
    public static VocabularyTable<MovingOn, Row> Table { get; } = new(
    [
        new(MovingOn.KeepPlace, "keep_place"),
        new(MovingOn.ReleasePlace, "release_place"),
    ]);

    /// <summary>The member's code: keep_place, release_place.</summary>
    public static string Code(MovingOn value) => Table[value].Code;
}
