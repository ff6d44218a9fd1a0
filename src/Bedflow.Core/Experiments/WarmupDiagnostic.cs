namespace Bedflow.Core.Experiments;

/// <summary>
/// MSER-5 on a service's daily occupancy (mean over replications) from the start of the run:
/// how many days it suggests discarding, against the warm-up actually used.
/// </summary>
/// <param name="Service">The service.</param>
/// <param name="SuggestedDays">Days from the start of the run that MSER-5 would discard.</param>
/// <param name="WarmupDays">Days of warm-up used.</param>
public sealed record WarmupDiagnostic(string Service, int SuggestedDays, double WarmupDays)
{
    /// <summary>True when the warm-up covers what MSER-5 suggests discarding.</summary>
    public bool Adequate => SuggestedDays <= WarmupDays;
}
