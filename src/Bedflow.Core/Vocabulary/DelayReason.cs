namespace Bedflow.Core.Vocabulary;

/// <summary>
/// SitRep reasons for a delayed transfer of care (NHS England DTOC SitRep, 2010–2020;
/// domain.md §2). The order is the SitRep's own, A to O.
/// </summary>
public enum DelayReason
{
    /// <summary>A: awaiting completion of assessment.</summary>
    A,
    /// <summary>B: awaiting public funding.</summary>
    B,
    /// <summary>C: awaiting further non-acute NHS care (intermediate care, rehabilitation, community hospital).</summary>
    C,
    /// <summary>Di: awaiting residential home placement or availability.</summary>
    Di,
    /// <summary>Dii: awaiting nursing home placement or availability.</summary>
    Dii,
    /// <summary>E: awaiting care package in own home.</summary>
    E,
    /// <summary>F: awaiting community equipment and adaptations.</summary>
    F,
    /// <summary>G: patient or family choice.</summary>
    G,
    /// <summary>H: disputes.</summary>
    H,
    /// <summary>I: housing (patients not covered by the Care Act).</summary>
    I,
    /// <summary>O: other (from April 2017).</summary>
    O,
}
