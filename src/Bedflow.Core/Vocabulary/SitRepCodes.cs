namespace Bedflow.Core.Vocabulary;

/// <summary>
/// The stable text codes of the SitRep vocabulary, for what is stored and exchanged (the register's
/// database, extracts, JSON): one table per enum, never C# member names, so renaming a member
/// changes no stored data. Reading is case-insensitive and, for organisations, accepts the
/// published extract's display forms ("NHS", "Social Care").
/// </summary>
public static class SitRepCodes
{
    private static readonly (DelayReason Value, string Code)[] ReasonTable =
    [
        (DelayReason.A, "A"), (DelayReason.B, "B"), (DelayReason.C, "C"), (DelayReason.Di, "Di"), (DelayReason.Dii, "Dii"), (DelayReason.E, "E"),
        (DelayReason.F, "F"), (DelayReason.G, "G"), (DelayReason.H, "H"), (DelayReason.I, "I"), (DelayReason.O, "O"),
    ];

    private static readonly (Responsibility Value, string Code)[] ResponsibilityTable =
        [(Responsibility.Nhs, "nhs"), (Responsibility.SocialCare, "social_care"), (Responsibility.Both, "both")];

    private static readonly (SitRepBeds Value, string Code)[] BedsTable =
        [(SitRepBeds.Acute, "acute"), (SitRepBeds.NonAcute, "non_acute"), (SitRepBeds.None, "none")];

    /// <summary>The reason's SitRep code: A, B, C, Di, Dii, E, F, G, H, I, O.</summary>
    public static string Code(DelayReason reason) => Find(ReasonTable, reason);

    /// <summary>The organisation's code: nhs, social_care, both.</summary>
    public static string Code(Responsibility responsible) => Find(ResponsibilityTable, responsible);

    /// <summary>The bed type's code: acute, non_acute, none.</summary>
    public static string Code(SitRepBeds beds) => Find(BedsTable, beds);

    /// <summary>The reason with this code, or null.</summary>
    public static DelayReason? Reason(string? code) => Parse(ReasonTable, code);

    /// <summary>The organisation with this code (or "NHS", "Social Care", "Both"), or null.</summary>
    public static Responsibility? Responsible(string? code) => Parse(ResponsibilityTable, code?.Trim().Replace(' ', '_'));

    /// <summary>The bed type with this code (or "non-acute"), or null.</summary>
    public static SitRepBeds? Beds(string? code) => Parse(BedsTable, code?.Trim().Replace('-', '_'));

    private static string Find<T>((T Value, string Code)[] table, T value) where T : struct, Enum
    {
        foreach (var (v, code) in table)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return code;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, "not in the SitRep vocabulary.");
    }

    private static T? Parse<T>((T Value, string Code)[] table, string? code) where T : struct, Enum
    {
        foreach (var (v, c) in table)
        {
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }
        return null;
    }
}
