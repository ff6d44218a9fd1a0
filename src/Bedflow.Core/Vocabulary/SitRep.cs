using System.Globalization;
using Bedflow.Core.Units;

namespace Bedflow.Core.Vocabulary;

/// <summary>
/// The SitRep's rules: which organisation may be responsible for which reason (domain.md §2) and
/// the defaults that follow a service's kind (domain.md §2 and §4). Its words — codes,
/// descriptions, the extract's values — are in one table per enum (<see cref="DelayReasonWords"/>,
/// <see cref="ResponsibilityWords"/>, <see cref="SitRepBedsWords"/>, …).
/// </summary>
public static class SitRep
{
    /// <summary>All reasons, in SitRep order.</summary>
    public static IReadOnlyList<DelayReason> Reasons { get; } = Enum.GetValues<DelayReason>();

    /// <summary>All responsibilities, in SitRep column order (NHS, Social Care, Both).</summary>
    public static IReadOnlyList<Responsibility> Responsibilities { get; } = Enum.GetValues<Responsibility>();

    /// <summary>Whether the SitRep allows this reason to be the responsibility of this organisation (domain.md §2).</summary>
    public static bool Allows(DelayReason reason, Responsibility responsible) => (reason, responsible) switch
    {
        (_, Responsibility.Nhs) => true,
        (DelayReason.C or DelayReason.I, _) => false,
        (DelayReason.Di or DelayReason.G or DelayReason.H, Responsibility.Both) => false,
        _ => true,
    };

    /// <summary>
    /// The financial year as the published extract's "Year" column spells it, with a hyphen:
    /// "2016-17" (domain.md §3). Everywhere else Bedflow writes <see cref="FinancialYear.ToString"/>, "2016/17".
    /// </summary>
    public static string ExtractYear(FinancialYear year) => string.Create(CultureInfo.InvariantCulture, $"{year.StartYear:0000}-{(year.StartYear + 1) % 100:00}");


    /// <summary>The reason for patients waiting for a service of this kind: what they wait for.</summary>
    public static DelayReason ReasonFor(ServiceKind kind) => kind switch
    {
        ServiceKind.IntermediateCare or ServiceKind.CommunityHospital or ServiceKind.StepUp => DelayReason.C,
        ServiceKind.ResidentialHome => DelayReason.Di,
        ServiceKind.NursingHome => DelayReason.Dii,
        ServiceKind.HomeCare or ServiceKind.Reablement => DelayReason.E,
        ServiceKind.Assessment => DelayReason.A,
        ServiceKind.Equipment => DelayReason.F,
        _ => DelayReason.O,
    };

    /// <summary>Whether a service of this kind counts for the SitRep, and as what.</summary>
    public static SitRepBeds BedsFor(ServiceKind kind) => kind switch
    {
        ServiceKind.Acute => SitRepBeds.Acute,
        ServiceKind.CommunityHospital or ServiceKind.MentalHealth => SitRepBeds.NonAcute,
        _ => SitRepBeds.None,
    };

    /// <summary>Who usually commissions a service of this kind (an assumption; scenarios say so when it differs).</summary>
    public static Commissioner CommissionerFor(ServiceKind kind) => kind switch
    {
        ServiceKind.HomeCare or ServiceKind.Reablement or ServiceKind.ResidentialHome or ServiceKind.NursingHome or ServiceKind.Assessment
            => Commissioner.SocialCare,
        _ => Commissioner.Nhs,
    };

    /// <summary>The discharge pathway of patients leaving a SitRep bed for a service of this kind; null = not a discharge (a transfer between hospital beds).</summary>
    public static DischargePathway? PathwayFor(ServiceKind kind) => kind switch
    {
        ServiceKind.HomeCare or ServiceKind.Reablement => DischargePathway.P1,
        ServiceKind.IntermediateCare or ServiceKind.CommunityHospital or ServiceKind.StepUp => DischargePathway.P2,
        ServiceKind.ResidentialHome or ServiceKind.NursingHome => DischargePathway.P3,
        _ => null,
    };

    /// <summary>The band of a delay of this many whole days.</summary>
    public static DelayBand Band(int days) => days switch
    {
        <= 0 => DelayBand.Zero,
        1 => DelayBand.One,
        <= 3 => DelayBand.TwoToThree,
        <= 6 => DelayBand.FourToSix,
        <= 13 => DelayBand.SevenToThirteen,
        <= 20 => DelayBand.FourteenToTwenty,
        _ => DelayBand.TwentyOneAndOver,
    };

    /// <summary>The last Thursday of a month: the SitRep snapshot day (patients delayed at its 24:00).</summary>
    public static DateOnly LastThursday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int back = ((int)last.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7;
        return last.AddDays(-back);
    }
}
