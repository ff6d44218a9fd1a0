using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// A route out of acute in the council template: the share of emergency admissions that take it
/// (an assumption, the same for every council: the stage's mean time, not this share, carries the
/// council's own delays), the process-time stage a patient passes through keeping its bed, the
/// stage's SitRep reason and where it leads (null: home).
/// </summary>
/// <param name="Reason">The reason of the stage's delays.</param>
/// <param name="Stage">The stage's service name (before the organisation).</param>
/// <param name="Share">Share of acute patients on the pathway.</param>
/// <param name="Destination">The place it leads to, or null for home.</param>
/// <param name="What">What the stage is, for the file's comments.</param>
public sealed record CouncilPathway(DelayReason Reason, string Stage, double Share, string? Destination, string What);

/// <summary>The template's pathways and places (docs/calibration.md, "A model for any council").</summary>
public static class CouncilPathways
{
    /// <summary>The acute service.</summary>
    public const string Acute = "acute";

    /// <summary>The community (non-acute) bed service: intermediate care and community hospital together.</summary>
    public const string CommunityBed = "community_bed";

    /// <summary>Home care packages (places = packages).</summary>
    public const string HomeCare = "home_care";

    /// <summary>Residential care homes.</summary>
    public const string ResidentialHome = "residential_home";

    /// <summary>Nursing homes.</summary>
    public const string NursingHome = "nursing_home";

    /// <summary>Every pathway with a stage, in SitRep order of reasons (G is a choice wait, not a stage).</summary>
    public static IReadOnlyList<CouncilPathway> All { get; } =
    [
        new(DelayReason.A, "assessment", 0.03, null, "assessment before discharge"),
        new(DelayReason.B, "funding", 0.005, null, "a decision on public funding"),
        new(DelayReason.C, "community_referral", 0.04, CommunityBed, "referral and triage for a community bed"),
        new(DelayReason.Di, "residential_search", 0.012, ResidentialHome, "finding a residential home"),
        new(DelayReason.Dii, "nursing_search", 0.008, NursingHome, "finding a nursing home"),
        new(DelayReason.E, "package_brokerage", 0.06, HomeCare, "brokerage of a home-care package"),
        new(DelayReason.F, "equipment", 0.02, null, "community equipment and adaptations"),
        new(DelayReason.H, "dispute", 0.003, null, "a dispute"),
        new(DelayReason.I, "housing", 0.003, null, "housing"),
        new(DelayReason.O, "other_arrangements", 0.005, null, "other arrangements"),
    ];

    /// <summary>The places patients go on to, with their mean stays in days (assumptions).</summary>
    public static IReadOnlyList<(string Name, double Stay)> Stays { get; } =
    [
        (CommunityBed, 21), (HomeCare, 250), (ResidentialHome, 700), (NursingHome, 400),
    ];
}
