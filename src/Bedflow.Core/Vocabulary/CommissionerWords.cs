namespace Bedflow.Core.Vocabulary;

/// <summary>The words of who commissions a service: the one table for <see cref="Commissioner"/>.</summary>
public static class CommissionerWords
{
    /// <summary>A commissioner's words.</summary>
    /// <param name="Value">The commissioner.</param>
    /// <param name="Code">Its stable code: scenario files (<c>commissioner</c>, <c>paid_by</c>; <c>budgets</c> and <c>pooled_fund</c> keys for the two partners), results JSON.</param>
    /// <param name="Display">As the board pack's tables and the savings chart show it ("NHS", "Social care", "Pooled fund").</param>
    /// <param name="Partner">A partner in running text: "NHS £1.2m, council £3.4m".</param>
    /// <param name="PartnerHeading">A partner at the start of a label: "Council share".</param>
    /// <param name="Organisation">Whose budget it is: "the council's savings gap".</param>
    public sealed record Row(Commissioner Value, string Code, string Display, string Partner, string PartnerHeading, string Organisation) : IVocabularyRow<Commissioner>;

    /// <summary>The table.</summary>
    public static VocabularyTable<Commissioner, Row> Table { get; } = new(
    [
        new(Commissioner.Nhs, "nhs", "NHS", "NHS", "NHS", "NHS commissioner"),
        new(Commissioner.SocialCare, "social_care", "Social care", "council", "Council", "council"),
        new(Commissioner.Pooled, "pooled", "Pooled fund", "pooled fund", "Pooled fund", "pooled fund"),
    ]);

    /// <summary>The commissioner's code: nhs, social_care, pooled.</summary>
    public static string Code(Commissioner commissioner) => Table[commissioner].Code;

    /// <summary>The commissioner in the board pack's tables: "NHS", "Social care", "Pooled fund".</summary>
    public static string Display(Commissioner commissioner) => Table[commissioner].Display;

    /// <summary>The commissioner as a partner in running text: "NHS", "council".</summary>
    public static string Partner(Commissioner commissioner) => Table[commissioner].Partner;

    /// <summary>The commissioner as a partner at the start of a label: "NHS", "Council".</summary>
    public static string PartnerHeading(Commissioner commissioner) => Table[commissioner].PartnerHeading;

    /// <summary>The organisation whose budget it is: "NHS commissioner", "council".</summary>
    public static string Organisation(Commissioner commissioner) => Table[commissioner].Organisation;
}
