namespace Bedflow.Core.Vocabulary;

/// <summary>The words of the SitRep's bed types: the one table for <see cref="SitRepBeds"/>.</summary>
public static class SitRepBedsWords
{
    /// <summary>A bed type's words.</summary>
    /// <param name="Value">The bed type.</param>
    /// <param name="Code">Its stable code: scenario files (<c>sitrep</c>), results JSON, the register (stored and imported).</param>
    /// <param name="ExtractValue">Its value in the extract's "Acute Or Non Acute Description" column; null for beds the SitRep does not count.</param>
    /// <param name="Display">As a table shows it.</param>
    public sealed record Row(SitRepBeds Value, string Code, string? ExtractValue, string Display) : IVocabularyRow<SitRepBeds>;

    /// <summary>The table, in the order scenario messages list the codes.</summary>
    public static VocabularyTable<SitRepBeds, Row> Table { get; } = new(
    [
        new(SitRepBeds.Acute, "acute", "Acute", "Acute"),
        new(SitRepBeds.NonAcute, "non_acute", "Non-Acute", "Non-acute"),
        new(SitRepBeds.None, "none", null, "Not counted"),
    ]);

    /// <summary>The bed type's code: acute, non_acute, none.</summary>
    public static string Code(SitRepBeds beds) => Table[beds].Code;

    /// <summary>The bed type in the extract: "Acute", "Non-Acute"; null for <see cref="SitRepBeds.None"/>.</summary>
    public static string? ExtractValue(SitRepBeds beds) => Table[beds].ExtractValue;

    /// <summary>The bed type in a table: "Acute", "Non-acute".</summary>
    public static string Display(SitRepBeds beds) => Table[beds].Display;
}
