namespace Bedflow.Core.Vocabulary;

/// <summary>
/// The words of the SitRep reasons (domain.md §2 and §3): the one table for
/// <see cref="DelayReason"/>, in SitRep order A to O.
/// </summary>
public static class DelayReasonWords
{
    /// <summary>A reason's words.</summary>
    /// <param name="Value">The reason.</param>
    /// <param name="Code">Its SitRep code, A … O: scenario files (<c>delay_reason</c>), results JSON, the register (stored and imported), the published data's table.</param>
    /// <param name="Description">What the patient waits for, as domain.md §2 words it.</param>
    /// <param name="ExtractValue">Its value in NHS England's monthly extract's "Reason For Delay" column.</param>
    /// <param name="PublishedColumn">Its column in the published delayed days by council and reason (shared/data).</param>
    public sealed record Row(DelayReason Value, string Code, string Description, string ExtractValue, string PublishedColumn) : IVocabularyRow<DelayReason>;

    /// <summary>The table.</summary>
    public static VocabularyTable<DelayReason, Row> Table { get; } = new(
    [
        new(DelayReason.A, "A", "Awaiting completion of assessment", "A_COMPLETION_ASSESSMENT", "Awaiting completion of assessment"),
        new(DelayReason.B, "B", "Awaiting public funding", "B_PUBLIC_FUNDING", "Awaiting public funding"),
        new(DelayReason.C, "C", "Awaiting further non-acute NHS care", "C_FURTHER_NON_ACUTE_NHS", "Awaiting further NHS non-acute care"),
        new(DelayReason.Di, "Di", "Awaiting residential home placement or availability", "DI_RESIDENTIAL_HOME", "Awaiting residential home placement or availability"),
        new(DelayReason.Dii, "Dii", "Awaiting nursing home placement or availability", "DII_NURSING_HOME", "Awaiting nursing home placement or availability"),
        new(DelayReason.E, "E", "Awaiting care package in own home", "E_CARE_PACKAGE_IN_HOME", "Awaiting care package in own home"),
        new(DelayReason.F, "F", "Awaiting community equipment and adaptations", "F_COMMUNITY_EQUIP_ADAPT", "Awaiting community equipment and adaptations"),
        new(DelayReason.G, "G", "Patient or family choice", "G_PATIENT_FAMILY_CHOICE", "Patient or family choice"),
        new(DelayReason.H, "H", "Disputes", "H_DISPUTES", "Disputes"),
        new(DelayReason.I, "I", "Housing", "I_HOUSING", "Housing - Patients not covered by NHS and Community Care Act"),
        new(DelayReason.O, "O", "Other", "O_OTHER", "Other"),
    ]);

    /// <summary>The reason's SitRep code: A, B, C, Di, Dii, E, F, G, H, I, O.</summary>
    public static string Code(DelayReason reason) => Table[reason].Code;

    /// <summary>The reason's description, e.g. "Awaiting public funding".</summary>
    public static string Description(DelayReason reason) => Table[reason].Description;

    /// <summary>The reason's value in the extract's "Reason For Delay" column, e.g. "B_PUBLIC_FUNDING".</summary>
    public static string ExtractValue(DelayReason reason) => Table[reason].ExtractValue;

    /// <summary>Code and description, as tables and charts label a reason: "B: Awaiting public funding".</summary>
    public static string Label(DelayReason reason) => $"{Table[reason].Code}: {Table[reason].Description}";
}
