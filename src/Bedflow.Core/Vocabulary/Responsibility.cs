namespace Bedflow.Core.Vocabulary;

/// <summary>The organisation responsible for a delay, as the SitRep records it.</summary>
public enum Responsibility
{
    /// <summary>The NHS.</summary>
    Nhs,
    /// <summary>Social care (the council).</summary>
    SocialCare,
    /// <summary>Both.</summary>
    Both,
}
