namespace Bedflow.Core.Vocabulary;

/// <summary>The words of the bands of days from the discharge-ready date: the one table for <see cref="DelayBand"/>.</summary>
public static class DelayBandWords
{
    /// <summary>A band's words.</summary>
    /// <param name="Value">The band.</param>
    /// <param name="Code">Its stable code, with a hyphen: results JSON ("2-3").</param>
    /// <param name="Display">As people read it, with an en dash: "2–3".</param>
    public sealed record Row(DelayBand Value, string Code, string Display) : IVocabularyRow<DelayBand>;

    /// <summary>The table.</summary>
    public static VocabularyTable<DelayBand, Row> Table { get; } = new(
    [
        new(DelayBand.Zero, "0", "0"),
        new(DelayBand.One, "1", "1"),
        new(DelayBand.TwoToThree, "2-3", "2–3"),
        new(DelayBand.FourToSix, "4-6", "4–6"),
        new(DelayBand.SevenToThirteen, "7-13", "7–13"),
        new(DelayBand.FourteenToTwenty, "14-20", "14–20"),
        new(DelayBand.TwentyOneAndOver, "21+", "21+"),
    ]);

    /// <summary>The band's code: "0", "1", "2-3", "4-6", "7-13", "14-20", "21+".</summary>
    public static string Code(DelayBand band) => Table[band].Code;

    /// <summary>The band for people: "0", "1", "2–3", "4–6", "7–13", "14–20", "21+".</summary>
    public static string Display(DelayBand band) => Table[band].Display;
}
