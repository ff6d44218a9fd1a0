namespace Bedflow.Core.Vocabulary;

/// <summary>What kind of care a service gives. Later layers use it for SitRep reason codes and defaults.</summary>
public enum ServiceKind
{
    /// <summary>Acute hospital wards.</summary>
    Acute,
    /// <summary>Community hospital beds.</summary>
    CommunityHospital,
    /// <summary>Bed-based intermediate care or rehabilitation.</summary>
    IntermediateCare,
    /// <summary>Step-up beds that admit from the community to avoid an acute admission.</summary>
    StepUp,
    /// <summary>Reablement at home (council).</summary>
    Reablement,
    /// <summary>Home-care packages.</summary>
    HomeCare,
    /// <summary>Residential care home places.</summary>
    ResidentialHome,
    /// <summary>Nursing home places.</summary>
    NursingHome,
    /// <summary>An assessment team (capacity = assessors).</summary>
    Assessment,
    /// <summary>Mental health beds.</summary>
    MentalHealth,
    /// <summary>Community equipment and adaptations (a resource used while keeping the bed).</summary>
    Equipment,
    /// <summary>Anything else.</summary>
    Other,
}
