namespace Bedflow.Core.Vocabulary;

/// <summary>
/// How the register and its imports write and read the SitRep vocabulary's stable codes: a view
/// over the tables (<see cref="DelayReasonWords"/>, <see cref="ResponsibilityWords"/>,
/// <see cref="SitRepBedsWords"/>), never C# member names, so renaming a member changes no stored
/// data. Reading is lenient as an extract typed by people needs: case-insensitive, and for
/// organisations and bed types the published display forms ("NHS", "Social Care", "non-acute").
/// </summary>
public static class SitRepCodes
{
    /// <summary>The reason's SitRep code: A, B, C, Di, Dii, E, F, G, H, I, O.</summary>
    public static string Code(DelayReason reason) => DelayReasonWords.Code(reason);

    /// <summary>The organisation's code: nhs, social_care, both.</summary>
    public static string Code(Responsibility responsible) => ResponsibilityWords.Code(responsible);

    /// <summary>The bed type's code: acute, non_acute, none.</summary>
    public static string Code(SitRepBeds beds) => SitRepBedsWords.Code(beds);

    /// <summary>The reason with this code (any case), or null.</summary>
    public static DelayReason? Reason(string? code) => DelayReasonWords.Table.Find(code, StringComparison.OrdinalIgnoreCase);

    /// <summary>The organisation with this code (or "NHS", "Social Care", "Both"; any case, spaces around ignored), or null.</summary>
    public static Responsibility? Responsible(string? code) => ResponsibilityWords.Table.Find(code?.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase);

    /// <summary>The bed type with this code (or "non-acute"; any case, spaces around ignored), or null.</summary>
    public static SitRepBeds? Beds(string? code) => SitRepBedsWords.Table.Find(code?.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase);
}
