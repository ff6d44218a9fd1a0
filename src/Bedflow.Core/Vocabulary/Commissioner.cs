namespace Bedflow.Core.Vocabulary;

/// <summary>Who commissions (pays for) a service.</summary>
public enum Commissioner
{
    /// <summary>The NHS commissioner (CCG).</summary>
    Nhs,
    /// <summary>The council's social care.</summary>
    SocialCare,
    /// <summary>A pooled fund of both (Section 75); its delays fall to a named organisation, by default the lead commissioner.</summary>
    Pooled,
}
