using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

/// <summary>The words a scenario file uses for the model's choices.</summary>
internal static class Names
{
    public static readonly Dictionary<string, ServiceKind> Kinds = new()
    {
        ["acute"] = ServiceKind.Acute, ["community_hospital"] = ServiceKind.CommunityHospital, ["intermediate_care"] = ServiceKind.IntermediateCare,
        ["step_up"] = ServiceKind.StepUp, ["reablement"] = ServiceKind.Reablement, ["home_care"] = ServiceKind.HomeCare,
        ["residential_home"] = ServiceKind.ResidentialHome, ["nursing_home"] = ServiceKind.NursingHome, ["assessment"] = ServiceKind.Assessment,
        ["mental_health"] = ServiceKind.MentalHealth, ["equipment"] = ServiceKind.Equipment, ["other"] = ServiceKind.Other,
    };

    public static readonly Dictionary<string, Commissioner> Commissioners = new()
    {
        ["nhs"] = Commissioner.Nhs, ["social_care"] = Commissioner.SocialCare, ["pooled"] = Commissioner.Pooled,
    };

    public static readonly Dictionary<string, Responsibility> Responsibilities = new()
    {
        ["nhs"] = Responsibility.Nhs, ["social_care"] = Responsibility.SocialCare, ["both"] = Responsibility.Both,
    };

    public static readonly Dictionary<string, DelayReason> Reasons = Enum.GetValues<DelayReason>().ToDictionary(r => r.ToString(), r => r);

    public static readonly Dictionary<string, SitRepBeds> Beds = new()
    {
        ["acute"] = SitRepBeds.Acute, ["non_acute"] = SitRepBeds.NonAcute, ["none"] = SitRepBeds.None,
    };

    public static readonly Dictionary<string, DischargePathway> Pathways = Enum.GetValues<DischargePathway>().ToDictionary(p => p.ToString(), p => p);

    public static readonly Dictionary<string, WaitingPriority> Priorities = new()
    {
        ["blocked_first"] = WaitingPriority.BlockedFirst, ["queued_first"] = WaitingPriority.QueuedFirst,
        ["first_come_first_served"] = WaitingPriority.FirstComeFirstServed,
    };

    public static readonly Dictionary<string, MovingOn> MovingOns = new() { ["keep_place"] = MovingOn.KeepPlace, ["release_place"] = MovingOn.ReleasePlace };

    public static readonly Dictionary<string, ServiceRole> Roles = new() { ["place"] = ServiceRole.Place, ["resource"] = ServiceRole.Resource };

    public static readonly Dictionary<string, ArrivalKind> ArrivalKinds = new() { ["emergency"] = ArrivalKind.Emergency, ["planned"] = ArrivalKind.Planned };

    public static readonly Dictionary<string, DayOfWeek> Days = new()
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };
}
