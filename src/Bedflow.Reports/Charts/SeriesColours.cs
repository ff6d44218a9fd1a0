using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Charts;

/// <summary>
/// The one colour of each SitRep reason and each organisation, in every chart of every run, so
/// that a board member learns them once. Reasons are the Okabe–Ito palette (safe for the common
/// colour-vision deficiencies) and Tol's muted wine, teal and grey; organisations use NHS blue for
/// the NHS, vermillion for social care (the council) and bluish green for both (the pooled fund).
/// </summary>
public static class SeriesColours
{
    /// <summary>A reason's colour, as #RRGGBB.</summary>
    public static string Of(DelayReason reason) => reason switch
    {
        DelayReason.A => "#0072B2",
        DelayReason.B => "#56B4E9",
        DelayReason.C => "#D55E00",
        DelayReason.Di => "#009E73",
        DelayReason.Dii => "#CC79A7",
        DelayReason.E => "#E69F00",
        DelayReason.F => "#44AA99",
        DelayReason.G => "#000000",
        DelayReason.H => "#882255",
        DelayReason.I => "#999999",
        DelayReason.O => "#F0E442",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "a reason without a colour"),
    };

    /// <summary>The colour of the organisation responsible for a delay, as #RRGGBB.</summary>
    public static string Of(Responsibility responsible) => responsible switch
    {
        Responsibility.Nhs => Nhs,
        Responsibility.SocialCare => SocialCare,
        Responsibility.Both => Both,
        _ => throw new ArgumentOutOfRangeException(nameof(responsible), responsible, "an organisation without a colour"),
    };

    /// <summary>The colour of a commissioner (the same organisation, the same colour as <see cref="Of(Responsibility)"/>), as #RRGGBB.</summary>
    public static string Of(Commissioner commissioner) => commissioner switch
    {
        Commissioner.Nhs => Nhs,
        Commissioner.SocialCare => SocialCare,
        Commissioner.Pooled => Both,
        _ => throw new ArgumentOutOfRangeException(nameof(commissioner), commissioner, "a commissioner without a colour"),
    };

    private const string Nhs = "#005EB8";
    private const string SocialCare = "#D55E00";
    private const string Both = "#009E73";
}
