using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// The days of the week as scenario files write them (<c>accepts.days</c>: mon … sun): the one
/// table for <see cref="DayOfWeek"/>, Monday first. "weekdays" and "every_day" name sets of days
/// and are the reader's.
/// </summary>
internal static class DayWords
{
    /// <summary>A day's words.</summary>
    /// <param name="Value">The day.</param>
    /// <param name="Code">Its code in scenario files.</param>
    public sealed record Row(DayOfWeek Value, string Code) : IVocabularyRow<DayOfWeek>;

    /// <summary>The table.</summary>
    public static VocabularyTable<DayOfWeek, Row> Table { get; } = new(
    [
        new(DayOfWeek.Monday, "mon"),
        new(DayOfWeek.Tuesday, "tue"),
        new(DayOfWeek.Wednesday, "wed"),
        new(DayOfWeek.Thursday, "thu"),
        new(DayOfWeek.Friday, "fri"),
        new(DayOfWeek.Saturday, "sat"),
        new(DayOfWeek.Sunday, "sun"),
    ]);
}
