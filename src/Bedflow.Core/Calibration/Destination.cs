using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// Where a stay ended: another service of the register (the same patient's next stay began as
/// this one ended), or a discharge on a pathway, or neither (not a discharge, e.g. died).
/// </summary>
/// <param name="Service">The next service; null when the patient left the register's services.</param>
/// <param name="Pathway">The discharge pathway when the patient left; null for a transfer or not a discharge.</param>
public readonly record struct Destination(string? Service, DischargePathway? Pathway)
{
    /// <summary>A transfer to <paramref name="service"/>.</summary>
    public static Destination To(string service) => new(service, null);

    /// <summary>A discharge on <paramref name="pathway"/> (null: not a discharge).</summary>
    public static Destination Discharged(DischargePathway? pathway) => new(null, pathway);

    /// <inheritdoc/>
    public override string ToString() => Service ?? (Pathway is { } p ? DischargePathwayWords.Table[p].Code : DischargePathwayWords.None);
}
