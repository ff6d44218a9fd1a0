namespace Bedflow.Core.Vocabulary;

/// <summary>The words of the organisations responsible for a delay: the one table for <see cref="Responsibility"/>, in SitRep column order.</summary>
public static class ResponsibilityWords
{
    /// <summary>An organisation's words.</summary>
    /// <param name="Value">The organisation.</param>
    /// <param name="Code">Its stable code: scenario files, results JSON, the register's database.</param>
    /// <param name="ExtractColumn">As the published extract's column names (and the register's import) give it; also how tables and charts show it.</param>
    /// <param name="Phrase">As a sentence names it: "cannot be the responsibility of the NHS".</param>
    public sealed record Row(Responsibility Value, string Code, string ExtractColumn, string Phrase) : IVocabularyRow<Responsibility>;

    /// <summary>The table.</summary>
    public static VocabularyTable<Responsibility, Row> Table { get; } = new(
    [
        new(Responsibility.Nhs, "nhs", "NHS", "the NHS"),
        new(Responsibility.SocialCare, "social_care", "Social Care", "social care"),
        new(Responsibility.Both, "both", "Both", "both"),
    ]);

    /// <summary>The organisation's code: nhs, social_care, both.</summary>
    public static string Code(Responsibility responsible) => Table[responsible].Code;

    /// <summary>The organisation as the published extract's columns name it: "NHS", "Social Care", "Both".</summary>
    public static string ExtractColumn(Responsibility responsible) => Table[responsible].ExtractColumn;

    /// <summary>The organisation in a sentence: "the NHS", "social care", "both".</summary>
    public static string Phrase(Responsibility responsible) => Table[responsible].Phrase;
}
