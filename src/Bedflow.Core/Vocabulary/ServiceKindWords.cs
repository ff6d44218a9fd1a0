namespace Bedflow.Core.Vocabulary;

/// <summary>The words of the kinds of service: the one table for <see cref="ServiceKind"/>.</summary>
public static class ServiceKindWords
{
    /// <summary>A kind's words.</summary>
    /// <param name="Value">The kind.</param>
    /// <param name="Code">Its stable code: scenario files (<c>kind</c>).</param>
    /// <param name="Display">As the board pack's table of assumptions shows it ("Community hospital").</param>
    public sealed record Row(ServiceKind Value, string Code, string Display) : IVocabularyRow<ServiceKind>;

    /// <summary>The table.</summary>
    public static VocabularyTable<ServiceKind, Row> Table { get; } = new(
    [
        new(ServiceKind.Acute, "acute", "Acute"),
        new(ServiceKind.CommunityHospital, "community_hospital", "Community hospital"),
        new(ServiceKind.IntermediateCare, "intermediate_care", "Intermediate care"),
        new(ServiceKind.StepUp, "step_up", "Step-up beds"),
        new(ServiceKind.Reablement, "reablement", "Reablement"),
        new(ServiceKind.HomeCare, "home_care", "Home care"),
        new(ServiceKind.ResidentialHome, "residential_home", "Residential home"),
        new(ServiceKind.NursingHome, "nursing_home", "Nursing home"),
        new(ServiceKind.Assessment, "assessment", "Assessment"),
        new(ServiceKind.MentalHealth, "mental_health", "Mental health"),
        new(ServiceKind.Equipment, "equipment", "Equipment"),
        new(ServiceKind.Other, "other", "Other"),
    ]);

    /// <summary>The kind's code, e.g. community_hospital.</summary>
    public static string Code(ServiceKind kind) => Table[kind].Code;

    /// <summary>The kind in the board pack, e.g. "Community hospital".</summary>
    public static string Display(ServiceKind kind) => Table[kind].Display;
}
