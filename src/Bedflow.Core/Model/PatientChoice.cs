using Bedflow.Core.Distributions;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>
/// Patient or family choice (SitRep reason G) for patients moving on to a service: a share of
/// them wait for their preferred provider for an extra time, in the bed they hold, even when a
/// place is free; a policy may cap that wait (e.g. an interim placement after 7 days). Immutable.
/// </summary>
public sealed record PatientChoice
{
    /// <summary>Share (0–1) of patients heading here from a bed who wait for their choice.</summary>
    public required double Share { get; init; }

    /// <summary>The extra wait, in days.</summary>
    public required Distribution Wait { get; init; }

    /// <summary>The most days anyone waits for choice (an interim placement policy); null = no cap.</summary>
    public double? Cap { get; init; }

    /// <summary>Who the G delays are the responsibility of; null = the service's own (the lead commissioner for a pooled service).</summary>
    public Responsibility? Responsible { get; init; }
}
