namespace Bedflow.Core.Vocabulary;

/// <summary>England's discharge pathways (2020 onwards; domain.md §4).</summary>
public enum DischargePathway
{
    /// <summary>P0: home, no new support.</summary>
    P0,
    /// <summary>P1: home with new support (reablement, home-based intermediate care).</summary>
    P1,
    /// <summary>P2: a community bed with recovery support (intermediate care, community hospital).</summary>
    P2,
    /// <summary>P3: a care-home placement for the highest needs.</summary>
    P3,
}
