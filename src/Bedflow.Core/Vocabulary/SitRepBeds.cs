namespace Bedflow.Core.Vocabulary;

/// <summary>Whether a service's beds count for the DTOC SitRep, and in which column.</summary>
public enum SitRepBeds
{
    /// <summary>Not counted: council reablement, care homes, home. A patient waiting here is not a DTOC.</summary>
    None,
    /// <summary>Acute beds.</summary>
    Acute,
    /// <summary>Non-acute beds: community hospital, mental health.</summary>
    NonAcute,
}
